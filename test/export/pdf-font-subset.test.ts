// The PDF carries only the glyphs it prints. Chromium used to embed the whole Chinese font
// collection (the seed table: 9.6 MB, 9.2 MB of it wqy-zenhei.ttc); the page now gets a subset
// of the font made with HarfBuzz. The printing tests need Debian's chromium and a Chinese font
// (CI installs chromium and fonts-wqy-zenhei) and are skipped, saying so, without them.
import { existsSync, statSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findChromium, hasChineseFont } from '../../src/export/chromium.js';
import {
  EMBEDDED_FONT_FAMILY,
  chooseFont,
  embedPageFont,
  listChineseFonts,
  pageText,
  parseFontList,
  subsetFont,
  type SystemFont,
} from '../../src/export/font-subset.js';
import { renderProgressHtml } from '../../src/export/progress-html.js';
import { writeProgressPdf } from '../../src/export/progress-pdf.js';
import { CSS_FONT_STACK } from '../../src/export/style.js';
import { seedTable } from './seed.js';

/** The code points a TrueType font's cmap maps (formats 4 and 12, the ones subsets carry). */
function mappedCodePoints(font: Uint8Array): Set<number> {
  const b = Buffer.from(font);
  const tables = b.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++)
    if (b.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = b.readUInt32BE(20 + 16 * i);
  expect(cmap).toBeGreaterThan(0);
  const out = new Set<number>();
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const at = cmap + b.readUInt32BE(cmap + 8 + 8 * i);
    const format = b.readUInt16BE(at);
    if (format === 12) {
      for (let g = 0; g < b.readUInt32BE(at + 12); g++) {
        const [start, end] = [b.readUInt32BE(at + 16 + 12 * g), b.readUInt32BE(at + 20 + 12 * g)];
        for (let cp = start; cp <= end; cp++) out.add(cp);
      }
    } else if (format === 4) {
      const segs = b.readUInt16BE(at + 6) / 2;
      for (let s = 0; s < segs; s++) {
        const end = b.readUInt16BE(at + 14 + 2 * s);
        const start = b.readUInt16BE(at + 16 + 2 * segs + 2 * s);
        for (let cp = start; cp <= end && cp !== 0xffff; cp++) out.add(cp);
      }
    }
  }
  return out;
}

/** Each embedded font program of a PDF (Chromium's /FontFile2 streams) with its decoded size. */
function embeddedFontFiles(pdf: Buffer): Array<{ name: string; bytes: number }> {
  const text = pdf.toString('latin1');
  const streams = new Map<string, Buffer>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const length = /\/Length (\d+)/.exec(m[2]);
    if (!length) continue;
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + Number(length[1]));
    streams.set(m[1], /FlateDecode/.test(m[2]) ? inflateSync(raw) : raw);
  }
  return [...text.matchAll(/\/FontName \/(\S+)[^>]*?\/FontFile2 (\d+) 0 R/g)].map((m) => ({
    name: m[1],
    bytes: streams.get(m[2])?.length ?? -1,
  }));
}

const face = (file: string, index: number, families: string, weight = 80, italic = false): SystemFont => ({
  file,
  index,
  families: families.split(','),
  weight,
  italic,
});

describe('choosing the font to embed', () => {
  it('reads the faces fontconfig lists, collections with their face index', () => {
    const fonts = parseFontList(
      [
        '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc\t0\tWenQuanYi Zen Hei,文泉驛正黑,文泉驿正黑\tRegular\t100',
        '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc\t2\tWenQuanYi Zen Hei Sharp,文泉驛點陣正黑\tRegular\t100',
        '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc\t2\tNoto Serif CJK SC\tBold\t200',
        '/usr/share/fonts/truetype/x/Var.ttf\t65537\tSome Var\tLight\t50',
        '/usr/share/fonts/truetype/x/Italic.ttf\t0\tKai Italic\tItalic\t80',
        '',
      ].join('\n'),
    );
    expect(fonts.map((f) => [f.index, f.families[0], f.weight, f.italic])).toEqual([
      [0, 'WenQuanYi Zen Hei', 100, false],
      [2, 'WenQuanYi Zen Hei Sharp', 100, false],
      [2, 'Noto Serif CJK SC', 200, false],
      [0, 'Kai Italic', 80, true],
    ]);
  });

  it('takes the first family of the page font stack that is installed, with its bold face', () => {
    const fonts = [
      face('/fonts/wqy-zenhei.ttc', 0, 'WenQuanYi Zen Hei,文泉驿正黑', 100),
      face('/fonts/NotoSerifCJK-Regular.ttc', 2, 'Noto Serif CJK SC', 80),
      face('/fonts/NotoSerifCJK-Bold.ttc', 2, 'Noto Serif CJK SC', 200),
      face('/fonts/NotoSerifCJK-Light.ttc', 2, 'Noto Serif CJK SC,Noto Serif CJK SC Light', 50),
    ];
    const choice = chooseFont(fonts, CSS_FONT_STACK);
    expect(choice?.family).toBe('Noto Serif CJK SC');
    expect(choice?.regular.file).toBe('/fonts/NotoSerifCJK-Regular.ttc');
    expect(choice?.bold?.file).toBe('/fonts/NotoSerifCJK-Bold.ttc');
  });

  it('takes WenQuanYi Zen Hei alone (no bold face: Chromium thickens it) when that is what is installed', () => {
    const fonts = [
      face('/fonts/wqy-zenhei.ttc', 2, 'WenQuanYi Zen Hei Sharp', 100),
      face('/fonts/wqy-zenhei.ttc', 0, 'WenQuanYi Zen Hei,文泉驿正黑', 100),
    ];
    const choice = chooseFont(fonts, CSS_FONT_STACK);
    expect(choice?.regular.index).toBe(0);
    expect(choice?.bold).toBeUndefined();
  });

  it("falls back to fontconfig's choice when the page names no installed family, and to nothing without fonts", () => {
    const fonts = [face('/fonts/a.ttf', 0, 'AR PL UMing CN'), face('/fonts/b.ttc', 1, 'Droid Sans Fallback')];
    expect(chooseFont(fonts, '"宋体", serif', { file: '/fonts/b.ttc', index: 1 })?.regular.file).toBe('/fonts/b.ttc');
    expect(chooseFont(fonts, '"宋体", serif')?.regular.file).toBe('/fonts/a.ttf');
    expect(chooseFont([], CSS_FONT_STACK)).toBeNull();
  });

  it('reads the characters a page shows, not its markup, style or title', () => {
    const html =
      '<html><head><title>标题栏</title><style>body{font-family:"宋体"}</style></head><body><td class="c">增长&lt;5%&gt; &amp; &#x7a33;&#31283;</td></body></html>';
    expect(pageText(html)).toBe('增长<5%> & 稳稳');
  });

  it('leaves a page that does not name the embedded family as it is', async () => {
    const html = '<!doctype html><html><head><style>body{font-family:serif}</style></head><body>进展</body></html>';
    const page = await embedPageFont(html);
    expect(page.ok && page.value.html).toBe(html);
    expect(page.ok && page.value.fonts).toEqual([]);
  });
});

