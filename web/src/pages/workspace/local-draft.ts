// The report form's local copy: every keystroke of unsaved text is kept in this browser
// (localStorage, per report) until the server has it, so a drawer closed by mistake, a reload or a
// lost connection does not lose a unit's writing. Cleared once saved.
export interface LocalDraft {
  text: string;
  /** The report version the text was written on. */
  version: number;
  at: string;
}

const key = (reportId: number) => `duban:report-draft:${reportId}`;

export function readLocalDraft(reportId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(reportId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(reportId: number, text: string, version: number): void {
  try {
    window.localStorage.setItem(key(reportId), JSON.stringify({ text, version, at: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the warnings before closing still protect the text
  }
}

export function clearLocalDraft(reportId: number): void {
  try {
    window.localStorage.removeItem(key(reportId));
  } catch {
    /* nothing kept */
  }
}
