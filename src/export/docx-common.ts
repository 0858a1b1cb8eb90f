// Pieces every Word document duban writes shares: East Asian fonts, A4 pages, paragraphs
// that keep line breaks, and thin-bordered table cells.
import {
  AlignmentType,
  BorderStyle,
  PageOrientation,
  Paragraph,
  ShadingType,
  TableCell,
  TextRun,
  VerticalAlign,
  type IRunOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { BODY_FONT, LATIN_FONT, TITLE_FONT } from './style.js';

/** A font setting naming the Chinese face for East Asian text and a Latin face for the rest. */
export const fontPair = (eastAsia: string) => ({ ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia });

/** Default styles: body text in 仿宋_GB2312 (size in half-points). */
export function documentStyles(sizeHalfPoints = 21): IStylesOptions {
  return { default: { document: { run: { font: fontPair(BODY_FONT), size: sizeHalfPoints } } } };
}

/** A4 page properties; the docx package swaps width and height for landscape. */
export function a4Page(landscape: boolean, marginTwips = 851): ISectionPropertiesOptions {
  return {
    page: {
      size: {
        width: 11906,
        height: 16838,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: marginTwips, bottom: marginTwips, left: marginTwips, right: marginTwips },
    },
  };
}

/** Usable width of an A4 page between the margins, in twips. */
export const a4TextWidth = (landscape: boolean, marginTwips = 851): number =>
  (landscape ? 16838 : 11906) - 2 * marginTwips;

/** Paragraphs of a text, one per line, so a multi-line progress cell stays multi-line. */
export function textParagraphs(
  text: string,
  run: Omit<IRunOptions, 'text'> = {},
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph[] {
  const lines = text === '' ? [''] : text.split(/\r?\n/);
  return lines.map((line) => new Paragraph({ alignment, children: [new TextRun({ ...run, text: line })] }));
}

export function title(text: string, size = 36): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text, bold: true, size, font: fontPair(TITLE_FONT) })],
  });
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: fontPair('黑体') })],
  });
}

export function bodyParagraph(text: string, run: Omit<IRunOptions, 'text'> = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    indent: { firstLine: 560 },
    children: [new TextRun({ ...run, text })],
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Black hairlines around and inside a table, set once on the table rather than on every cell. */
export const TABLE_BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
/** Cell padding, set once on the table (twips). */
export const TABLE_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/** A cell with its text vertically centred; `fill` is an RGB hex shading. Borders and padding come from the table. */
export function cell(
  children: Paragraph[],
  opts: { width?: number; fill?: string; columnSpan?: number; verticalMerge?: 'restart' | 'continue' } = {},
): TableCell {
  return new TableCell({
    children,
    verticalAlign: VerticalAlign.CENTER,
    width: opts.width ? { size: opts.width, type: 'dxa' } : undefined,
    columnSpan: opts.columnSpan,
    verticalMerge: opts.verticalMerge,
    shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
  });
}
