import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeBriefingDocx, summarySentence } from '../../src/export/briefing-docx.js';
import { CHART_STATUSES, renderPng, STATUS_CHART_COLOURS } from '../../src/export/chart.js';
import type { Briefing, BriefingTask, Notice } from '../../src/export/model.js';
import { writeNoticeDocx } from '../../src/export/notice-docx.js';
import { docxFiles, docxPart, paragraphsText, tableRows, tables } from './docx-read.js';

const task = (
  seq: number,
  target: string,
  status: BriefingTask['status'],
  previousStatus: BriefingTask['previousStatus'],
  reason: string,
  extra: Partial<BriefingTask> = {},
): BriefingTask => ({
  seq,
  theme: '主要经济指标',
  category: null,
  target,
  leaders: ['陶峰'],
  units: ['区发展改革局'],
  progress: `进展${seq}`,
  status,
  reason,
  previousStatus,
  newFigures: [],
  ...extra,
});

const briefing: Briefing = {
  leader: '陶峰',
  planTitle: '2023年钱塘区政府工作报告重点工作任务',
  periodLabel: '2023Q4',
  previousPeriodLabel: '2023Q3',
  date: '2024-01-10',
  tasks: [
    task(1, '地区生产总值增长力争6%（确保5.5%）', 'behind', 'on_track', '三季度增长4%，低于确保目标5.5%'),
    task(2, '服务业增加值增长7%（确保5.5%）', 'done', 'on_track', '三季度增速8.7%，达到目标', {
      newFigures: [{ metric: '服务业增加值增长', actual: 8.7, unit: '%', period: '三季度' }],
    }),
    task(3, '固定资产投资增长10%（确保7%）', 'on_track', 'on_track', '1-11月增长33.2%'),
    task(4, '一般公共预算收入增长与经济增长基本同步', 'pending', 'behind', '仅有预计数', {
      newFigures: [{ metric: '一般公共预算收入', actual: 12830000000, unit: '元', period: null }],
    }),
    task(5, '新增城镇就业1.2万人', 'on_track', null, '推进中'),
  ],
};

