// Leaders' cells often carry the person's post beside the name (`陶峰（副区长）`, `副区长 李明`,
// `李明副区长`). The leaders are the people: the post is dropped. The posts are data, a test per row
// in test/parse/leader-titles.test.ts.

/** Posts printed beside a leader's name, longest first where one contains another. */
export const LEADER_TITLES: readonly string[] = [
  '常务副区长',
  '常务副县长',
  '常务副市长',
  '常务副州长',
  '常务副省长',
  '常务副旗长',
  '人大常委会主任',
  '政协主席',
  '区委书记',
  '县委书记',
  '市委书记',
  '省委书记',
  '区委副书记',
  '县委副书记',
  '市委副书记',
  '省委副书记',
  '区委常委',
  '县委常委',
  '市委常委',
  '省委常委',
  '副区长',
  '副县长',
  '副市长',
  '副州长',
  '副省长',
  '副旗长',
  '副书记',
  '副主任',
  '副主席',
  '副部长',
  '副局长',
  '副秘书长',
  '秘书长',
  '区长',
  '县长',
  '市长',
  '州长',
  '省长',
  '旗长',
  '书记',
  '常委',
  '主任',
  '主席',
  '部长',
  '局长',
];

const SORTED = [...LEADER_TITLES].sort((a, b) => b.length - a.length);
const ANY_TITLE = new RegExp(SORTED.join('|'));
const HAN_NAME = /^[\u3400-\u9fff·]{2,4}$/;
const BRACKETED = /^(.+?)\s*[（(]([^（）()]+)[）)]$/;

/** The body a post belongs to, before it (`市政府` of `市政府常务副市长`, `县委` of `县委副书记`). */
const BODY_OF_POST =
  /^([\u4e00-\u9fff]{0,3}[市县区省州镇乡旗])?(人民)?(政府|人大常委会|人大|政协|党委|党工委|管委会)$|^[市县区省州]委$/;

/**
 * A leader named by the post alone, without a body (`区长`, `分管副区长`, `区政府分管领导`, `各分管区领导`):
 * who leads, where the table names no person.
 */
const POST_ONLY =
  /^(各|相关)?[区县市省州旗]?(政府|委)?(分管|主管|联系|牵头)?的?(常务)?副?([区县市省州旗]长|[区县市省州旗]?领导)$/;

/** A post named with its body and no person (`市政府常务副市长`): the leader a table names by post. */
export function isPostOfBody(token: string): boolean {
  const t = token.trim();
  if (POST_ONLY.test(t)) return true;
  return SORTED.some(
    (title) => t.length > title.length && t.endsWith(title) && BODY_OF_POST.test(t.slice(0, -title.length)),
  );
}

/** The courtesy after a name (`李强同志`): no post, and no part of the name. */
const COURTESY = /(?<=^[\u3400-\u9fff·]{2,4})同志$/;

/** A post labelling the name after it (`常务副区长：李强`). */
const POST_LABEL = new RegExp(`(${SORTED.join('|')})\\s*[:：]\\s*`, 'g');

/** The text with the colon after each post dropped (`副区长：赵丽` → `副区长赵丽`), as a post beside a name reads. */
export function withoutPostColons(text: string): string {
  return text.includes(':') || text.includes('：') ? text.replace(POST_LABEL, '$1') : text;
}

/** The person in a leader token without the post beside it; null when the token is only a post. */
export function withoutTitle(token: string): string | null {
  const t = withoutPostColons(token.trim()).replace(COURTESY, '');
  if (SORTED.includes(t) || isPostOfBody(t)) return null;
  const b = BRACKETED.exec(t);
  if (b && SORTED.includes(b[2].trim()) && HAN_NAME.test(b[1])) return b[1];
  for (const title of SORTED) {
    if (t.length <= title.length) continue;
    if (t.endsWith(title) && HAN_NAME.test(t.slice(0, -title.length))) return t.slice(0, -title.length);
    if (t.startsWith(title) && HAN_NAME.test(t.slice(title.length))) return t.slice(title.length);
  }
  return t;
}

/** The leaders of a cell's names: posts dropped, names kept in order. */
export function leaderNames(names: string[]): string[] {
  if (!names.some((n) => ANY_TITLE.test(n) || COURTESY.test(n))) return names as string[];
  // leaders named only by post (`市政府常务副市长`): the posts are who leads
  if (names.every(isPostOfBody)) return names;
  const out: string[] = [];
  for (const n of names) {
    const person = withoutTitle(n);
    if (person && !out.includes(person)) out.push(person);
  }
  return out;
}
