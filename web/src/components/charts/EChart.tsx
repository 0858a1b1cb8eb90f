// A React wrapper around one ECharts instance: sets the option, resizes with its box,
// reports clicks (so every segment can lead to the filtered task list), and carries an
// aria-label plus a text summary for people who cannot see the canvas.
// ECharts is its own chunk (loadCharts): boot.ts requests it with the dashboard, and the page's
// cards are shown without waiting for it; each chart is drawn as soon as the chunk is here.
import { useEffect, useRef } from 'react';
import type { ECharts } from 'echarts/core';
import { loadCharts } from '../../lib/charts-chunk';
import type { ChartOption } from './echarts';

export interface ChartClick {
  seriesName?: string;
  seriesId?: string;
  name: string;
  dataIndex: number;
  data: unknown;
}

export function EChart({
  option,
  height = 300,
  label,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  onClick?: (p: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const el = box.current!;
    let live = true;
    let observer: ResizeObserver | undefined;
    loadCharts()
      .then(({ init }) => {
        if (!live) return;
        const instance = init(el, undefined, { renderer: 'canvas' });
        chart.current = instance;
        instance.on('click', (p) => clickRef.current?.(p as unknown as ChartClick));
        instance.setOption(optionRef.current, { notMerge: true });
        // The observer also reports the size the chart was just drawn at; redrawing for that
        // would lay every chart out twice on the first screen.
        observer = new ResizeObserver(() => {
          if (el.clientWidth !== instance.getWidth() || el.clientHeight !== instance.getHeight()) instance.resize();
        });
        observer.observe(el);
      })
      .catch(() => {
        // The chart stays empty; its aria-label and the page's cards and table still say everything.
        if (live) el.textContent = '图表加载失败，请刷新页面重试。';
      });
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-chart
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
