import { randomUUID } from 'node:crypto';
import { maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './errors.js';
import { viNumber } from './text.js';

/** Why Node's HTTP parser gave up on a request, as the status Node itself would answer. */
function answerFor(code: string | undefined, maxHeaderBytes: number): ErrorBody {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        statusCode: 431,
        error: 'Request Header Fields Too Large',
        code: 'HEADERS_TOO_LARGE',
        message: `Địa chỉ yêu cầu (URL) hoặc phần đầu yêu cầu dài quá ${viNumber(maxHeaderBytes / 1024, 0)} KB cho phép. Hãy rút ngắn điều kiện tìm kiếm, hoặc xoá cookie của trang rồi thử lại.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'PAYLOAD_TOO_LARGE',
        message: 'Dữ liệu gửi lên quá lớn so với giới hạn cho phép.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        statusCode: 408,
        error: 'Request Timeout',
        code: 'REQUEST_TIMEOUT',
        message: 'Yêu cầu gửi đến quá chậm nên đã bị ngắt; hãy thử lại.',
      };
    default:
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: 'MALFORMED_REQUEST',
        message: 'Yêu cầu HTTP sai cú pháp nên không đọc được.',
      };
  }
}

/**
 * Requests Node's HTTP parser refuses before any middleware runs (a URL or headers past
 * `maxHeaderSize`, broken framing, a client too slow to send its headers) get the API's error shape
 * instead of Node's bare status line. Node's own limit stays: raising it would let every connection
 * hold more memory for headers, and a 20,000-character query is no real search.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    // As Node does: answer only while nothing of a response has been written, then close.
    if (error.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const answer = answerFor(
      error.code,
      (server as { maxHeaderSize?: number }).maxHeaderSize ?? maxHeaderSize,
    );
    const body = JSON.stringify({ ...answer, requestId });
    const head = [
      `HTTP/1.1 ${answer.statusCode} ${answer.error}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'X-Content-Type-Options: nosniff',
      `X-Request-Id: ${requestId}`,
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}
