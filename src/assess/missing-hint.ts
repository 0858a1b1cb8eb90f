// The request the report form shows for figures a report lacks. Kept apart from the assessor so
// the form can import it without loading the whole assessor.

/** `在进展中写明「地区生产总值增长」的实际数值`, or null when nothing is missing. */
export function missingFiguresHint(metrics: readonly string[]): string | null {
  if (metrics.length === 0) return null;
  return `在进展中写明${metrics.map((m) => `「${m}」`).join('')}的实际数值`;
}
