import { describe, expect, it } from 'vitest';
import { furnitureOfElement, furnitureOfLine } from '../../../../src/core/text/furniture';
import { parseHtml } from '../../../../src/node/parse-html';

/** The first element of a snippet of markup. */
function element(html: string): Element {
  return parseHtml(`<!doctype html><html><body>${html}</body></html>`).body.firstElementChild!;
}
const outside = { inArticle: false };
const inside = { inArticle: true };

describe('furnitureOfElement', () => {
  it('reads tags and landmark roles', () => {
    expect(furnitureOfElement(element('<figcaption>x</figcaption>'), inside)).toBe('caption');
    expect(furnitureOfElement(element('<aside>x</aside>'), inside)).toBe('aside');
    expect(furnitureOfElement(element('<nav>x</nav>'), outside)).toBe('navigation');
    expect(furnitureOfElement(element('<div role="complementary">x</div>'), inside)).toBe('aside');
    expect(furnitureOfElement(element('<div role="contentinfo">x</div>'), outside)).toBe('navigation');
    expect(furnitureOfElement(element('<div aria-label="Advertisement">x</div>'), outside)).toBe('advertisement');
  });

  it('takes a header or footer for page chrome only outside the article', () => {
    expect(furnitureOfElement(element('<footer>x</footer>'), outside)).toBe('navigation');
    expect(furnitureOfElement(element('<footer>x</footer>'), inside)).toBeNull();
    expect(furnitureOfElement(element('<header>x</header>'), inside)).toBeNull();
  });

  it('reads the words of class names and ids, whole words only', () => {
    expect(furnitureOfElement(element('<p class="image-caption">x</p>'), inside)).toBe('caption');
    expect(furnitureOfElement(element('<div class="article__relatedLinks">x</div>'), inside)).toBe('read-more');
    expect(furnitureOfElement(element('<div id="newsletter-box">x</div>'), inside)).toBe('promo');
    expect(furnitureOfElement(element('<blockquote class="twitter-tweet">x</blockquote>'), inside)).toBe(
      'embedded-post',
    );
    expect(furnitureOfElement(element('<blockquote class="instagram-media">x</blockquote>'), inside)).toBe(
      'embedded-post',
    );
    expect(furnitureOfElement(element('<div class="read-more">x</div>'), inside)).toBe('read-more');
    expect(furnitureOfElement(element('<div class="ad-slot">x</div>'), inside)).toBe('advertisement');
    // Not furniture: words that only contain a furniture word, and the article's own parts.
    expect(furnitureOfElement(element('<h1 class="headline">x</h1>'), inside)).toBeNull();
    expect(furnitureOfElement(element('<div class="loaded shadow">x</div>'), inside)).toBeNull();
    expect(furnitureOfElement(element('<div class="article-body">x</div>'), inside)).toBeNull();
  });

  it('does not take a layout container for furniture by a state or layout word in its name', () => {
    expect(furnitureOfElement(element('<div class="layout has-sidebar">x</div>'), outside)).toBeNull();
    expect(furnitureOfElement(element('<div class="content-with-ads">x</div>'), outside)).toBeNull();
    expect(furnitureOfElement(element('<div class="page-sidebar-layout">x</div>'), outside)).toBeNull();
    expect(furnitureOfElement(element('<div class="comments-enabled">x</div>'), outside)).toBeNull();
    expect(furnitureOfElement(element('<article class="sidebar">x</article>'), outside)).toBeNull();
    expect(furnitureOfElement(element('<main class="related">x</main>'), outside)).toBeNull();
  });
});

describe('furnitureOfLine', () => {
  it('knows print-edition lines and the outlet selling itself', () => {
    expect(
      furnitureOfLine(
        'A version of this article appeared in the print edition of The Straits Times on November 15, 2017, with the headline Secret deal let ISIS fighters flee from Raqqa. Subscribe',
      ),
    ).toBe('print-edition');
    expect(
      furnitureOfLine(
        'A version of this article appears in print on Nov. 15, 2017, Section A, Page 1 of the New York edition',
      ),
    ).toBe('print-edition');
    expect(furnitureOfLine("Join ST's Telegram channel and get the latest breaking news delivered to you.")).toBe(
      'promo',
    );
    expect(furnitureOfLine('Sign up for regular updates straight to your inbox')).toBe('promo');
  });

  it('leaves reporting alone, even where it shares the words', () => {
    expect(furnitureOfLine('The deal was brokered by local officials after four months of fighting.')).toBeNull();
    expect(furnitureOfLine('Officials refused to sign up to the agreement, the BBC reported.')).toBeNull();
    expect(furnitureOfLine('The coalition said it would subscribe to the plan.')).toBeNull();
  });
});
