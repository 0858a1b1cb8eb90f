// Only the glyphs a printed page uses go into its PDF. Debian's Chinese fonts come as collections
// (.ttc: WenQuanYi Zen Hei, Noto CJK), and from the system's wqy-zenhei.ttc Chromium embedded the
// whole 16.8 MB file: the 136-task seed table printed to 9.6 MB, 9.2 MB of it that font (Noto's
// CFF outlines it draws as Type 3 glyphs instead, hundreds of small fonts). So before a page is printed, the font Chromium would pick for it is cut down
// to the characters the page contains with HarfBuzz's subsetter (harfbuzzjs, wasm) and given to
// the page as an @font-face data URL under EMBEDDED_FONT_FAMILY, the first name of the page's
// font-family: the seed table's font becomes about 1,300 glyphs (360 KB, 210 KB compressed in
// the PDF). A page that does not name that family, or a character the subset lacks, falls back to
// the installed fonts as before. The font file used last stays loaded in the wasm heap (read
// again when it changed on disk), so with one face a subset takes milliseconds after the first.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { fail, ok, type Result } from '../domain/index.js';

const run = promisify(execFile);

/** The family a page names first to use the embedded subset (no installed font has this name). */
export const EMBEDDED_FONT_FAMILY = 'duban-embedded';

/** One face fontconfig knows that covers Chinese. */
export interface SystemFont {
  file: string;
  /** Face index inside a collection (.ttc), 0 for a single font. */
  index: number;
  /** Every name of the family, as fontconfig lists them (English and Chinese). */
  families: string[];
  /** fontconfig weight: 80 regular, 100 medium, 200 bold. */
  weight: number;
  italic: boolean;
}

/** Reads `fc-list -f '%{file}\t%{index}\t%{family}\t%{style}\t%{weight}\n'` output. */
export function parseFontList(stdout: string): SystemFont[] {
  const fonts: SystemFont[] = [];
  for (const line of stdout.split('\n')) {
    const [file, index, family, style = '', weight = ''] = line.split('\t');
    if (!file || !family || !/^\d+$/.test(index ?? '')) continue;
    // Named instances of a variable font carry the instance in the high 16 bits: the face itself will do.
    if (Number(index) >> 16 !== 0) continue;
    const w = /\d+/.exec(weight);
    fonts.push({
      file,
      index: Number(index),
      families: family.split(',').map((f) => f.trim()),
      weight: w ? Number(w[0]) : 80,
      italic: /italic|oblique/i.test(style),
    });
  }
  return fonts;
}

let chineseFonts: Promise<SystemFont[]> | undefined;
/** The faces fontconfig lists for Chinese (asked once per process; empty when it cannot be asked). */
export function listChineseFonts(): Promise<SystemFont[]> {
  chineseFonts ??= run('fc-list', ['-f', '%{file}\t%{index}\t%{family}\t%{style}\t%{weight}\n', ':lang=zh'], {
    timeout: 10_000,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout }) => parseFontList(stdout),
    () => [],
  );
  return chineseFonts;
}

let fallbackFont: Promise<{ file: string; index: number } | null> | undefined;
/** The face fontconfig gives a Chinese serif text when the page names no installed family. */
function fontconfigChoice(): Promise<{ file: string; index: number } | null> {
  fallbackFont ??= run('fc-match', ['-f', '%{file}\t%{index}', 'serif:lang=zh-cn'], { timeout: 10_000 }).then(
    ({ stdout }) => {
      const [file, index] = stdout.split('\t');
      return file && /^\d+$/.test(index ?? '') ? { file, index: Number(index) } : null;
    },
    () => null,
  );
  return fallbackFont;
}

