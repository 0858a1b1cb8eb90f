// Reading a webhook's answer without trusting its size: a receiver (or anything a channel URL
// points at) may send an endless or huge body. Only the first bytes matter (the status and a
// robot's `errcode`), so reading stops at a bound and the rest of the response is cancelled.

/** Enough for any robot's JSON answer and a readable error excerpt. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** The first `maxBytes` of the response body as UTF-8 text; the remainder is discarded unread. */
export async function readBoundedText(response: Response, maxBytes = MAX_RESPONSE_BYTES): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - size;
      const part = value.byteLength > room ? value.subarray(0, room) : value;
      chunks.push(part);
      size += part.byteLength;
    }
  } finally {
    // Closes the connection when the sender is still sending; a no-op when the body has ended.
    await reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
