// Whom a sentence credits, in the outlet's words: what the pack's `attribution` holds.
import { describe, expect, it } from 'vitest';
import { attributeSentences, creditIn } from '../../../../src/core/quantities/credits';

describe('creditIn', () => {
  it.each([
    [
      'The fire started in a refrigerated lorry on the lower vehicle deck, according to the Carrow and District Fire and Rescue Service.',
      'the Carrow and District Fire and Rescue Service',
    ],
    ['According to the BBC, it seems that other forces had little or no knowledge about the deal.', 'the BBC'],
    ['But a local driver told the BBC that the convoy was six to seven kilometres long.', 'a local driver'],
    ["The fire began on the ship's vehicle deck, the fire service said.", 'the fire service'],
    [
      'But it took more than an hour to get everyone off, passengers said, with some left shivering on the outer deck.',
      'passengers',
    ],
    ['The Coast Guard said it received a distress call from the ship at 19:41.', 'The Coast Guard'],
    ['The SDF publicly stated that only a handful of fighters had been able to leave Raqqa.', 'The SDF'],
    [
      '"We didn\'t want anyone to leave," said Colonel Ryan Dillon, spokesman for Operation Inherent Resolve.',
      'Colonel Ryan Dillon, spokesman for Operation Inherent Resolve',
    ],
    [
      "Hensey's councillor, Marian Tolland, said the island's two shops were already running low on milk.",
      "Hensey's councillor, Marian Tolland",
    ],
    [
      'Lorry driver Dean Maskell, 45, said a crewman told him the fire had started in the engine room.',
      'Lorry driver Dean Maskell',
    ],
    ['Ten trucks were loaded with weapons and ammunition," the report said.', 'the report'],
  ])('%s → %s', (sentence, credit) => {
    expect(creditIn(sentence)).toBe(credit);
  });

  it.each([
    "Three lifeboats and the Hensey Pride went to the ship's aid.",
    'United States Defence Secretary James Mattis had described the fight against ISIS as a war of "annihilation" in May.',
    "What was not announced at the time was that the city's liberation was secured on the back of a secret deal.",
    "The Seafarers and Ferry Workers' Union has called for an urgent review of crew levels.",
  ])('credits no one: %s', (sentence) => {
    expect(creditIn(sentence)).toBeNull();
  });
});

describe('attributeSentences', () => {
  it('reads "she said" as the person named just before, and says so', () => {
    const credits = attributeSentences([
      '"The crew closed the fire doors within minutes," Deputy Chief Fire Officer Rhian Castell told reporters in Port Carrow.',
      'Firefighters brought the blaze under control after about five hours, she said.',
    ]);
    expect(credits[1]).toEqual({ credit: 'Deputy Chief Fire Officer Rhian Castell', resolvedFrom: 'she' });
  });

  it('leaves "it" and a pronoun with nobody named before it uncredited', () => {
    expect(
      attributeSentences([
        'The SDF had cleared the city of media.',
        'It claimed that only a few dozen fighters had left.',
      ])[1],
    ).toBeNull();
    expect(attributeSentences(['"We just opened the doors," she said.'])[0]).toBeNull();
  });
});
