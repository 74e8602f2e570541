// The options page's database card, drawn into a parsed copy of the page: it names what the stories card names.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { loadDatabase } from '../../../../src/core/database/load';
import { databaseSummary } from '../../../../src/extension/options/database-summary';
import { renderDatabaseSummary } from '../../../../src/extension/options/options-view';

it('calls the database’s claims facts, as the stories card does, never claims', () => {
  const html = readFileSync('entrypoints/options/index.html', 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  const json = JSON.parse(readFileSync('assets/packs/raqqa-convoy-2017.json', 'utf8'));
  const facts = databaseSummary(loadDatabase([json]));
  const list = doc.getElementById('db-summary')!;
  renderDatabaseSummary(list, facts);
  const rows = [...list.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
  expect(rows).toContainEqual(['Facts', `${json.claims.length} (outlets differ on ${facts.differingClaims})`]);
  const shown = [doc.getElementById('db-heading')!.textContent, list.textContent].join(' ');
  expect(shown).not.toMatch(/claim/i);
});
