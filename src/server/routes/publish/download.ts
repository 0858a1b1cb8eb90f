// Sending a generated file as a download. The name is always made on the server (from the plan,
// period, leader or unit) and never taken from the request, so no client can steer it into a path;
// Chinese names travel as RFC 5987 `filename*=UTF-8''…` with a plain ASCII `filename` fallback.
import type { FastifyReply } from 'fastify';

// RFC 5987 attr-char: ALPHA DIGIT ! # $ & + - . ^ _ ` | ~ — everything else is percent-encoded.
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An ASCII-only stand-in for old clients that ignore `filename*`. */
const asciiName = (value: string): string =>
  value.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+/, '') || 'download';

/** The Content-Disposition header for a download named `fileName` (`fallback` for ASCII-only clients). */
export function contentDisposition(fileName: string, fallback: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f\\/]/g, '_');
  return `attachment; filename="${asciiName(fallback)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export function sendDownload(
  reply: FastifyReply,
  file: { bytes: Uint8Array; mime: string; fileName: string; fallback: string },
) {
  const body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  reply
    .header('content-type', file.mime)
    .header('content-length', String(body.byteLength))
    .header('content-disposition', contentDisposition(file.fileName, file.fallback))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  return reply.send(body);
}
