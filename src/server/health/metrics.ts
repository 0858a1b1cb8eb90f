// A small Prometheus registry: counters and histograms with labels, and gauges read when scraped,
// written out in the text exposition format (version 0.0.4). Written here rather than taken from a
// library: what duban needs is a hundred lines, and a closed-network install carries one package less.
// A registry gives its metrics as families (name, help, type, sample lines), so the families of
// several worker processes can be joined into one answer (cluster-metrics.ts).

type Labels = Record<string, string>;

/** One metric family: its sample lines already rendered (`name{labels} value`). */
export interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples: string[];
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels));
const num = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

interface Metric {
  family(): Family | null;
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0;
  }
  family(): Family {
    const samples = [...this.values.values()].map(
      ({ labels, value }) => `${this.name}${labelText(labels)} ${num(value)}`,
    );
    return { name: this.name, help: this.help, type: 'counter', samples };
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) s.counts[i]++;
    s.sum += value;
    s.count++;
  }
  family(): Family {
    const samples: string[] = [];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) =>
        samples.push(`${this.name}_bucket${labelText({ ...s.labels, le: num(le) })} ${s.counts[i]}`),
      );
      samples.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      samples.push(`${this.name}_sum${labelText(s.labels)} ${num(s.sum)}`);
      samples.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return { name: this.name, help: this.help, type: 'histogram', samples };
  }
}

/** A value read at scrape time (pool sizes, memory, outbox length); null leaves it out. */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly read: () => Promise<{ labels?: Labels; value: number }[] | null>,
  ) {}
  private last: { labels?: Labels; value: number }[] | null = null;
  async collect(): Promise<void> {
    this.last = await this.read().catch(() => null);
  }
  family(): Family | null {
    if (!this.last) return null;
    const samples = this.last.map((v) => `${this.name}${labelText(v.labels ?? {})} ${num(v.value)}`);
    return { name: this.name, help: this.help, type: 'gauge', samples };
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];
  add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
  async families(): Promise<Family[]> {
    await Promise.all(this.metrics.map((m) => (m instanceof Gauge ? m.collect() : undefined)));
    return this.metrics.map((m) => m.family()).filter((f): f is Family => f !== null);
  }
  async exposition(): Promise<string> {
    return renderFamilies(await this.families());
  }
}

/**
 * Joins the families of several processes: the samples of a family side by side, a sample that
 * several give alike (same name and labels: a database-wide gauge) once.
 */
export function mergeFamilies(sets: Family[][]): Family[] {
  const merged = new Map<string, Family & { seen: Set<string> }>();
  for (const set of sets)
    for (const f of set) {
      let into = merged.get(f.name);
      if (!into) merged.set(f.name, (into = { ...f, samples: [], seen: new Set() }));
      for (const sample of f.samples) {
        const series = sample.slice(0, sample.lastIndexOf(' '));
        if (into.seen.has(series)) continue;
        into.seen.add(series);
        into.samples.push(sample);
      }
    }
  return [...merged.values()].map(({ seen: _seen, ...f }) => f);
}

export function renderFamilies(families: Family[]): string {
  const lines = families.flatMap((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.samples]);
  return `${lines.join('\n')}\n`;
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
