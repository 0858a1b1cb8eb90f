// Pairs gold tasks with what was read for them. Tables that number within each section restart
// at 1, so a number alone does not name a task: the k-th gold task numbered n pairs with the k-th
// read task numbered n.

/** Read items by `seq#occurrence`, the key `pairKey` gives each gold task in order. */
export function indexBySeq<T extends { seq: number }>(items: readonly T[]): Map<string, T> {
  const seen = new Map<number, number>();
  const out = new Map<string, T>();
  for (const item of items) {
    const k = seen.get(item.seq) ?? 0;
    seen.set(item.seq, k + 1);
    out.set(`${item.seq}#${k}`, item);
  }
  return out;
}

/** For each gold task in order, its read counterpart (undefined when none was read). */
export function pairBySeq<G extends { seq: number }, T extends { seq: number }>(
  gold: readonly G[],
  got: readonly T[],
): Array<[G, T | undefined]> {
  const byKey = indexBySeq(got);
  const seen = new Map<number, number>();
  return gold.map((g) => {
    const k = seen.get(g.seq) ?? 0;
    seen.set(g.seq, k + 1);
    return [g, byKey.get(`${g.seq}#${k}`)];
  });
}
