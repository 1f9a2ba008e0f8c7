import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import { parseHtml } from './html';

const text = (html: string) => JSON.stringify(parseHtml(html, 'page').blocks);
/** Each chunk as "heading > path: text". */
const chunks = (html: string) =>
  chunkDocument(parseHtml(html, 'page'), { sourceId: 's' }).map((c) => `${c.headingPath.join(' > ')}: ${c.text}`);
const inMain = (s: string) => `<html><body><main><h1>Policies</h1>${s}</main></body></html>`;

describe('removeChrome keeps what only looks like chrome', () => {
  it('reads a page an ASP.NET form wraps whole, still dropping a signup form', () => {
    const page = `<html><body><form method="post" action="/Delivery" id="Form">
      <input type="hidden" name="__VIEWSTATE" value="dDwtMTA4">
      <div id="dnn_ContentPane"><h2>Delivery charges</h2><p>Orders over £75 get free local delivery.</p>
        <div class="newsletter"><h3>News</h3><p>Sign up for our garden news.</p></div></div></form></body></html>`;
    const all = text(page);
    expect(all).toContain('Orders over £75 get free local delivery.');
    expect(all).not.toContain('dDwtMTA4');
    const signup = text(
      inMain('<p>We deliver on Tuesdays.</p><form><p>Sign up for our garden news.</p><input type="email"></form>'),
    );
    expect(signup).toContain('We deliver on Tuesdays.');
    expect(signup).not.toContain('Sign up');
  });

  it("drops a newsletter block's heading and pitch with its form, not a contact form's text or a footer's address", () => {
    const all = text(
      inMain(`<h2>Shipping rates</h2><p>UK standard delivery is £3.95.</p>
        <div class="shopify-section"><div class="newsletter"><h2>Join the Hive</h2>
          <div class="rte"><p>Be the first to hear about new scents and get 10% off your first order.</p></div>
          <div><form id="ContactForm"><input type="hidden" name="form_type" value="customer">
            <input id="NewsletterForm" type="email" name="contact[email]" placeholder="Email"><button>Subscribe</button></form></div></div></div>
        <div style="display: none"><h3>Wait!</h3><p>Get 15% off today.</p><form><input name="email"></form></div>
        <section><h2>Write to us</h2><p>We reply within one working day.</p>
          <form><input type="email" name="email"><textarea name="message"></textarea></form></section>`),
    );
    expect(all).toContain('UK standard delivery is £3.95.');
    expect(all).toContain('We reply within one working day.');
    expect(all).not.toMatch(/Join the Hive|10% off|15% off|Wait!/);
    const footer = text(`<html><body><main><h1>Servicing</h1><p>A full service takes a day.</p></main>
      <footer><div class="column"><p>Spoke &amp; Chain Cycles, 22 Market Place, Hexham NE46 1XQ</p>
        <form name="Newsletter"><input type="email" placeholder="Your email"><button>Join the newsletter</button></form></div></footer></body></html>`);
    expect(footer).toContain('22 Market Place, Hexham NE46 1XQ');
    expect(footer).not.toContain('Join the newsletter');
  });

  it("keeps a <main> whose id names the skip link's target, dropping the skip link", () => {
    const all = text(`<html><body><a class="skip-link" href="#wp--skip-link--target">Skip to content</a>
      <main id="wp--skip-link--target"><div class="entry"><h1>Studio policies</h1><p>A £10 deposit secures your booking.</p></div></main></body></html>`);
    expect(all).toContain('A £10 deposit secures your booking.');
    expect(all).not.toContain('Skip to content');
  });

  it('drops cookie banners by name, not sections named "consent forms", "GDPR rights" or a heading\'s id', () => {
    const all = text(
      inMain(`<div class="cky-consent-bar"><p>We value your privacy.</p></div>
        <div id="cookie-notice"><p>We use cookies to improve your visit.</p></div>
        <section class="consent-forms"><h2>Consent forms</h2><p>Under-18s must bring a parent with photo ID.</p></section>
        <div class="gdpr-rights"><h2>Your data</h2><p>Consent forms are kept for 3 years, then shredded.</p></div>
        <h2 id="cookie-notice">Cookie notice</h2><p>This site uses only essential cookies.</p>`),
    );
    for (const kept of ['Under-18s must bring a parent', 'kept for 3 years', 'Cookie notice', 'only essential cookies'])
      expect(all).toContain(kept);
    expect(all).not.toContain('We value your privacy');
    expect(all).not.toContain('We use cookies to improve');
  });

  it('keeps a dialog inside the page (a size guide), not a popup beside it or one asking for an email', () => {
    const page = `<html><body><main><h1>Linen apron</h1><p>One size, adjustable strap.</p>
      <div role="dialog" aria-label="Size guide"><h1 class="h2">Size guide</h1><p>The regular strap fits a 72–86cm waist.</p></div>
      <h2>Care</h2><p>Machine wash at 40°C.</p>
      <div role="dialog"><p>Get 10% off your first order.</p><input type="email"></div></main>
      <div role="dialog" aria-modal="true"><h2>Cookie settings</h2><p>We use cookies and similar technologies.</p></div></body></html>`;
    const all = chunks(page);
    expect(all).toContain('Linen apron > Size guide: The regular strap fits a 72–86cm waist.');
    expect(all).toContain('Linen apron > Care: Machine wash at 40°C.');
    expect(all.join('\n')).not.toMatch(/10% off|We use cookies/);
  });

  it('keeps a list of email, phone and labelled links as contact details, not a menu', () => {
    const all = text(
      inMain(`<h2>Get in touch</h2><ul><li>Email: <a href="mailto:hello@grindhouse.coffee">hello@grindhouse.coffee</a></li>
        <li>Phone: <a href="tel:+441612345678">0161 234 5678</a></li>
        <li>Instagram: <a href="https://instagram.com/grindhouse">@grindhouse</a></li></ul>
        <ul><li><a href="/beans">Beans</a></li><li><a href="/brewers">Brewers</a></li><li><a href="/gifts">Gifts</a></li></ul>`),
    );
    for (const kept of ['hello@grindhouse.coffee', '0161 234 5678', '@grindhouse']) expect(all).toContain(kept);
    expect(all).not.toContain('Brewers');
  });

  it('keeps the opening hours and address of the footer and sidebar, not their menus, signups and copyright', () => {
    const page = `<html><body><main><h1>Shipping</h1><p>Orders leave us within 2 working days.</p></main>
      <aside><div class="widget"><span class="widget-title">Shop opening hours</span><div class="textwidget">
        <p>Mon–Fri: 9am – 5pm<br>Sat: 10am – 2pm</p><p>Free parking behind the barn.</p></div></div>
        <div class="widget"><h3>Recent recipes</h3><ul><li><a href="/a">Damson gin</a></li><li><a href="/b">Cheese board</a></li><li><a href="/c">Marmalade</a></li></ul></div></aside>
      <footer><div class="footer-block"><h2>Visit the workshop</h2><p>Unit 4, Mill Yard, Hebden Bridge HX7 8AD</p>
        <p>Shop open Thursday to Saturday, 10am–4pm.</p></div>
        <div class="footer-block"><h2>Newsletter</h2><p>Be the first to hear about new scents.</p><form><input type="email"></form></div>
        <ul><li><a href="/refunds">Refund policy</a></li><li><a href="/care">Candle care guide</a></li><li><a href="/contact">Contact us</a></li></ul>
        <p>© 2024 Hearth &amp; Hive · Powered by Shopify</p></footer></body></html>`;
    const all = chunks(page);
    expect(all).toContain(
      'Shipping > Shop opening hours: Mon–Fri: 9am – 5pm Sat: 10am – 2pm\n\nFree parking behind the barn.',
    );
    expect(all.find((c) => c.startsWith('Shipping > Visit the workshop: '))).toContain('10am–4pm');
    expect(all.join('\n')).not.toMatch(/Damson|Newsletter|new scents|Candle care|Powered by/);
  });

  it('keeps a footer fact without a heading under "Contact", and not a second time when the page says it', () => {
    const all = chunks(`<html><body><main><h1>Delivery</h1><p>Call 0161 234 5678 to book a slot.</p></main>
      <div id="footer"><p>Harrow Hardware, 41 Station Road, Harrow HA1 2TY</p><p>Call 0161 234 5678 to book a slot.</p>
      <p>Copyright 2024 by Harrow Hardware</p></div></body></html>`);
    expect(all).toEqual([
      'Delivery: Call 0161 234 5678 to book a slot.',
      'Delivery > Contact: Harrow Hardware, 41 Station Road, Harrow HA1 2TY',
    ]);
  });

  it('keeps a heading alone in its block (a heading widget), not the title left of removed controls', () => {
    const all = chunks(
      inMain(`<div><p>Come in to browse or book a class.</p></div><div><h3>Shop opening times</h3></div>
        <div><p>Wednesday to Saturday, 10am to 5pm.</p></div>
        <div class="filters"><h3>Filter</h3><fieldset><label><input type="checkbox"> Vegan</label></fieldset></div>`),
    );
    expect(all).toContain('Policies > Shop opening times: Wednesday to Saturday, 10am to 5pm.');
    expect(all.join('\n')).not.toContain('Filter');
  });
});

