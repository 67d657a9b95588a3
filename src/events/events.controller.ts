import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Sse()
  @ApiOperation({
    summary: 'Luồng sự kiện (Server-Sent Events): trạng thái và tiến độ xử lý âm thanh',
    description: 'Mỗi sự kiện `asset` mang { assetId, reportageId, status, progress, error }.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream' })
  stream(): Observable<MessageEvent> {
    return this.events.stream().pipe(map((event) => ({ type: event.type, data: event })));
  }
}
