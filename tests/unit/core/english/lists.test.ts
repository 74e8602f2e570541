// How a list of outlets and a quotation read in the tooltip, popup and command-line tools.
import { describe, expect, it } from 'vitest';
import { listOf, quoted } from '../../../../src/core/english/lists';

describe('listOf', () => {
  it('joins names as English prose does', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['News Nation'])).toBe('News Nation');
    expect(listOf(['News Nation', '5Pillars'])).toBe('News Nation and 5Pillars');
    expect(listOf(['News Nation', '5Pillars', 'Al Bawaba'])).toBe('News Nation, 5Pillars and Al Bawaba');
  });
});

describe('quoted', () => {
  it('puts a quotation in double quotes', () => {
    expect(quoted('The convoy was six to seven kilometres long.')).toBe('"The convoy was six to seven kilometres long."');
  });

  it('adds none where the quotation already opens or closes with its own marks', () => {
    expect(quoted('"There was a huge number of people," he said.')).toBe('"There was a huge number of people," he said.');
    expect(quoted('“We took out around 4,000 people”')).toBe('“We took out around 4,000 people”');
    expect(quoted('the aim was to spare lives, ‘by, with and through’')).toBe('the aim was to spare lives, ‘by, with and through’');
  });
});
