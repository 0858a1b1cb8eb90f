// A web page saved as it was published (`.html`): its tables read as the same table copied as text
// would, with cells merged down (rowspan) and across (colspan) laid out as a .docx's merges are;
// the page's title dates it, and its scripts, menus and footer are no part of the table.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/parse/index.js';
import { htmlToRows, looksLikeHtml } from '../../src/parse/html-rows.js';
import { tableAsPage } from '../../scripts/table-as-markup.js';
import { taskFields } from '../helpers/task-fields.js';

const encode = (text: string) => new TextEncoder().encode(text);
const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

async function parsed(bytes: Uint8Array) {
  const r = await parseTable(bytes, { fileName: 'page.html' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a saved page of a district’s progress table', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../fixtures/parse/district-q3-saved-page.html', import.meta.url)));

  it('reads every task under its section, with the leader merged down over two rows', async () => {
    const t = await parsed(bytes);
    expect(t.format).toBe('html');
    expect(t.period).toBe('2024Q3');
    expect(t.tasks.map((x) => [x.seq, x.theme, x.leaders, x.units])).toEqual([
      [1, '一、稳增长', ['王强'], ['区发改局']],
      [2, '一、稳增长', ['王强'], ['区发改局', '区住建局']],
      [3, '二、惠民生', ['李明'], ['区教育局']],
      [4, '二、惠民生', ['张华'], ['区教育局']],
    ]);
  });
  it('decodes the page’s entities and leaves its script and footer out', async () => {
    const t = await parsed(bytes);
    expect(t.tasks[3].progress).toBe('主体工程已竣工，正在进行室内装修……受资金影响，进度滞后约2个月。');
    expect(t.tasks.some((x) => /广告|主办单位|附件/.test(x.target + x.progress))).toBe(false);
  });
});

describe('a page saved as one file (.mht)', () => {
  const html = readFileSync(new URL('../fixtures/parse/district-q3-saved-page.html', import.meta.url));
  it('reads the page inside, quoted-printable in GB2312, as the page itself reads', async () => {
    const mht = new Uint8Array(readFileSync(new URL('../fixtures/parse/district-q3-saved-page.mht', import.meta.url)));
    const [fromMht, fromPage] = [await parsed(mht), await parsed(new Uint8Array(html))];
    expect(fromMht.format).toBe('html');
    expect(taskFields(fromMht.tasks)).toEqual(taskFields(fromPage.tasks));
    expect(fromMht.period).toBe('2024Q3');
  });
  it('and a page in base64', async () => {
    const boundary = '----=_NextPart_01';
    const message = [
      'MIME-Version: 1.0',
      `Content-Type: multipart/related; boundary="${boundary}"; type="text/html"`,
      '',
      `--${boundary}`,
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n'),
      `--${boundary}--`,
    ].join('\r\n');
    expect((await parsed(encode(message))).tasks).toHaveLength(4);
  });
});

describe('a page Word saved (另存为网页)', () => {
  it('reads its list-numbered 序号 cells, its <br> in a header and its paragraphs in a cell', async () => {
    const t = await parsed(
      new Uint8Array(readFileSync(new URL('../fixtures/parse/district-q3-word-saved.htm', import.meta.url))),
    );
    expect(t.tasks.map((x) => [x.seq, x.target, x.leaders, x.units])).toEqual([
      [1, '新建5G基站500个', ['王强'], ['区经信局']],
      [2, '完成老旧小区改造30个', ['李明'], ['区住建局']],
    ]);
    expect(t.tasks[0].progress).toBe('已建成5G基站320个，其余正在施工。');
  });
});

describe('text as a browser shows it', () => {
  const cells = (html: string) => {
    const r = htmlToRows(page(`<table><tr>${html}</tr></table>`));
    return r.ok ? r.rows[0].cells : [];
  };
  it('joins inline runs and lines the source wrapped beside Chinese characters', () => {
    expect(
      cells('<td><span>新建</span><span lang=EN-US>5G</span><span>基站500个</span></td><td>已建成基站320\n个</td>'),
    ).toEqual(['新建5G基站500个', '已建成基站320个']);
  });
  it('keeps people apart, whether a break or a space stands between them', () => {
    expect(cells('<td>王强<br>李明</td><td>王强 李明</td>')).toEqual(['王强 李明', '王强 李明']);
  });
});

