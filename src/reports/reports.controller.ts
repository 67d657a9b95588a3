import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import {
  AiringsReportQuery,
  AiringsReportView,
  ExemplarsReportView,
  ReportQuery,
  type ReportFormat,
} from './dto/report.dto.js';
import { attachment, toCsv } from './report-csv.js';
import { reportPage, type PrintTable } from './report-html.js';
import {
  AIRINGS_NOTES,
  AIRINGS_TITLE,
  airingsTable,
  exemplarGroupsTable,
  exemplarLinesTable,
  EXEMPLARS_NOTES,
  EXEMPLARS_TITLE,
} from './report-tables.js';
import { ReportsService } from './reports.service.js';

const FORMAT_NOTE =
  '`format=json` (mặc định), `csv` (UTF-8 có BOM, dấu phẩy, CRLF: Excel mở giữ nguyên tiếng Việt) hoặc `html` (trang in có tên trung tâm và kỳ báo cáo).';

/**
 * Báo cáo sơ kết, tổng kết: counts only, so every signed-in account may read them (no @Roles).
 * One route per report; the format is a query parameter.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('airings')
  @ApiOperation({
    summary: 'Số phóng sự đã phát, lượt phát lần đầu và phát lại, số phút, theo nhóm',
    description: `Nhóm theo chuyên mục, lĩnh vực, xã, tháng (giờ địa phương) hoặc phóng viên, kèm dòng tổng. ${FORMAT_NOTE}`,
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ type: AiringsReportView })
  async airings(@Query() query: AiringsReportQuery, @Res({ passthrough: true }) res: Response) {
    const report = await this.reports.airings(query);
    return this.send(res, query.format, report, {
      title: AIRINGS_TITLE,
      file: `bao-cao-phat-song-theo-${query.groupBy}`,
      csv: airingsTable(report),
      tables: [airingsTable(report)],
      notes: AIRINGS_NOTES,
    });
  }

  @Get('exemplars')
  @ApiOperation({
    summary:
      'Điển hình theo cấp, loại, lĩnh vực, tình trạng; số phóng sự, lượt phát; điển hình chưa được giới thiệu',
    description: `CSV: mỗi điển hình một dòng (cột "Đã giới thiệu" Có/Chưa). ${FORMAT_NOTE}`,
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ type: ExemplarsReportView })
  async exemplars(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    const report = await this.reports.exemplars(query);
    return this.send(res, query.format, report, {
      title: EXEMPLARS_TITLE,
      file: 'bao-cao-dien-hinh',
      csv: exemplarLinesTable(report.exemplars, 'Điển hình'),
      tables: [
        exemplarGroupsTable(report),
        exemplarLinesTable(report.neverFeatured, 'Điển hình chưa được giới thiệu trong kỳ'),
      ],
      notes: EXEMPLARS_NOTES,
    });
  }

  private send<T extends { from: string; to: string }>(
    res: Response,
    format: ReportFormat,
    report: T,
    out: { title: string; file: string; csv: PrintTable; tables: PrintTable[]; notes: readonly string[] },
  ): T | string {
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', attachment(`${out.file}-${report.from}-${report.to}.csv`));
      return toCsv(out.csv.header, out.csv.total ? [...out.csv.rows, out.csv.total] : out.csv.rows);
    }
    if (format === 'html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return reportPage({
        centreName: this.config.centreName,
        title: out.title,
        from: report.from,
        to: report.to,
        tables: out.tables,
        notes: out.notes,
        printedAt: new Date(),
        timeZone: this.config.planningTimeZone,
      });
    }
    return report;
  }
}
