// Which addresses a pack (and a pack list) may hold: web pages, and nothing a browser would run or
// open locally. An article's address becomes a link in the tooltip, which lives on the news site's
// own page: a "javascript:" link there would run a pack author's script on that site, and "data:",
// "file:" or "chrome:" ones open what no reader asked for. The schema refuses any other address,
// and whatever draws a link checks again, in case storage was altered behind the schema's back.

/** Why an address is refused, in words, or null for an http(s) address a link may point at. */
export function webAddressProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a web address such as https://example.com/story';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `must be an https:// or http:// address, not ${url.protocol}`;
  if (url.hostname === '') return 'must name a host';
  // "https://bbc.co.uk@example.com" goes to example.com: a link should read as where it goes.
  if (url.username !== '' || url.password !== '') return 'must not hold a user name or password';
  return null;
}

/** Whether the text is an https:// or http:// address a link may point at. */
export function isWebAddress(text: unknown): text is string {
  return typeof text === 'string' && webAddressProblem(text) === null;
}
