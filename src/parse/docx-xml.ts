// The ordered output of fast-xml-parser as the .docx readers walk it: an element is an object with
// its tag as the one key besides its attributes (`:@`), its children in an array under that key.

export type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

export const tagOf = (n: Node): string => Object.keys(n).find((k) => k !== ':@') ?? '';
export const kids = (n: Node): Node[] => {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as Node[]) : [];
};
export const attr = (n: Node, name: string): string | undefined => n[':@']?.[`@_${name}`];
export const child = (n: Node, tag: string): Node | undefined => kids(n).find((k) => tagOf(k) === tag);
