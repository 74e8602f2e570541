import { describe, expect, it } from 'vitest';
import { countText, coveredNote, passageLabel, SNIPPET_CHARS, snippetOf } from '../../../src/popup/popup-text';
import { tabIdFromSearch } from '../../../src/popup/target-tab';

describe('popup words', () => {
  it('counts passages, and says why there are none when Parallax is off', () => {
    expect(countText(true, undefined, 3)).toBe('3 passages highlighted on this tab');
    expect(countText(true, undefined, 1)).toBe('1 passage highlighted on this tab');
    expect(countText(true, undefined, 0)).toMatch(/No passage/);
    expect(countText(true, { coveredBy: 'a.com', ownKey: 'a.com' }, 3)).toMatch(/off on this site/);
    expect(countText(false, undefined, 3)).toMatch(/off on all sites/);
  });

  it('explains a switch that is off because a parent domain is', () => {
    expect(coveredNote({ coveredBy: 'example.com', ownKey: 'news.example.com' })).toMatch(
      /example\.com and its subdomains/,
    );
    expect(coveredNote({ coveredBy: 'example.com', ownKey: 'example.com' })).toBeUndefined();
    expect(coveredNote(undefined)).toBeUndefined();
  });

  it('lists a passage by the facts it states, whether outlets differ on them, and how it reads on the page', () => {
    const label = passageLabel({
      index: 0,
      text: 'some 4,000 people left',
      claims: [
        { id: 'a', summary: 'How many left Raqqa', status: 'agree' },
        { id: 'b', summary: 'How long the convoy was', status: 'differ' },
      ],
    });
    expect(label).toEqual({
      facts: ['How many left Raqqa', 'How long the convoy was'],
      status: 'Outlets differ on 1 of 2',
      tone: 'differ',
      snippet: '“some 4,000 people left”',
    });
    expect(passageLabel({ index: 1, text: 't', claims: [{ id: 'a', summary: 'S', status: 'agree' }] })).toMatchObject({
      facts: ['S'],
      status: 'Outlets agree',
      tone: 'agree',
    });
    expect(passageLabel({ index: 2, text: 't', claims: [{ id: 'a', summary: 'S', status: 'differ' }] }).status).toBe('Outlets differ');
  });

  it('never calls a fact with nothing to compare agreement', () => {
    const only = passageLabel({ index: 0, text: 't', claims: [{ id: 'a', summary: 'S', status: 'not-compared' }] });
    expect(only).toMatchObject({ status: 'Same fact, nothing to compare', tone: 'not-compared' });
    const mixed = passageLabel({ index: 0, text: 't', claims: [{ id: 'a', summary: 'S', status: 'not-compared' }, { id: 'b', summary: 'T', status: 'agree' }] });
    expect(mixed).toMatchObject({ status: 'Outlets agree on 1 of 2', tone: 'agree' });
  });

  it('cuts a long passage at a word, on one line', () => {
    const long = 'The convoy carrying the group was 6km to 7km long,\n according to another driver, with almost 50 trucks, 13 buses and more than 100 vehicles.';
    const snippet = snippetOf(long);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS + 3);
    expect(snippet).toMatch(/^“The convoy carrying the group was 6km to 7km long, according to another driver, with.*…”$/);
    expect(snippet).not.toContain('\n');
  });
});

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id> and ignores anything else', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?tab=x')).toBeUndefined();
    expect(tabIdFromSearch('?tab=-1')).toBeUndefined();
    expect(tabIdFromSearch('')).toBeUndefined();
  });
});
