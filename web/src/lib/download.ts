// Downloads a file the server generates (progress table, 领导专报, 催办通知) and saves it under the
// name the server chose (Content-Disposition, RFC 5987 `filename*` for Chinese names). Fetched
// rather than opened as a plain link so that a refusal or an empty view shows as a readable
// message instead of a page of JSON or a broken download.
import { errorFrom, queryString } from '../api/client';

type Query = Record<string, string | number | boolean | null | undefined>;

/** The file name in a Content-Disposition header: `filename*` (UTF-8) first, then `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* malformed: try the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Fetches `/api{path}` and hands the file to the browser; throws an ApiError when the server refuses. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<string> {
  const response = await fetch(`/api${path}${queryString(query)}`, { credentials: 'include' });
  if (!response.ok) throw await errorFrom(response);
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start saving before the blob goes away.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}
