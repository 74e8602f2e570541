// The seed articles' pages as the browser suites, the demo and the benches open them: each fixture
// served at its outlet's real address.
import outlets from '../../assets/seeds/outlets.json';

const SEED_PAGE_OF_FILE: Record<string, string> = {
  '000_4055a15e323df2c2.txt': 'seed-news-nation.html',
  '001_e8f0623d27377195.txt': 'seed-al-bawaba.html',
  '002_b6e82d0b2987fdb1.txt': 'seed-watchout-news.html',
  '003_709a6672cb74b1d1.txt': 'seed-5pillars.html',
  '004_212cb8e24626c95d.txt': 'seed-straits-times.html',
};

export interface SeedPage {
  outlet: string;
  /** The fixture served at the outlet's real host, so Parallax recognises the page's outlet. */
  url: string;
}

export const SEED_PAGES: SeedPage[] = outlets.articles.map((article) => ({
  outlet: article.outlet,
  url: `${new URL(article.url).origin}/pages/${SEED_PAGE_OF_FILE[article.file]}`,
}));

export const STRAITS_TIMES = SEED_PAGES.find((p) => p.outlet === 'The Straits Times')!;