describe('removeChrome keeps the questions and answers of accordions', () => {
  it('drops sharing buttons, however few, not a sentence that says "share" or a link to email us', () => {
    const all = text(
      inMain(`<h2>Booking</h2><p>Book two weeks ahead.</p>
        <div class="share-buttons"><a href="#">Share</a> <a href="#">Tweet</a></div>
        <p><a href="#">Share on Facebook</a> | <a href="#">Pin it</a></p>
        <p>Share your table with another group on busy nights.</p>
        <p>Questions? <a href="mailto:hi@shop.example">Email</a> us.</p>`),
    );
    expect(all).toContain('Book two weeks ahead.');
    expect(all).not.toMatch(/Tweet|Facebook|Pin it/);
    expect(all).toContain('Share your table with another group on busy nights.');
    expect(all).toContain('Email us.');
  });

  it('keeps an answer of a few words', () => {
    const all = text(
      inMain(`<h3><button aria-expanded="false" aria-controls="p1">Is there a deposit?</button></h3>
        <div id="p1" hidden><p>Yes, $150.</p></div>`),
    );
    expect(all).toContain('Yes, $150.');
  });

  it("finds the panel after the element wrapping a question's button", () => {
    const all = text(
      inMain(`<div class="faq-item"><div class="faq-item__question"><button type="button" aria-expanded="false">Does the warranty cover zips?</button></div>
        <div class="faq-item__answer" hidden><p>Zips are covered for 1 year.</p></div></div>`),
    );
    expect(all).toContain('Does the warranty cover zips?');
    expect(all).toContain('Zips are covered for 1 year.');
  });

  it('takes a panel styled display:none for hidden, so its question is kept', () => {
    const all = text(
      inMain(`<button class="accordion">Can I cancel my order?</button>
        <div class="panel" style="display:none"><p>Free of charge until it is marked as shipped.</p></div>`),
    );
    expect(all).toContain('Can I cancel my order?');
  });
});
