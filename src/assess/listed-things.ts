// The things a list before 分别 or 各 names, one per figure that follows: shared by the target's
// indicators (`城镇、农村居民人均可支配收入分别增长6%和7.5%`) and the report's figures read the same way.

/**
 * The things a 分别 list names, one per figure: `城镇、农村居民收入` names 城镇居民收入 and
 * 农村居民收入 (modifiers of one length sharing the last one's noun); `城乡居民收入` before two
 * figures names the urban and the rural one, as 城乡 says.
 */
export function listedThings(subject: string, figures: number): string[] {
  let parts = subject.split('、').filter(Boolean);
  if (parts.length === 1 && figures > 1) parts = subject.split(/[和及与]/).filter(Boolean);
  if (parts.length === 1 && figures === 2 && subject.startsWith('城乡'))
    return ['城镇', '农村'].map((side) => side + subject.slice(2));
  const last = parts[parts.length - 1];
  const short = parts.slice(0, -1);
  if (
    short.length &&
    short.every((p) => p.length === short[0].length && p.length <= 3) &&
    last.length > short[0].length + 1
  ) {
    const noun = last.slice(short[0].length);
    return parts.map((p, k) => (k < short.length ? p + noun : p));
  }
  return parts;
}