describe('leader briefing (领导专报)', () => {
  it('names the leader and counts their tasks by status', async () => {
    const text = paragraphsText(await docxPart(await writeBriefingDocx(briefing)));
    expect(text).toContain('领导专报');
    expect(text).toContain('2023年钱塘区政府工作报告重点工作任务四季度进展情况（陶峰同志）');
    expect(summarySentence(briefing)).toBe(
      '陶峰同志牵头的重点工作任务共5项，四季度评估：进度滞后1项，待数据1项，正常推进2项，已完成1项。',
    );
    expect(text).toContain(summarySentence(briefing));
  });

  it('lists behind tasks first, with their progress and reasons', async () => {
    const xml = await docxPart(await writeBriefingDocx(briefing));
    const text = paragraphsText(xml);
    const order = ['（一）进度滞后（1项）', '（二）待数据（1项）', '（三）正常推进（2项）', '（四）已完成（1项）'].map(
      (h) => text.indexOf(h),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const behindTable = tableRows(tables(xml)[0]);
    expect(behindTable[0].cells.map((c) => c.text)).toEqual([
      '序号',
      '具体目标任务',
      '牵头单位',
      '进展情况',
      '评估说明',
    ]);
    expect(behindTable[1].cells.map((c) => c.text)).toEqual([
      '1',
      '地区生产总值增长力争6%（确保5.5%）',
      '区发展改革局',
      '进展1',
      '三季度增长4%，低于确保目标5.5%',
    ]);
  });

  it('reports status moves since the previous period and the new figures', async () => {
    const text = paragraphsText(await docxPart(await writeBriefingDocx(briefing)));
    expect(text).toContain('二、较上期变化（与三季度相比）');
    expect(text).toContain('状态好转2项，状态后退1项，保持不变1项。');
    expect(text).toMatch(/状态后退：\n第1项 地区生产总值增长力争6%（确保5.5%）：正常推进 → 进度滞后/);
    expect(text).toContain('第4项 一般公共预算收入增长与经济增长基本同步：进度滞后 → 待数据');
    expect(text).toContain('第2项 服务业增加值增长 8.7%（三季度）');
    expect(text).toContain('第4项 一般公共预算收入 128.3亿元');
  });

  it('says so when there is no previous period', async () => {
    const text = paragraphsText(await docxPart(await writeBriefingDocx({ ...briefing, previousPeriodLabel: null })));
    expect(text).toContain('本期为首期，无上期可比。');
  });

  it('embeds the status chart as SVG (ECharts) with a PNG fallback', async () => {
    const bytes = await writeBriefingDocx(briefing);
    const files = await docxFiles(bytes);
    const svgName = files.find((f) => f.startsWith('word/media/') && f.endsWith('.svg'));
    const pngName = files.find((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(svgName && pngName).toBeTruthy();
    const svg = await docxPart(bytes, svgName!);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('进度滞后');
    expect(svg.toLowerCase()).toContain(STATUS_CHART_COLOURS.behind);
    expect(await docxPart(bytes)).toContain('svgBlip');
  });
});

/** Decodes the PNGs our encoder writes (8-bit RGB, filter 0). */
function decodePng(png: Uint8Array): { width: number; height: number; at(x: number, y: number): string } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  let offset = 8;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const len = view.getUint32(offset);
    const type = new TextDecoder().decode(png.slice(offset + 4, offset + 8));
    if (type === 'IDAT') idat.push(png.slice(offset + 8, offset + 8 + len));
    offset += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3 + 1;
  return {
    width,
    height,
    at: (x, y) => {
      expect(raw[y * stride]).toBe(0);
      const i = y * stride + 1 + x * 3;
      return '#' + [raw[i], raw[i + 1], raw[i + 2]].map((n) => n.toString(16).padStart(2, '0')).join('');
    },
  };
}

describe('chart PNG fallback', () => {
  it('draws one bar per status, its length proportional to the count', () => {
    const counts = { behind: 2, no_report: 0, pending: 1, on_track: 4, done: 3 };
    const img = decodePng(renderPng(counts, 400, 200));
    expect([img.width, img.height]).toEqual([400, 200]);
    const band = (200 - 20 - 60) / CHART_STATUSES.length; // plot area: 20 px above, 60 px below (axis, legend)
    const length = (i: number) => {
      const y = Math.round(20 + band * i + band / 2);
      let n = 0;
      for (let x = 0; x < 400; x++) if (img.at(x, y) === STATUS_CHART_COLOURS[CHART_STATUSES[i]]) n++;
      return n;
    };
    const lengths = CHART_STATUSES.map((_, i) => length(i));
    const plot = 400 - 90 - 50;
    CHART_STATUSES.forEach((s, i) => expect(Math.abs(lengths[i] - (counts[s] / 4) * plot)).toBeLessThanOrEqual(1));
  });
});

describe('reminder notice (催办通知)', () => {
  const notice: Notice = {
    unit: '区财政局',
    planTitle: '2023年钱塘区政府工作报告重点工作任务',
    periodLabel: '2023Q4',
    contact: '区府办督查科 张敏 0571-86900000',
    date: '2024-01-12',
    tasks: [
      {
        seq: 4,
        target: '一般公共预算收入增长与经济增长基本同步',
        leaders: ['陶峰'],
        dueDate: '2024-01-05',
        reminders: 0,
        state: null,
      },
      {
        seq: 49,
        target: '落实惠企政策，兑现资金20亿元',
        leaders: ['陶峰'],
        dueDate: '2024-01-05',
        reminders: 2,
        state: 'returned',
      },
    ],
  };

  it('lists the overdue tasks with the due date, state and reminders so far', async () => {
    const xml = await docxPart(await writeNoticeDocx(notice));
    const text = paragraphsText(xml);
    expect(text).toContain('催办通知');
    expect(text).toContain('区财政局：');
    expect(text).toContain('以下2项任务截至报送期限（2024年1月5日）尚未提交进展情况');
    const rows = tableRows(tables(xml)[0]);
    expect(rows[0].xml).toContain('<w:tblHeader/>');
    expect(rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual([
      ['4', '一般公共预算收入增长与经济增长基本同步', '陶峰', '2024年1月5日', '未填报'],
      ['49', '落实惠企政策，兑现资金20亿元', '陶峰', '2024年1月5日', '已退回待修改，已催办2次'],
    ]);
  });

  it('ends with the contact line, or blanks to fill in by hand', async () => {
    expect(paragraphsText(await docxPart(await writeNoticeDocx(notice)))).toContain(
      '联系人及电话：区府办督查科 张敏 0571-86900000',
    );
    expect(paragraphsText(await docxPart(await writeNoticeDocx({ ...notice, contact: null })))).toContain(
      '联系人：__________　　联系电话：__________',
    );
  });
});