describe('the page’s layout', () => {
  it('spreads a parent header over its sub-headers (colspan) and copies merged cells down (rowspan)', () => {
    const r = htmlToRows(
      page(
        '<table><tr><th rowspan="2">序号</th><th colspan="2">责任分工</th></tr>' +
          '<tr><th>牵头领导</th><th>责任单位</th></tr>' +
          '<tr><td>1</td><td rowspan="2">王强</td><td>区发改局</td></tr>' +
          '<tr><td>2</td><td>区财政局</td></tr></table>',
      ),
    );
    expect(r.ok && r.rows.map((x) => x.cells)).toEqual([
      ['序号', '责任分工', ''],
      ['序号', '牵头领导', '责任单位'],
      ['1', '王强', '区发改局'],
      ['2', '王强', '区财政局'],
    ]);
    expect(r.ok && r.rows[0].coveredFromLeft).toEqual([false, false, true]);
    expect(r.ok && r.rows[3].mergedFromAbove).toEqual([false, true, false]);
  });
  it('reads a table inside a cell as the cell’s text', () => {
    const r = htmlToRows(
      page('<table><tr><td>1</td><td><table><tr><td>新建</td><td>5G基站500个</td></tr></table></td></tr></table>'),
    );
    expect(r.ok && r.rows.map((x) => x.cells)).toEqual([['1', '新建 5G基站500个']]);
  });
  it('reads a page of numbered paragraphs, without a table, as a list', async () => {
    const t = await parsed(
      encode(
        page(
          '<h3>2024年区政府工作报告重点任务分解</h3>' +
            '<p>1.地区生产总值增长6%。</p><p>牵头单位：区发改局</p>' +
            '<p>2.新建5G基站500个。</p><p>牵头单位：区经信局</p>' +
            '<p>3.改造老旧小区30个。</p><p>牵头单位：区住建局</p>',
        ),
      ),
    );
    expect(t.tasks.map((x) => x.units)).toEqual([['区发改局'], ['区经信局'], ['区住建局']]);
  });
  it('reads a page saved in GBK', async () => {
    const html = page(
      '<table><tr><td>序号</td><td>目标任务</td><td>责任单位</td><td>进展情况</td></tr>' +
        '<tr><td>1</td><td>新建5G基站500个</td><td>区经信局</td><td>已建成320个</td></tr></table>',
    );
    const t = await parsed(gb18030(html));
    expect(t.tasks[0].units).toEqual(['区经信局']);
  });
  it('refuses a cell claiming thousands of columns, with a clear message', async () => {
    const r = await parseTable(encode(page('<table><tr><td colspan="5000">序号</td></tr></table>')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/columns/);
  });
  it('is told from text by its opening tag, not by a tag in a cell', () => {
    expect(looksLikeHtml(page('<p>x</p>'))).toBe(true);
    expect(looksLikeHtml('序号\t目标任务\n1\t提供<td>标签说明</td>')).toBe(false);
  });
});

/**
 * GB18030 bytes of a text. Node writes no GBK, so the two-byte codes are found by decoding each
 * one once and looking the characters up.
 */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!codes.has(ch)) codes.set(ch, [hi, lo]);
    }
  return new Uint8Array(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (codes.get(ch) ?? []))),
  );
}

describe('the labelled tables, published as pages (scripts/table-as-markup.ts)', () => {
  const dir = new URL('../fixtures/real/', import.meta.url);
  const stems = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));
  it.each(stems)('%s reads as its text does', async (stem) => {
    const text = readFileSync(new URL(`${stem}.txt`, dir), 'utf8');
    const fromText = await parsed(encode(text));
    const fromPage = await parsed(encode(tableAsPage(text)));
    expect(taskFields(fromPage.tasks)).toEqual(taskFields(fromText.tasks));
    expect(fromPage.period).toBe(fromText.period);
  });
});
