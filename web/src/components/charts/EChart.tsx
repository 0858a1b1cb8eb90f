// A React wrapper around one ECharts instance: sets the option, resizes with its box,
// reports clicks (so every segment can lead to the filtered task list), and carries an
// aria-label plus a text summary for people who cannot see the canvas.
import { useEffect, useRef } from 'react';
import { echarts } from './echarts';
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
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
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
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
