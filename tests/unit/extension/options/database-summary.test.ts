import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadDatabase } from '../../../../src/core/database/load';
import { databaseSummary } from '../../../../src/extension/options/database-summary';

it('summarises the bundled pack as the options page shows it', () => {
  const json = JSON.parse(readFileSync('assets/packs/raqqa-convoy-2017.json', 'utf8'));
  const facts = databaseSummary(loadDatabase([json]));
  expect(facts.version).toBe(json.version);
  expect(facts.stories.map((s) => s.title)).toEqual([json.story.title]);
  expect(facts.claims).toBe(json.claims.length);
  expect(facts.outlets).toBe(json.outlets.length);
  expect(facts.differingClaims).toBeGreaterThan(0);
  expect(facts.differingClaims).toBeLessThan(facts.claims);
});
