import { describe, expect, it } from 'vitest';
import type { TabHighlights } from '../../../../src/extension/messaging/protocol';
import {
  countText,
  coveredNote,
  passageLabel,
  passageStatus,
  SNIPPET_CHARS,
  snippetOf,
} from '../../../../src/extension/popup/popup-text';
import { tabIdFromSearch } from '../../../../src/extension/popup/target-tab';

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

  type Claim = TabHighlights['highlights'][number]['claims'][number];
  const claim = (status: Claim['status'], differsOn: string[] = []): Claim => ({
    id: 'x',
    summary: 'S',
    status,
    differsOn,
  });

  it('lists a passage by the facts it states, its status in the tooltip’s words, and how it reads on the page', () => {
    const label = passageLabel({
      index: 0,
      text: 'some 4,000 people left',
      claims: [
        { id: 'a', summary: 'How many left Raqqa', status: 'agree', differsOn: [] },
        { id: 'b', summary: 'How long the convoy was', status: 'differ', differsOn: ['the figures'] },
      ],
    });
    expect(label).toEqual({
      summaries: ['How many left Raqqa', 'How long the convoy was'],
      status: '2 facts: outlets differ on one (the figures)',
      tone: 'differ',
      snippet: '“some 4,000 people left”',
    });
  });

  it('says of one fact exactly what its tooltip says', () => {
    expect(passageStatus([claim('differ', ['the figures'])])).toBe('Outlets differ on the figures');
    expect(passageStatus([claim('differ', ['the figures', 'whom they credit'])])).toBe(
      'Outlets differ on the figures and whom they credit',
    );
    expect(passageStatus([claim('agree')])).toBe('Outlets agree');
    expect(passageStatus([claim('not-compared')])).toBe('Same fact, nothing to compare');
  });

  it('says of several facts how many, and on how many outlets differ and on what, in words', () => {
    expect(
      passageStatus([claim('differ', ['the figures']), claim('differ', ['whom they credit', 'the figures'])]),
    ).toBe('2 facts: outlets differ on both (the figures and whom they credit)');
    expect(passageStatus([claim('differ', ['the date']), claim('agree'), claim('not-compared')])).toBe(
      '3 facts: outlets differ on one (the date)',
    );
    expect(passageStatus([claim('agree'), claim('agree'), claim('agree')])).toBe('3 facts: outlets agree on all three');
    expect(passageStatus([claim('agree'), claim('agree'), claim('not-compared')])).toBe(
      '3 facts: outlets agree on two',
    );
    expect(passageStatus([claim('not-compared'), claim('not-compared')])).toBe('2 facts: nothing to compare on either');
    expect(passageStatus([claim('differ', ['the figures']), claim('agree')])).not.toMatch(/\d+ of \d+/);
  });

  it('never calls a fact with nothing to compare agreement', () => {
    const only = passageLabel({ index: 0, text: 't', claims: [claim('not-compared')] });
    expect(only).toMatchObject({ status: 'Same fact, nothing to compare', tone: 'not-compared' });
    const mixed = passageLabel({ index: 0, text: 't', claims: [claim('not-compared'), claim('agree')] });
    expect(mixed).toMatchObject({ status: '2 facts: outlets agree on one', tone: 'agree' });
  });

  it('cuts a long passage at a word, on one line', () => {
    const long =
      'The convoy carrying the group was 6km to 7km long,\n according to another driver, with almost 50 trucks, 13 buses and more than 100 vehicles.';
    const snippet = snippetOf(long);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS + 3);
    expect(snippet).toMatch(
      /^“The convoy carrying the group was 6km to 7km long, according to another driver, with.*…”$/,
    );
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
