import { describe, expect, it } from 'vitest';
import { countText, coveredNote, passageLabel } from '../../../src/popup/popup-text';
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

  it('lists a passage by its claims, flagging disagreement', () => {
    const label = passageLabel({
      index: 0,
      text: 'some 4,000 people',
      claims: [
        { id: 'a', summary: 'How many left Raqqa', status: 'agree' },
        { id: 'b', summary: 'How long the convoy was', status: 'differ' },
      ],
    });
    expect(label).toEqual({ summary: 'How many left Raqqa', more: 'and 1 more fact', differs: true });
    expect(passageLabel({ index: 1, text: 't', claims: [{ id: 'a', summary: 'S', status: 'agree' }] })).toEqual({
      summary: 'S',
      more: undefined,
      differs: false,
    });
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
