// The story's name variants for its pack's lexicon, from the articles' own bracketed abbreviations.
import { describe, expect, it } from 'vitest';
import { findNameVariants } from '../../../../src/tools/pack-build/name-variants';

describe('findNameVariants', () => {
  it('pairs a name with the abbreviation in brackets after it', () => {
    expect(
      findNameVariants(['The Maritime Accident Investigation Office (MAIO) has opened an investigation.']),
    ).toEqual([['Maritime Accident Investigation Office', 'MAIO']]);
    expect(findNameVariants(["The Seafarers and Ferry Workers' Union (SFWU) said crew numbers were cut."])).toEqual([
      ["Seafarers and Ferry Workers' Union", 'SFWU'],
    ]);
  });

  it('merges the groups of one abbreviation across articles', () => {
    const groups = findNameVariants([
      'Hundreds of Islamic State in Iraq and Syria (ISIS) fighters left.',
      'Hundreds of Islamic State (ISIS) terrorists left.',
    ]);
    expect(groups.map((g) => [...g].sort())).toEqual([['ISIS', 'Islamic State', 'Islamic State in Iraq and Syria']]);
  });

  it('takes nothing whose initials do not spell the abbreviation', () => {
    expect(findNameVariants(['He spoke to the press (AP) on Friday.', 'The ferry (GMT) left late.'])).toEqual([]);
  });
});
