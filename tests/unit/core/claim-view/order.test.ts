// The order of the facts one passage states, as the tooltip opens on them.
import { describe, expect, it } from 'vitest';
import { orderFacts, type PassageFact } from '../../../../src/core/claim-view/order';
import type { ClaimView } from '../../../../src/core/claim-view/types';

function fact(id: string, score: number, status: ClaimView['status'], pageKinds = 0, byMeaning = false): PassageFact {
  const view: ClaimView = {
    id,
    summary: id,
    draft: false,
    pageKinds,
    status,
    reasons: [],
    compared: [],
    note: null,
    score,
    reports: [],
  };
  return { view, score, byMeaning };
}
const ids = (facts: PassageFact[]) => orderFacts(facts).map((f) => f.view.id);

describe('orderFacts', () => {
  it('opens on the fact whose values the passage itself states, the most of them first', () => {
    // The Media Line's sentence: five facts, the people count third by score.
    const facts = [
      fact('western-officer-present', 0.79, 'not-compared'),
      fact('secret-deal-let-fighters-leave', 0.73, 'differ', 2),
      fact('people-who-left', 0.72, 'differ', 3),
      fact('coalition-admits-deal', 0.68, 'differ'),
      fact('deal-brokered-by-local-officials', 0.62, 'not-compared'),
    ];
    expect(ids(facts)).toEqual([
      'people-who-left',
      'secret-deal-let-fighters-leave',
      'western-officer-present',
      'coalition-admits-deal',
      'deal-brokered-by-local-officials',
    ]);
  });

  it('puts facts the outlets differ on before those stated as well where they do not', () => {
    expect(
      ids([fact('agree', 0.8, 'agree'), fact('nothing', 0.82, 'not-compared'), fact('differ', 0.75, 'differ')]),
    ).toEqual(['differ', 'agree', 'nothing']);
  });

  it('keeps a fact stated clearly better first, whatever its status', () => {
    expect(ids([fact('weak-differ', 0.5, 'differ'), fact('strong', 0.95, 'not-compared')])).toEqual([
      'strong',
      'weak-differ',
    ]);
  });

  it('puts what the sentence encoder alone found after what the words found', () => {
    expect(ids([fact('meaning', 0.9, 'differ', 0, true), fact('words', 0.5, 'not-compared')])).toEqual([
      'words',
      'meaning',
    ]);
  });
});
