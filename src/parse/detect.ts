// Recognises what a file is by its bytes, not its name: an office zip (xlsx/docx), an encrypted
// office file, an Office 97-2003 one (a compound file: .xls, .doc), or text in one of the
// encodings Chinese offices produce (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030/GBK).

import { COMPOUND_SIGNATURE } from './cfb.js';

export type Detected =
  | { kind: 'zip' }
  /** A compound file (Office 97-2003: .xls, .doc), not encrypted. */
  | { kind: 'compound' }
  | { kind: 'text'; text: string; encoding: string }
  | { kind: 'error'; code: 'bad_input' | 'encrypted' | 'unsupported_format'; message: string };

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((v, i) => b[i] === v);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

/** Finds an ASCII name stored as UTF-16LE (how OLE directories name their streams). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

/** Share of characters that no table text contains (controls other than tab/newline, U+FFFD). */
function junkShare(text: string): number {
  const sample = text.slice(0, 50_000);
  if (!sample.length) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) junk++;
  }
  return junk / sample.length;
}

/** Guesses UTF-16 without a BOM from the zero bytes ASCII characters leave behind. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4000) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Chinese Windows software writes GBK, which GB18030 contains.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Tells what the bytes are and, for text, decodes them. */
export function detect(bytes: Uint8Array): Detected {
  if (bytes.length === 0) return { kind: 'error', code: 'bad_input', message: 'the file is empty' };
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, COMPOUND_SIGNATURE)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      return {
        kind: 'error',
        code: 'encrypted',
        message: 'the office file is password-protected; remove the password and try again',
      };
    }
    return { kind: 'compound' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return {
      kind: 'error',
      code: 'unsupported_format',
      message: 'PDF is not read directly; copy the table out as text, or save it as .docx/.xlsx',
    };
  }
  const { text, encoding } = decodeText(bytes);
  if (!text.trim()) return { kind: 'error', code: 'bad_input', message: 'the file is empty' };
  if (junkShare(text) > 0.02) {
    return {
      kind: 'error',
      code: 'bad_input',
      message: 'the file is not a table: it holds binary data, not text, .xlsx or .docx',
    };
  }
  return { kind: 'text', text, encoding };
}
