// Errors Node's HTTP parser answers before Fastify sees a request (headers over 16 KiB, headers not
// sent in time, a request line that is not HTTP): Fastify's default writes its own JSON shape. Here
// they get the API's `{error:{code,message}}` like every other answer, then the connection closes.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Status, code and message for a parser error of Node's (`clientError` event). */
export function clientErrorAnswer(err: { code?: string }): { status: number; code: string; message: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'headers_too_large', message: '请求头过大（Cookie 或其他请求头太长）' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request_timeout', message: '请求发送超时，连接已关闭，请检查网络后重试' };
    default:
      return { status: 400, code: 'bad_request', message: '请求格式不正确，无法解析' };
  }
}

/** Fastify's `clientErrorHandler`: answers in the API's error shape, then closes the socket. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has no one to answer (Fastify's default does the same).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = clientErrorAnswer(err);
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
