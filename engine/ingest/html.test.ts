import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import { parseHtml } from './html';

const text = (html: string) => JSON.stringify(parseHtml(html, 'page').blocks);

const SITE_HEADER = `<a class="skip-link" href="#main">Skip to content</a>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your visit. <button>Accept all</button></div>
  <header class="site-header"><div class="topbar">Free delivery over $60 · Call 555-0199</div>
    <a class="logo" href="/">Greenhouse &amp; Co</a>
    <nav class="main-nav"><ul><li><a href="/plants">Plants</a></li><li><a href="/pots">Pots</a></li><li><a href="/sale">Sale</a></li></ul></nav>
    <form role="search"><input name="q" placeholder="Search plants"><button>Search</button></form></header>`;
const SITE_FOOTER = `<footer class="site-footer"><h4>Greenhouse &amp; Co</h4><p>12 Fern Lane · Privacy · Careers at Greenhouse</p>
  <ul><li><a href="/faq">FAQ</a></li><li><a href="/contact">Contact</a></li><li><a href="/jobs">Jobs</a></li></ul></footer>
  <script>window.analytics = { track() {} };</script>`;

describe('parseHtml keeps what a shop page says', () => {
  it('keeps sections classed like clutter inside <main>: extras, related-info, sidebar, comments', () => {
    const page = `<!doctype html><html><head><title>Rentals | Greenhouse</title></head><body>${SITE_HEADER}
      <main id="main"><article>
        <h1>Tool rentals</h1>
        <p>Rent garden tools by the day from our barn; bring photo ID and a card for the deposit.</p>
        <section class="extras"><h2 id="groups">Group discounts</h2>
          <p>Community gardens and school groups renting five tools or more get 25% off every rental day.</p></section>
        <div class="related-info"><h2>Rental prices</h2>
          <table><thead><tr><th>Tool</th><th>Per day</th></tr></thead>
          <tbody><tr><td>Rototiller</td><td>$45</td></tr><tr><td>Hedge trimmer</td><td>$20</td></tr></tbody></table></div>
        <aside class="sidebar"><h2>Late returns</h2><p>Tools returned after closing time are charged one extra day, no exceptions.</p></aside>
        <div id="comments" class="comment-list"><h2>Questions from customers</h2>
          <p>Do you deliver the rototiller? Yes, within 10 miles for a flat $15 each way.</p></div>
        <ul class="related-products"><li><a href="/p/1">Pruning shears</a></li><li><a href="/p/2">Gloves</a></li><li><a href="/p/3">Twine</a></li></ul>
      </article></main>${SITE_FOOTER}</body></html>`;
    const all = text(page);
    for (const kept of [
      'bring photo ID',
      'get 25% off every rental day',
      'Rototiller',
      '$45',
      'charged one extra day',
      'flat $15 each way',
    ])
      expect(all).toContain(kept);
    for (const chrome of [
      'We use cookies',
      'Skip to content',
      'Free delivery over',
      'Search plants',
      'Careers at Greenhouse',
      'analytics',
      'Pruning shears',
    ])
      expect(all).not.toContain(chrome);
    const chunks = chunkDocument(parseHtml(page, 'page', 'https://shop.example/rentals'), { sourceId: 's' });
    expect(chunks.find((c) => c.title === 'Group discounts')).toMatchObject({
      headingPath: ['Tool rentals', 'Group discounts'],
      url: 'https://shop.example/rentals#groups',
    });
  });

  it('finds the text of a page without <main>, leaving out a sidebar of links and shop filters', () => {
    const page = `<html><head><title>Menu — Dice &amp; Brew Café</title></head><body>${SITE_HEADER}
      <div class="breadcrumbs"><a href="/">Home</a> › <a href="/cafe">Café</a> › Menu</div>
      <div class="page">
        <div class="col-left"><ul><li><a href="/games">Games library</a></li><li><a href="/events">Events</a></li>
          <li><a href="/book">Book a table</a></li><li><a href="/gift">Gift cards</a></li></ul>
          <div class="filters"><h3>Filter</h3><fieldset><legend>Diet</legend><label><input type="checkbox"> Vegan</label></fieldset></div></div>
        <div id="content">
          <h1>Our menu</h1>
          <p>Food is served from noon until an hour before closing, at your gaming table.</p>
          <div id="menu" class="menu"><h2>Snacks</h2>
            <table><tr><th>Dish</th><th>Price</th></tr><tr><td>Loaded nachos</td><td>$9</td></tr><tr><td>Pretzel bites</td><td>$6</td></tr></table></div>
          <div class="extras"><h2>Table fee</h2><p>The table fee is $5 per player and covers the whole games library all day.</p></div>
        </div>
      </div>${SITE_FOOTER}</body></html>`;
    const doc = parseHtml(page, 'page');
    const all = JSON.stringify(doc.blocks);
    expect(doc.title).toBe('Our menu');
    for (const kept of ['served from noon', 'Loaded nachos', '$9', '$5 per player']) expect(all).toContain(kept);
    for (const chrome of ['Games library', 'Book a table', 'Vegan', 'Filter', 'Home', 'Greenhouse'])
      expect(all).not.toContain(chrome);
  });

  it('keeps a sidebar beside the content when it holds much of what the page says', () => {
    const long = 'Every order of yarn ships within two days, wound and labelled by hand in our studio. ';
    const page = `<html><body>${SITE_HEADER}<div class="wrap">
      <div class="content"><h1>Shipping</h1><p>${long}</p></div>
      <div class="sidebar"><h2>Dye lots</h2><p>Buy every skein for one project at once: hand-dyed lots differ from batch to batch.</p></div>
      </div>${SITE_FOOTER}</body></html>`;
    const all = text(page);
    expect(all).toContain('wound and labelled by hand');
    expect(all).toContain('hand-dyed lots differ');
  });

  it("keeps an article's own header and footer, and every paragraph of a page with no containers", () => {
    const article = `<html><body>${SITE_HEADER}<main><article><header><h1>Returns</h1><p class="meta">Updated in March</p></header>
      <p>Unopened grinders can be returned within 30 days for a full refund.</p>
      <footer><p>Opened coffee cannot be returned, for food-safety reasons.</p></footer></article></main>${SITE_FOOTER}</body></html>`;
    const all = text(article);
    expect(all).toContain('Updated in March');
    expect(all).toContain('Opened coffee cannot be returned');
    expect(all).not.toContain('Careers at Greenhouse');

    const bare = text(
      '<html><body><h1>Hours</h1><p>Open Tuesday to Sunday, 9 to 5.</p><p>Closed on Mondays and public holidays.</p></body></html>',
    );
    expect(bare).toContain('Open Tuesday to Sunday');
    expect(bare).toContain('Closed on Mondays');
  });

  it('keeps the text of tabs a visitor has not opened yet', () => {
    const page = `<html><body><main><h1>Merino DK</h1><div role="tablist"><button role="tab">Details</button><button role="tab">Care</button></div>
      <div role="tabpanel" id="details"><p>Superwash merino, 100 g skeins of about 225 metres.</p></div>
      <div role="tabpanel" id="care" hidden><p>Hand wash cold and dry flat; never tumble dry.</p></div>
      <div class="modal" aria-hidden="true"><p>Sign up for 10% off your first order</p></div></main></body></html>`;
    const all = text(page);
    expect(all).toContain('225 metres');
    expect(all).toContain('never tumble dry');
    expect(all).not.toContain('10% off your first order');
  });

  it('does not take a bakery\'s "cookies" section for a cookie banner', () => {
    const page = `<html><body><main><h1>Bakes</h1><section id="cookies" class="cookies"><h2>Cookies</h2>
      <p>Our oat and raisin cookies are baked every morning and sold by the dozen for $14.</p></section></main></body></html>`;
    expect(text(page)).toContain('sold by the dozen for $14');
  });
});
