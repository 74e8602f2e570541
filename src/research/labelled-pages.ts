// The pages the hybrid experiment is judged on, loaded once: the labelled seed articles (with both
// label readings), pages of outlets not in the database (the retelling), and the negative pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../core/database/combine';
import { loadLabelledPage, sourceBlocks, type LabelFile, type LabelledPage } from '../tools/eval/labels';
import { ROOT } from '../node/paths';

export interface JudgedPage {
  name: string;
  url: string;
  blocks: string[];
  /** The database article this page is (its outlet is held out), or null for other outlets. */
  article: string | null;
  /** The page under each label reading (same blocks, different passages). */
  readings: LabelledPage[];
}

export interface NegativePage {
  name: string;
  url: string;
  blocks: string[];
}

export const LABEL_READINGS = ['tests/fixtures/labels', 'tests/fixtures/labels-second-reading'];

function readLabelDir(dir: string): LabelFile[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(abs, f), 'utf8')) as LabelFile);
}

export function judgedPages(db: Database): JudgedPage[] {
  const [first, ...others] = LABEL_READINGS.map(readLabelDir);
  return first!.map((file) => {
    const article = db.articles.find((a) => a.id === file.article) ?? null;
    const readings = [file, ...others.map((r) => r.find((f) => f.article === file.article))]
      .filter((f): f is LabelFile => f !== undefined)
      .map((f) => loadLabelledPage(f, article?.url ?? null));
    const page = readings[0]!;
    return { name: file.article, url: page.url, blocks: page.blocks, article: article?.id ?? null, readings };
  });
}

export function negativePages(): NegativePage[] {
  const dir = join(ROOT, 'tests/fixtures/negative-pages');
  const sources = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => `tests/fixtures/negative-pages/${f}`)
    : [];
  sources.push('tests/fixtures/pages/unrelated-news.html');
  return sources.map((source) => {
    const { blocks, url } = sourceBlocks(source);
    return { name: source.replace(/^.*\//, ''), url: url ?? '', blocks };
  });
}
