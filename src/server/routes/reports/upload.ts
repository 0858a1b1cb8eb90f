// Evidence uploads: the file's name must have an allowed extension AND its first bytes must match
// that kind (a renamed executable is refused), within the size limit from the settings.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';

const KINDS: Record<string, { mime: string; magic: number[][] }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  gif: { mime: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  webp: { mime: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  ppt: { mime: 'application/vnd.ms-powerpoint', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  zip: {
    mime: 'application/zip',
    magic: [
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
    ],
  },
};

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

export interface Upload {
  fileName: string;
  mime: string;
  content: Buffer;
  sha256: string;
}

/** Reads the one `file` part of a multipart request, up to `maxBytes`. */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; content: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart())
    throw new HttpError('unsupported_format', '请以 multipart/form-data 上传文件（字段名 file）');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new HttpError('bad_request', '没有收到文件（字段名 file）');
  const content = await part.toBuffer();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === 'field' && typeof f.value === 'string') fields[k] = f.value;
  }
  return { fileName: part.filename, content, fields };
}

/**
 * The name as stored and shown: bidi and other invisible format characters (U+202E would show
 * "doc.exe.pdf" as "doc.fdp.exe") are dropped, control characters and path separators become "_",
 * and only the last 200 characters are kept (the extension is at the end).
 */
export function cleanFileName(fileName: string): string {
  const visible = fileName
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\\/\p{Cc}]/gu, '_')
    .trim();
  return Array.from(visible).slice(-200).join('') || '_';
}

export function checkEvidence(rawName: string, content: Buffer): Upload {
  const fileName = cleanFileName(rawName);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind = KINDS[ext];
  if (!kind)
    throw new HttpError('unsupported_format', `不支持的文件类型“.${ext}”；允许：${ALLOWED_EXTENSIONS.join('、')}`);
  if (!kind.magic.some((m) => m.every((b, i) => content[i] === b)))
    throw new HttpError('unsupported_format', `文件内容与扩展名“.${ext}”不符`);
  return { fileName, mime: kind.mime, content, sha256: createHash('sha256').update(content).digest('hex') };
}
