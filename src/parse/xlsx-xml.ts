// The little XML an .xlsx reader needs, read with regular expressions instead of a DOM: the
// parts of a workbook are machine-written, flat and large (a sheet of 10,000 tasks is
// megabytes), and only a few elements matter. Text is decoded as an XML parser would
// (line ends normalised, entities and character references resolved) and as Excel writes
// it (`_x000D_` escapes in strings).

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function entity(whole: string, name: string): string {
  if (name.charCodeAt(0) !== 35) return NAMED[name] ?? whole; // '#'
  const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** Character data as an XML parser returns it: CR LF and lone CR read as LF, references resolved. */
export function xmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.includes('&') ? text.replace(ENTITY, entity) : text;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's inside (`r="A1" t="s"`), values decoded. */
export function attributes(tagInside: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tagInside.matchAll(ATTRIBUTE)) out[m[1]] = xmlText(m[2] ?? m[3]);
  return out;
}

/** One attribute of a start tag's inside, without reading the others when the tag is plain. */
export function attribute(tagInside: string, name: string): string | undefined {
  const at = tagInside.indexOf(`${name}=`);
  const quote = at < 0 ? '' : tagInside[at + name.length + 1];
  // The fast path needs the name to start an attribute (not end one: `r=` in `spr=`) and a quote
  // right after `=`; anything else (spaces around `=`, odd names) takes the full reading.
  const plain = at >= 0 && (at === 0 || /\s/.test(tagInside[at - 1])) && (quote === '"' || quote === "'");
  if (!plain) return at < 0 && !/\s=|=\s/.test(tagInside) ? undefined : attributes(tagInside)[name];
  const end = tagInside.indexOf(quote, at + name.length + 2);
  return xmlText(tagInside.slice(at + name.length + 2, end));
}

const EXCEL_ESCAPE = /_x([0-9A-F]{4})_/g;

/** Excel's own escape for characters XML cannot hold (`_x000D_`), as string parts store them. */
export function excelUnescape(text: string): string {
  return text.includes('_x')
    ? text.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const RUN = /<r>([\s\S]*?)<\/r>|<r\s[^>]*>([\s\S]*?)<\/r>/g;
const RUN_TEXT = /<t(?:\s[^>]*)?>([^<]*)<\/t>/;
const PLAIN_TEXT = /<t(?:\s[^>]*)?>([^<]*)<\/t>|<t(?:\s[^>]*)?\/>/g;

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline cell): its rich
 * text runs joined when it has runs, else its `<t>`. Phonetic guides (`<rPh>`) are not text.
 * `unescapePlain`: whether a plain `<t>` takes Excel's `_x…_` escapes (shared strings do).
 */
export function stringItemText(inner: string, unescapePlain: boolean): string {
  if (inner.includes('<r>') || inner.includes('<r ')) {
    let text = '';
    for (const run of inner.matchAll(RUN)) {
      const t = RUN_TEXT.exec(run[1] ?? run[2]);
      if (t) text += excelUnescape(xmlText(t[1]));
    }
    return text;
  }
  const body = inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let text = '';
  for (const t of body.matchAll(PLAIN_TEXT)) text += t[1] ?? '';
  text = xmlText(text);
  return unescapePlain ? excelUnescape(text) : text;
}

/** `B12` → { row: 12, col: 2 } (1-based); null when the reference is not a cell address. */
export function cellAddress(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const row = Number(ref.slice(i).replace(/\$/g, ''));
  if (i === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row, col };
}