const chineseFonts = await listChineseFonts();
const haveFont = chineseFonts.length > 0;
const NO_FONT = 'no Chinese font installed (apt-get install fonts-wqy-zenhei)';

describe('subsetting the installed Chinese font', () => {
  it('keeps exactly the characters asked for, a small fraction of the font file', async (ctx) => {
    if (!haveFont) ctx.skip(NO_FONT);
    const choice = chooseFont(chineseFonts, CSS_FONT_STACK)!;
    const text = '进展情况表牵头单位2023年';
    const subset = await subsetFont(
      choice.regular.file,
      choice.regular.index,
      [...text].map((c) => c.codePointAt(0)!),
    );
    expect(subset.ok).toBe(true);
    if (!subset.ok) return;
    expect([...mappedCodePoints(subset.value)].sort((a, b) => a - b)).toEqual(
      [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b),
    );
    expect(subset.value.length).toBeLessThan(20_000);
    expect(subset.value.length).toBeLessThan(statSync(choice.regular.file).size / 100);
  });

  it('subsets from two font files asked at once, one after the other, each with its own characters', async (ctx) => {
    if (!haveFont) ctx.skip(NO_FONT);
    const latin = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    if (!existsSync(latin)) ctx.skip(`no second font to switch to (${latin})`);
    const { file, index } = chooseFont(chineseFonts, CSS_FONT_STACK)!.regular;
    const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);
    const [a, b, c] = await Promise.all([
      subsetFont(file, index, cps('督办')),
      subsetFont(latin, 0, cps('Duban')),
      subsetFont(file, index, cps('批示')),
    ]);
    for (const [result, text] of [
      [a, '督办'],
      [b, 'Duban'],
      [c, '批示'],
    ] as const) {
      expect(result.ok).toBe(true);
      if (result.ok)
        expect([...mappedCodePoints(result.value)].sort((x, y) => x - y)).toEqual(
          [...new Set(cps(text))].sort((x, y) => x - y),
        );
    }
  });

  it('gives the seed page its font as @font-face data and names it first', async (ctx) => {
    if (!haveFont) ctx.skip(NO_FONT);
    const html = renderProgressHtml(seedTable(true));
    expect(html).toContain(`font-family: "${EMBEDDED_FONT_FAMILY}", ${CSS_FONT_STACK};`);
    const page = await embedPageFont(html);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const rule =
      /@font-face \{ font-family: "duban-embedded"; font-weight: normal;[^}]*base64,([A-Za-z0-9+/=]+)\)/.exec(
        page.value.html,
      );
    expect(rule).not.toBeNull();
    const mapped = mappedCodePoints(Buffer.from(rule![1], 'base64'));
    for (const ch of '钱塘区政府工作报告重点工作任务四季度进展情况表序号牵头区领导进度滞后')
      expect(mapped.has(ch.codePointAt(0)!)).toBe(true);
    expect(page.value.characters).toBeGreaterThan(1000); // the seed uses about 1,350 distinct characters
    expect(page.value.fonts[0].bytes).toBeLessThan(1_000_000);
  });
});

const chromium = findChromium();
const cjk = await hasChineseFont();

describe('the seed table as PDF', () => {
  it('is under 2 MB and embeds a subset of the Chinese font, not the whole font', async (ctx) => {
    if (!chromium) ctx.skip('Chromium not installed (apt-get install chromium)');
    if (!cjk || !haveFont) ctx.skip(NO_FONT);
    const pdf = Buffer.from(await writeProgressPdf(seedTable(true)));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The whole font made this 9.6 MB; the subset about 0.8 MB.
    expect(pdf.length).toBeLessThan(2_000_000);
    const fonts = embeddedFontFiles(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    const fontFile = statSync(chooseFont(chineseFonts, CSS_FONT_STACK)!.regular.file).size;
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+/); // a subset, as PDF names them
      expect(f.bytes).toBeGreaterThan(0);
      expect(f.bytes).toBeLessThan(Math.min(1_000_000, fontFile / 4));
    }
  }, 120_000);
});
