// The one way the tooltip makes elements: strings from the database or the page go in as text
// (textContent), never as HTML.

export type Doc = Pick<Document, 'createElement' | 'createTextNode'>;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Doc,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
