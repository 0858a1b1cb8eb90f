// A web page saved as one file (`.mht`, `.mhtml`: 单一文件网页, as Word, WPS and older browsers save
// a page): a MIME message whose first text/html part is the page, often quoted-printable in GB2312.
// This module takes the page out of the message; html-rows.ts reads it as any saved page.

/** A MIME message holding a page: its headers at the top name a multipart/related body. */
export function looksLikeMimePage(text: string): boolean {
  const head = text.slice(0, 2048);
  return /^\s*(MIME-Version|From|Subject|Date|Content-Type)\s*:/i.test(head) && /multipart\/related/i.test(head);
}

/** The page of a MIME message, decoded, or null when the message holds no text/html part. */
export function pageOfMime(text: string): string | null {
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text.slice(0, 4096))?.[1];
  if (!boundary) return null;
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type\s*:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding\s*:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase() ?? '7bit';
    const charset = /charset\s*=\s*"?([\w-]+)"?/i.exec(headers)?.[1] ?? 'utf-8';
    if (encoding !== 'quoted-printable' && encoding !== 'base64') return body;
    const bytes = encoding === 'base64' ? base64Bytes(body) : quotedPrintableBytes(body);
    return decodeIn(bytes, charset);
  }
  return null;
}

/** Bytes of a quoted-printable body: `=E4=B8=80` are bytes, `=` at a line's end joins it to the next. */
function quotedPrintableBytes(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  // (a quoted-printable body is ASCII; a character past it, written in by hand, keeps its UTF-8 bytes)
  let wide = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) wide++;
  const out = new Uint8Array(text.length + 3 * wide);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = c === 0x3d ? parseInt(text.slice(i + 1, i + 3), 16) : NaN;
    if (!Number.isNaN(hex) && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out[n++] = hex;
      i += 2;
    } else if (c < 0x80) out[n++] = c;
    else for (const b of Buffer.from(text[i], 'utf8')) out[n++] = b;
  }
  return out.subarray(0, n);
}

function base64Bytes(body: string): Uint8Array {
  return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
}

/** The bytes read in the part's charset (`gb2312` is read as GB18030, which contains it). */
function decodeIn(bytes: Uint8Array, charset: string): string {
  const name = /^(gb2312|gbk|gb_2312-80|x-gbk)$/i.test(charset) ? 'gb18030' : charset;
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