export interface FontChoice {
  /** The family name the choice was made by (from the stack, or fontconfig's). */
  family: string;
  regular: SystemFont;
  /** A real bold face of the same family; without one Chromium draws bold by thickening. */
  bold?: SystemFont;
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

/** The family names of a CSS font-family value, in order, without generic names. */
export function stackNames(stack: string): string[] {
  return stack
    .split(',')
    .map((n) => n.trim().replace(/^["']|["']$/g, ''))
    .filter((n) => n && !GENERIC.has(n.toLowerCase()) && n !== EMBEDDED_FONT_FAMILY);
}

/**
 * What Chromium would print the stack's Chinese text with: the first family of the stack that is
 * installed (its regular face and, when there is one, its bold face), else `fallback` (fontconfig's
 * own choice for Chinese), else the first upright Chinese face. Null when there is none.
 */
export function chooseFont(
  fonts: SystemFont[],
  stack: string,
  fallback?: { file: string; index: number } | null,
): FontChoice | null {
  const upright = fonts.filter((f) => !f.italic);
  const closest = (faces: SystemFont[], weight: number) =>
    [...faces].sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight))[0];
  for (const name of stackNames(stack)) {
    const faces = upright.filter((f) => f.families.some((n) => n.toLowerCase() === name.toLowerCase()));
    if (faces.length === 0) continue;
    const regular = closest(
      faces.filter((f) => f.weight < 180),
      80,
    );
    const bold = closest(
      faces.filter((f) => f.weight >= 180),
      200,
    );
    if (regular) return { family: name, regular, ...(bold ? { bold } : {}) };
  }
  const chosen =
    (fallback && upright.find((f) => f.file === fallback.file && f.index === fallback.index)) ?? upright[0];
  return chosen ? { family: chosen.families[0], regular: chosen } : null;
}

/** The characters a page shows: its text outside tags, style and title, entities decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<(style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
      if (e[0] !== '#') return named[e.toLowerCase()];
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    });
}

/** Printable ASCII, always kept: digits and Latin letters cost little and a page may add some. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);

// --- HarfBuzz (harfbuzzjs' subsetting build: raw wasm exports, no imports) ---

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
/** Hinting instructions only matter on screen at small sizes; a PDF viewer ignores them. */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let harfbuzz: Promise<HarfBuzz> | undefined;
function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(path));
    const hb = instance.exports as unknown as HarfBuzz;
    hb._initialize();
    return hb;
  })();
  harfbuzz.catch(() => (harfbuzz = undefined));
  return harfbuzz;
}

interface LoadedFile {
  file: string;
  /** Size and mtime of the file when it was read: a changed file is read again. */
  stamp: string;
  data: number;
  blob: number;
  faces: Map<number, number>;
}

// harfbuzzjs' subsetter has a fixed heap of 64 MiB: room for one font file (wqy-zenhei.ttc is
// 16.8 MB, Debian's Noto Serif CJK collections 26–27 MB each) and the work of subsetting it, not
// for two. So one file stays loaded, the last one used, and subsets run one at a time.
let loaded: LoadedFile | null = null;
let queue: Promise<unknown> = Promise.resolve();

function unload(hb: HarfBuzz): void {
  if (!loaded) return;
  for (const face of loaded.faces.values()) hb.hb_face_destroy(face);
  hb.hb_blob_destroy(loaded.blob);
  hb.free(loaded.data);
  loaded = null;
}

/** The face in the wasm heap, the file read unless it is the one already there (unchanged). */
async function loadFace(hb: HarfBuzz, file: string, stamp: string, index: number): Promise<number> {
  if (loaded?.file !== file || loaded.stamp !== stamp) {
    unload(hb);
    const bytes = await readFile(file);
    const data = hb.malloc(bytes.length);
    if (!data) throw new Error(`the font (${bytes.length} bytes) does not fit HarfBuzz's memory`);
    new Uint8Array(hb.memory.buffer).set(bytes, data);
    const blob = hb.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
    loaded = { file, stamp, data, blob, faces: new Map() };
  }
  let face = loaded.faces.get(index);
  if (face === undefined) {
    face = hb.hb_face_create(loaded.blob, index);
    loaded.faces.set(index, face);
  }
  return face;
}

/**
 * An OpenType font (TrueType or CFF outlines, as the original) with only the glyphs of
 * `codePoints` (and those shaping them needs) from face `index` of `file` (a .ttf, .otf or a
 * collection .ttc/.otc). The bytes may be shared with later callers asking the same: read only.
 */
export function subsetFont(file: string, index: number, codePoints: Iterable<number>): Promise<Result<Uint8Array>> {
  const result = queue.then(() => subsetNow(file, index, codePoints));
  queue = result;
  return result;
}

/** The last few subsets made, by font file, face and characters: the same view exported again. */
const recent = new Map<string, Uint8Array>();
const RECENT = 4;

