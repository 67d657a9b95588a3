import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { AccountsService } from '../../accounts/accounts.service.js';
import { ApiFileField, QueryBoolean } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { IdParam } from '../../common/id.pipe.js';
import { SingleFileInterceptor } from '../../common/multipart.js';
import { PageOf } from '../../common/pagination.js';
import {
  CreateReportageDto,
  ListReportagesQuery,
  ReportageView,
  StatusChangeView,
  TransitionDto,
  UpdateReportageDto,
} from './dto/reportage.dto.js';
import { IMPORT_COLUMNS, ReportageImportService } from './reportage-import.service.js';
import type { WorkflowAction } from './reportage-workflow.js';
import { ReportagesService } from './reportages.service.js';
import { Roles } from '../../accounts/roles.js';

class ImportQuery {
  @ApiPropertyOptional({ description: 'Chỉ kiểm tra, không ghi gì', default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

class ImportResultView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Số dòng dữ liệu trong tệp' }) rows: number;
  @ApiProperty({ description: 'Số phóng sự đã tạo (0 khi dryRun)' }) created: number;
  @ApiProperty({ type: [Number] }) ids: number[];
}

@ApiTags('reportages')
@Controller('reportages')
export class ReportagesController {
  constructor(
    private readonly reportages: ReportagesService,
    private readonly importer: ReportageImportService,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Danh sách phóng sự: tìm không dấu (q), lọc theo chuyên mục, điển hình, lĩnh vực, địa bàn, trạng thái, phóng viên, ngày',
  })
  @ApiOkResponse({ type: PageOf(ReportageView) })
  list(@Query() query: ListReportagesQuery) {
    return this.reportages.list(query);
  }

  @Get('import/template.csv')
  @ApiOperation({ summary: 'Mẫu CSV để nhập kho phóng sự cũ (UTF-8 có BOM, mở được bằng Excel)' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mau-nhap-phong-su.csv"')
  template(): string {
    const example = [
      'Những bông hoa trên đường quê',
      'Hoa giữa đời thường',
      'Chị em phụ nữ ấp Phước Thạnh trồng hoa dọc tuyến đường',
      '',
      'Môi trường xanh – sạch – đẹp',
      'Chi hội Phụ nữ ấp Phước Thạnh',
      'Phước Hải',
      'Nguyễn Thị Lan',
      '15/03/2021',
      '05;môi trường',
      '',
      '',
      'archived',
    ];
    return `\uFEFF${IMPORT_COLUMNS.join(',')}\r\n${example.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')}\r\n`;
  }

  @Post('import')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  // Size and count limits come from MulterModule in CatalogModule (IMPORT_MAX_MB).
  @UseInterceptors(SingleFileInterceptor({ field: 'file', what: 'tệp CSV' }))
  @ApiOperation({
    summary: 'Nhập kho phóng sự từ CSV',
    description: `Cột: ${IMPORT_COLUMNS.join(', ')} (bắt buộc: title, segment). Danh sách (exemplars, places, tags) ngăn bằng dấu chấm phẩy; tên tra không phân biệt dấu, hoặc ghi mã dạng #12; ngày dd/MM/yyyy hoặc YYYY-MM-DD; status: draft hoặc archived. Mọi dòng được kiểm tra; có lỗi thì không ghi dòng nào (422, lỗi theo dòng và cột).`,
  })
  @ApiFileField()
  @ApiOkResponse({ type: ImportResultView })
  async import(@Query() query: ImportQuery, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'FILE_REQUIRED',
        'Hãy đính kèm tệp CSV trong trường "file".',
      );
    return this.importer.import(file.buffer, query.dryRun ?? false);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một phóng sự' })
  @ApiOkResponse({ type: ReportageView })
  get(@Param('id', IdParam) id: number) {
    return this.reportages.get(id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Lịch sử trạng thái: ai, khi nào, lý do' })
  @ApiOkResponse({ type: [StatusChangeView] })
  async history(@Param('id', IdParam) id: number): Promise<StatusChangeView[]> {
    const changes = await this.reportages.history(id);
    const { byUsername } = await this.accounts.displayNames(
      [],
      changes.flatMap((c) => (c.actor ? [c.actor] : [])),
    );
    // A name the accounts do not know ("Dữ liệu mẫu" from the seed) is already a person's word.
    return changes.map((c) => ({ ...c, actorName: c.actor ? (byUsername.get(c.actor) ?? c.actor) : null }));
  }

  @Post()
  @Roles('editor')
  @ApiOperation({ summary: 'Tạo phóng sự (bản nháp)' })
  @ApiCreatedResponse({ type: ReportageView })
  create(@Body() dto: CreateReportageDto) {
    return this.reportages.create(dto);
  }

  @Patch(':id')
  @Roles('editor')
  @ApiOperation({ summary: 'Sửa phóng sự (gửi kèm version đã đọc)' })
  @ApiOkResponse({ type: ReportageView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateReportageDto) {
    return this.reportages.update(id, dto);
  }

  @Delete(':id')
  @Roles('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá phóng sự nháp hoặc bị từ chối (phóng sự đã duyệt chỉ được lưu trữ)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam) id: number) {
    return this.reportages.remove(id);
  }

  @Post(':id/submit')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gửi duyệt: nháp hoặc bị từ chối → chờ duyệt' })
  @ApiOkResponse({ type: ReportageView })
  submit(@Param('id', IdParam) id: number, @Body() dto: TransitionDto) {
    return this.act(id, 'submit', dto);
  }

  @Post(':id/withdraw')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rút lại: chờ duyệt → nháp' })
  @ApiOkResponse({ type: ReportageView })
  withdraw(@Param('id', IdParam) id: number, @Body() dto: TransitionDto) {
    return this.act(id, 'withdraw', dto);
  }

  @Post(':id/approve')
  @Roles('approver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Duyệt: chờ duyệt → đã duyệt' })
  @ApiOkResponse({ type: ReportageView })
  approve(@Param('id', IdParam) id: number, @Body() dto: TransitionDto) {
    return this.act(id, 'approve', dto);
  }

  @Post(':id/reject')
  @Roles('approver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Từ chối (cần lý do): chờ duyệt → bị từ chối' })
  @ApiOkResponse({ type: ReportageView })
  reject(@Param('id', IdParam) id: number, @Body() dto: TransitionDto) {
    return this.act(id, 'reject', dto);
  }

  @Post(':id/archive')
  @Roles('editor', 'approver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lưu trữ' })
  @ApiOkResponse({ type: ReportageView })
  archive(@Param('id', IdParam) id: number, @Body() dto: TransitionDto) {
    return this.act(id, 'archive', dto);
  }

  @Post(':id/restore')
  @Roles('editor', 'approver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Khôi phục từ lưu trữ về nháp' })
  @ApiOkResponse({ type: ReportageView })
  restore(@Param('id', IdParam) id: number, @Body() dto: TransitionDto) {
    return this.act(id, 'restore', dto);
  }

  private act(id: number, action: WorkflowAction, dto: TransitionDto) {
    return this.reportages.transition(id, action, dto);
  }
}
