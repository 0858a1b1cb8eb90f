// Text with marked spans: indicator phrases in a target, actual figures in a report,
// search hits. Spans come as half-open [start, end) offsets (the assessor's `source`).
import { Fragment } from 'react';
import type { HighlightPart } from '../api/types';

export interface Mark {
  start: number;
  end: number;
  className: string;
  title?: string;
}

/** Splits text into plain and marked pieces; overlapping or out-of-range spans are clipped, not trusted. */
export function splitByMarks(text: string, marks: Mark[]): { text: string; mark?: Mark }[] {
  const sorted = marks
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start && m.start < text.length)
    .sort((a, b) => a.start - b.start);
  const pieces: { text: string; mark?: Mark }[] = [];
  let at = 0;
  for (const mark of sorted) {
    const start = Math.max(mark.start, at);
    const end = Math.min(mark.end, text.length);
    if (end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: text.slice(start, end), mark });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

export function Highlighted({
  text,
  marks,
  className = 'pre-text',
}: {
  text: string;
  marks: Mark[];
  className?: string;
}) {
  return (
    <span className={className}>
      {splitByMarks(text, marks).map((p, i) =>
        p.mark ? (
          <mark key={i} className={p.mark.className} title={p.mark.title}>
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </span>
  );
}

/** Search hits as the server marks them (`parts` with `hit`). */
export function HitText({ parts }: { parts: HighlightPart[] }) {
  return (
    <span className="pre-text">
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="hit">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </span>
  );
}
