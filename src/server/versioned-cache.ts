// A size-bounded in-memory map whose entries are good for one data version only (see
// StoreDialect.dataVersion): `get` under any other version misses and drops the entry. It is how
// the server keeps answers and sessions in memory without keeping state: what it holds is only
// ever used while the database still says the same thing.
export interface VersionedCacheLimits<V> {
  /** Most entries kept; the least recently used go first. */
  maxEntries: number;
  /** Most weight kept, as measured by `weigh`. */
  maxBytes: number;
  /** An entry's weight (default 1); one heavier than a quarter of maxBytes is not kept. */
  weigh?: (value: V) => number;
}

interface Entry<V> {
  version: string;
  value: V;
  weight: number;
}

export class VersionedCache<V> {
  // Map iteration order is insertion order: re-inserting on use makes it recency order.
  private readonly entries = new Map<string, Entry<V>>();
  private weight = 0;

  constructor(private readonly limits: VersionedCacheLimits<V>) {}

  get(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.remove(key, entry);
    if (entry.version !== version) return undefined; // stored under an older version: never useful again
    this.entries.set(key, entry);
    this.weight += entry.weight;
    return entry.value;
  }

  set(key: string, version: string, value: V): void {
    const weight = this.limits.weigh?.(value) ?? 1;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    if (weight > this.limits.maxBytes / 4) return; // one huge answer must not empty the cache
    this.entries.set(key, { version, value, weight });
    this.weight += weight;
    while (this.entries.size > this.limits.maxEntries || this.weight > this.limits.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.remove(oldestKey, oldest);
    }
  }

  /** Forgets one entry (a session ended in this process). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}
