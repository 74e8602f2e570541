// A lower-case slug from words, as pack, claim and outlet ids are written ("Northern Lark ferry fire" → "northern-lark-ferry-fire").
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
