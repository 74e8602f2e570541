import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, splitSentences } from '../../../../src/core/text/segment';

const sentences = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences on news prose from the seed articles', () => {
  it('keeps a military title with its name and splits after the sentence before it', () => {
    const text =
      'But those very foreign fighters–most of whom are from France, Britain, Turkey and Pakistan–managed to join the convoy and escape the recently-captured Raqqa. Col. Ryan Dillon, spokesman for Operation Inherent Resolve, the Western coalition against IS, claims that only four foreign fighters left Raqqa and that all of them are now in the SDF’s custody.';
    expect(sentences(text)).toEqual([
      'But those very foreign fighters–most of whom are from France, Britain, Turkey and Pakistan–managed to join the convoy and escape the recently-captured Raqqa.',
      'Col. Ryan Dillon, spokesman for Operation Inherent Resolve, the Western coalition against IS, claims that only four foreign fighters left Raqqa and that all of them are now in the SDF’s custody.',
    ]);
  });

  it('does not split inside "U.S." and "U.K." but does at a sentence that ends with "U.S."', () => {
    const text =
      'The question remains whether or not U.S. and U.K. forces, both heavily present in the region, knew about the entire scope of the deal the Syrians had made with the IS. Current evidence suggests that the coalition forces were present.';
    expect(sentences(text)).toEqual([
      'The question remains whether or not U.S. and U.K. forces, both heavily present in the region, knew about the entire scope of the deal the Syrians had made with the IS.',
      'Current evidence suggests that the coalition forces were present.',
    ]);
    expect(
      sentences('Their displacement could pose a serious threat to the safety of Europe and the U.S.'),
    ).toHaveLength(1);
    expect(
      sentences('Thousands were allowed to leave with the blessing of the U.S.-led coalition and its allies.'),
    ).toHaveLength(1);
  });

  it('ends sentences at a full stop inside closing quotes, straight and curly', () => {
    const straight =
      'But one of the lorry drivers revealed: "We took out around 4,000 people, including women and children - our vehicles and their vehicles combined. When we entered Raqqa, we thought there were 200 people to collect. In my vehicle alone, I took 112 people." The coalition said otherwise.';
    expect(sentences(straight)).toEqual([
      'But one of the lorry drivers revealed: "We took out around 4,000 people, including women and children - our vehicles and their vehicles combined.',
      'When we entered Raqqa, we thought there were 200 people to collect.',
      'In my vehicle alone, I took 112 people."',
      'The coalition said otherwise.',
    ]);
    const curly =
      '“They are the ones fighting and dying, they get to make the decisions regarding operations,” he said. “We didn’t want anyone to leave.” Then he left.';
    expect(sentences(curly)).toEqual([
      '“They are the ones fighting and dying, they get to make the decisions regarding operations,” he said.',
      '“We didn’t want anyone to leave.”',
      'Then he left.',
    ]);
  });

  it('splits at question and exclamation marks but not before a lower-case continuation', () => {
    const text =
      'Did the US government know that ISIS fighters would be allowed to escape Raqqa? If yes, this is a massive scandal! "Why?" he asked. Nobody answered.';
    expect(sentences(text)).toEqual([
      'Did the US government know that ISIS fighters would be allowed to escape Raqqa?',
      'If yes, this is a massive scandal!',
      '"Why?" he asked.',
      'Nobody answered.',
    ]);
  });

  it('treats an ellipsis as a break only before a capital', () => {
    expect(sentences('France, Turkey, Egypt... and more. Then the convoy left… It was dark.')).toEqual([
      'France, Turkey, Egypt... and more.',
      'Then the convoy left…',
      'It was dark.',
    ]);
  });

  it('keeps numbers, decimals, initials and dates whole', () => {
    const text =
      'The convoy was 6.5 km long and carried 4,000 people on Oct. 12, 2017. George W. Bush was not involved. Sgt. Smith lives at No. 5 St. James St. in London. Acme Inc. The firm denied it.';
    expect(sentences(text)).toEqual([
      'The convoy was 6.5 km long and carried 4,000 people on Oct. 12, 2017.',
      'George W. Bush was not involved.',
      'Sgt. Smith lives at No. 5 St. James St. in London.',
      'Acme Inc.',
      'The firm denied it.',
    ]);
    expect(sentences('He said no. Then he left.')).toEqual(['He said no.', 'Then he left.']);
    expect(sentences('Raqqa fell in 2017. 250 fighters left.')).toEqual(['Raqqa fell in 2017.', '250 fighters left.']);
  });

  it('gives a headline without punctuation its own passage and ends sentences at line breaks', () => {
    const text =
      'Fall of Raqqa - the secret U.S. deal\n\nIn light of the BBC investigation, the coalition admitted to being part of the deal.\n';
    expect(sentences(text)).toEqual([
      'Fall of Raqqa - the secret U.S. deal',
      'In light of the BBC investigation, the coalition admitted to being part of the deal.',
    ]);
  });

  it('returns offsets into the original text, trimmed of surrounding whitespace', () => {
    const text = '   The SDF cleared Raqqa of media.   \u00a0 It claimed only locals left.  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      { start: 3, end: 34 },
      { start: 39, end: 67 },
    ]);
    expect(text.slice(3, 34)).toBe('The SDF cleared Raqqa of media.');
    expect(text.slice(39, 67)).toBe('It claimed only locals left.');
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\u00a0 \n')).toEqual([]);
  });

  it('cuts text with no sentence breaks into bounded passages at clause boundaries or spaces', () => {
    const clause = 'the convoy of trucks and buses moved slowly along the river road, ';
    const text = clause.repeat(200);
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(20);
    for (const { start, end } of spans) {
      expect(end - start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
      expect(text.slice(start, end)).toMatch(/^the convoy.*,$|^the convoy.*road$/);
    }
    // Nothing is lost: every non-space character is inside some passage.
    const covered = spans.reduce((sum, { start, end }) => sum + text.slice(start, end).replace(/\s/g, '').length, 0);
    expect(covered).toBe(text.replace(/\s/g, '').length);

    const noSpaces = 'x'.repeat(1000);
    expect(splitSentences(noSpaces)).toEqual([
      { start: 0, end: 400 },
      { start: 400, end: 800 },
      { start: 800, end: 1000 },
    ]);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a'.repeat(399) + '😀' + 'b'.repeat(10);
    const pieces = sentences(text);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('covers every seed article sentence by sentence without losing text', () => {
    const dir = new URL('../../../../assets/seeds/', import.meta.url);
    const outlets = JSON.parse(readFileSync(new URL('outlets.json', dir), 'utf8')) as { articles: { file: string }[] };
    for (const { file } of outlets.articles) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const spans = splitSentences(text);
      let previousEnd = 0;
      for (const { start, end } of spans) {
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(text.slice(previousEnd, start).trim()).toBe('');
        previousEnd = end;
      }
      // Sentences, not paragraphs: an article has far more sentences than blank-line blocks.
      expect(spans.length).toBeGreaterThan(text.split(/\n\s*\n/).length);
    }
  });
});
