// Who someone is in duban: the office (admin, 督查科), a unit that reports, a leader who leads tasks,
// or a read-only viewer. Written once here; the store, the server and the CLI import it.
export const ROLES = ['admin', 'unit', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