async function subsetNow(file: string, index: number, codePoints: Iterable<number>): Promise<Result<Uint8Array>> {
  try {
    const points = [...new Set(codePoints)].sort((a, b) => a - b);
    const info = await stat(file);
    const stamp = `${info.size}:${info.mtimeMs}`;
    const key = `${file}\0${index}\0${stamp}\0${createHash('sha1').update(Uint32Array.from(points)).digest('base64')}`;
    const hit = recent.get(key);
    if (hit) {
      recent.delete(key);
      recent.set(key, hit);
      return ok(hit);
    }
    const made = await subsetLoaded(file, stamp, index, points);
    if (made.ok) {
      recent.set(key, made.value);
      if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    }
    return made;
  } catch (err) {
    return fail('internal', `font subset of ${file}: ${(err as Error).message}`);
  }
}

async function subsetLoaded(file: string, stamp: string, index: number, points: number[]): Promise<Result<Uint8Array>> {
  const hb = await loadHarfBuzz();
  const face = await loadFace(hb, file, stamp, index);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) return fail('internal', 'HarfBuzz could not start a subset');
  let subset = 0;
  try {
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of points) hb.hb_set_add(unicodes, cp);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (!subset) return fail('bad_input', `HarfBuzz could not subset face ${index} of ${file}`);
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const length = hb.hb_blob_get_length(blob);
    if (length === 0) return fail('bad_input', `face ${index} of ${file} gave an empty subset`);
    const at = hb.hb_blob_get_data(blob, 0);
    // A copy: the wasm heap is reused by the next subset.
    return ok(new Uint8Array(hb.memory.buffer, at, length).slice());
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

export interface EmbeddedFont {
  file: string;
  index: number;
  weight: 'normal' | 'bold';
  /** Size of the subset font given to the page. */
  bytes: number;
}

export interface EmbeddedPage {
  html: string;
  /** The faces embedded (none when the page does not name EMBEDDED_FONT_FAMILY). */
  fonts: EmbeddedFont[];
  /** Characters the subsets were made for. */
  characters: number;
  /** Time taken to choose and subset the fonts. */
  ms: number;
}

/**
 * The page with @font-face rules for EMBEDDED_FONT_FAMILY: the font Chromium would choose for the
 * rest of the page's font-family list (`font-family: "duban-embedded", "宋体", …`), cut down to the
 * page's characters. The page as it is when it does not name that family; an error when no Chinese
 * font is installed or the subset fails (the caller can then print the page as it is).
 */
export async function embedPageFont(html: string): Promise<Result<EmbeddedPage>> {
  const started = performance.now();
  const named = new RegExp(`font-family:\\s*["']?${EMBEDDED_FONT_FAMILY}["']?\\s*(?:,([^;}]*))?`).exec(html);
  if (!named) return ok({ html, fonts: [], characters: 0, ms: 0 });
  const stack = named[1] ?? '';
  const [fonts, fallback] = await Promise.all([listChineseFonts(), fontconfigChoice()]);
  const choice = chooseFont(fonts, stack, fallback);
  if (!choice) return fail('unsupported_format', 'no Chinese font is installed to embed');
  const codePoints = new Set<number>(ASCII);
  for (const ch of pageText(html)) codePoints.add(ch.codePointAt(0)!);
  const embedded: EmbeddedFont[] = [];
  const rules: string[] = [];
  const faces = [['normal', choice.regular] as const, ...(choice.bold ? [['bold', choice.bold] as const] : [])];
  for (const [weight, face] of faces) {
    const subset = await subsetFont(face.file, face.index, codePoints);
    if (!subset.ok) return subset;
    embedded.push({ file: face.file, index: face.index, weight, bytes: subset.value.length });
    // CFF-outlined fonts (Noto CJK) stay OpenType/CFF ('OTTO'), TrueType-outlined ones TrueType.
    const cff = Buffer.from(subset.value.subarray(0, 4)).toString('latin1') === 'OTTO';
    const data = `data:font/${cff ? 'otf' : 'ttf'};base64,${Buffer.from(subset.value).toString('base64')}`;
    rules.push(
      `@font-face { font-family: "${EMBEDDED_FONT_FAMILY}"; font-weight: ${weight}; font-style: normal; src: url(${data}) format("${cff ? 'opentype' : 'truetype'}"); }`,
    );
  }
  const style = `<style>\n${rules.join('\n')}\n</style>`;
  const at = html.search(/<\/head\s*>/i);
  const page = at >= 0 ? `${html.slice(0, at)}${style}${html.slice(at)}` : `${style}${html}`;
  return ok({ html: page, fonts: embedded, characters: codePoints.size, ms: performance.now() - started });
}
