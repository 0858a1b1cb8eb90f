// A plan knows each task by one number. Tables print numbers that repeat: they restart in each
// section (`一、` … `①②`, `二、` … `①`), or an item without a number of its own stands beside the
// one above it. Such a table is stored with its tasks numbered 1—N in the order printed, which
// the next period's table of the same layout gives again, so its reports find their tasks.

/** The numbers printed more than once, in the order first seen. */
export function repeatedSeqs(tasks: readonly { seq: number }[]): number[] {
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const t of tasks) {
    if (seen.has(t.seq)) repeated.add(t.seq);
    seen.add(t.seq);
  }
  return [...repeated];
}

/** The tasks as stored: as printed when every number is its own, else numbered 1—N in order. */
export function numberedForPlan<T extends { seq: number }>(tasks: readonly T[]): { tasks: T[]; renumbered: boolean } {
  if (repeatedSeqs(tasks).length === 0) return { tasks: [...tasks], renumbered: false };
  return { tasks: tasks.map((t, i) => ({ ...t, seq: i + 1 })), renumbered: true };
}

/** What the person is told when the numbers repeat (the import preview, `duban parse`). */
export function repeatedSeqsMessage(repeated: readonly number[], total: number): string {
  const listed = repeated.slice(0, 5).join('、') + (repeated.length > 5 ? ' 等' : '');
  return `序号 ${listed} 出现不止一次（各部分重新编号，或同一序号下有几项）；导入时按表中顺序统一编为 1—${total} 号`;
}
