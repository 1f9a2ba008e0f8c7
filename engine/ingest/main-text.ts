/**
 * The part of a shop's page that says something: everything in its main text, minus real chrome
 * (page header, navigation, scripts, search and signup forms, popups, cookie banners, link lists,
 * the footer but for the facts it states). Unlike Readability, a section is never dropped for its
 * id or class: shops name real sections "extras", "menu", "related" or "sidebar" (a group
 * discount, a price table, a café's menu).
 */

/** Minimal DOM element surface used here (linkedom's elements satisfy it). */
export interface DomElement {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomElement>;
  parentNode: DomElement | null;
  readonly nextElementSibling?: DomElement | null;
  readonly previousElementSibling?: DomElement | null;
  readonly firstElementChild?: DomElement | null;
  readonly ownerDocument: { createElement(tag: string): DomElement };
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  append(...nodes: DomElement[]): void;
  replaceWith(...nodes: DomElement[]): void;
  remove(): void;
}

/** Never the page's text, wherever they are (forms and dialogs: see `removeChrome`). */
const CHROME =
  'script, style, noscript, template, svg, canvas, iframe, object, embed, fieldset, label, button, select, ' +
  'input, textarea, nav, [role=navigation], [role=search], [aria-hidden=true]:not([role=tabpanel]), [hidden]:not([role=tabpanel])';
const DIALOG = 'dialog, [role=dialog], [role=alertdialog]';
/**
 * Chrome named as such: cookie and consent banners (`cookie-banner`, `cky-consent-bar`,
 * `moove_gdpr_cookie_info_bar`), skip links, breadcrumbs. Only banner-like names: a policy page's
 * "consent-forms" or "gdpr-rights" section and a bakery's "cookies" are the page's text.
 */
const CHROME_NAME =
  /(?<![a-z])(?:(?:cookie|consent|gdpr)[-_]?(?:[a-z]+[-_])?(?:banner|bar|box|container|consent|dialog|law|manager|message|modal|notice|overlay|popup)|onetrust|cc[-_]banner|skip[-_]?(?:link|to[-_]?content)|breadcrumbs?)(?![a-z])/i;
/**
 * The page's own header and footer (an article's header holds its title and stays); `#footer`
 * is the footer of WebForms skins (DNN), older than <footer>.
 */
const PAGE_HEADER = 'header, [role=banner]';
const PAGE_FOOTER = 'footer, [role=contentinfo], #footer';
const CONTENT_ROOTS = new Set(['MAIN', 'ARTICLE']);
/** The words of a block of sharing buttons and nothing else ("Share Tweet", "Share on Facebook | Pin it"). */
const SHARE_ONLY =
  /^(?:(?:share(?: (?:this|on|via))?|tweet|pin(?: it)?|e-?mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|copy link)[\s|·•,:/]*)+$/i;
/** Containers that may be a list of links rather than text (menus outside <nav>, "related" link lists). */
const LINK_LIST_CANDIDATES = 'ul, ol, div, section, aside, p';
const HEADING = /^H[1-6]$/i;

/** A child holding at least this share of the page's text is where the text is (see `contentRoot`). */
const MAIN_SHARE = 0.8;
/** An element holding at least this share of the page's text is the page, whatever its tag or name. */
const PAGE_SHARE = 0.5;

/** Text with its runs of white space as one space, trimmed. */
export const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const textLength = (el: DomElement) => clean(el.textContent ?? '').length;
const elementsOf = (el: DomElement) => Array.from(el.childNodes).filter((c) => c.nodeType === 1);

function within(el: DomElement, test: (a: DomElement) => boolean): boolean {
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) if (test(p)) return true;
  return false;
}

/** The text of an element outside its links. */
function unlinkedText(el: DomElement): string {
  let s = '';
  for (const c of Array.from(el.childNodes))
    if (c.nodeType === 3) s += c.textContent ?? '';
    else if (c.nodeType === 1 && c.nodeName.toUpperCase() !== 'A') s += ' ' + unlinkedText(c);
  return s;
}

const isContentRoot = (el: DomElement) =>
  CONTENT_ROOTS.has(el.nodeName.toUpperCase()) || el.getAttribute('role') === 'main';

const isHidden = (el: DomElement) =>
  el.getAttribute('hidden') !== null ||
  el.getAttribute('aria-hidden') === 'true' ||
  /display\s*:\s*none/i.test(el.getAttribute('style') ?? '');

/** Says something of its own (at least `min` characters outside links): not a menu, navigation or a dialog. */
function isPanel(el: DomElement, min: number): boolean {
  if (el.querySelectorAll('nav, [role=navigation], [role=dialog], [role=menu]').length) return false;
  if (/^(?:NAV|DIALOG|FORM)$/i.test(el.nodeName) || /^(?:navigation|dialog|menu)$/.test(el.getAttribute('role') ?? ''))
    return false;
  return clean(unlinkedText(el)).length >= min;
}

const asks = (button: DomElement) => /\?\s*$/.test(button.textContent ?? '');
const QUESTION_NAME = /faq|accordion|collaps|question|answer|disclosure/i;
const looksLikeQuestion = (button: DomElement) =>
  asks(button) || QUESTION_NAME.test(`${button.getAttribute('id') ?? ''} ${button.getAttribute('class') ?? ''}`);

/** The hidden element right after a button, or after an element that wraps only the button. */
function hiddenNext(button: DomElement): DomElement | null {
  for (let el: DomElement | null = button; el?.nodeType === 1; el = el.parentNode) {
    if (textLength(el) !== textLength(button)) return null;
    const next = el.nextElementSibling;
    if (next) return isHidden(next) ? next : null;
  }
  return null;
}

/**
 * The parts of disclosure widgets (an FAQ's accordion): each toggle button and the panel it opens,
 * hidden until clicked. The panel is the element the button's aria-controls names, or, where the
 * theme has no ARIA, the hidden element after a button that asks a question or is named as one
 * (an "Add to cart" before a hidden newsletter popup is not); a toggle inside a heading (the ARIA
 * accordion's `<h3><button>`) is that heading's text. Chrome otherwise (buttons, hidden elements),
 * they are the page's questions and answers. A toggle of a menu stays chrome.
 */
function disclosures(body: DomElement): Set<DomElement> {
  const keep = new Set<DomElement>();
  const byId = new Map<string, DomElement>();
  for (const el of Array.from(body.querySelectorAll('[id]'))) byId.set(el.getAttribute('id') ?? '', el);
  for (const button of Array.from(body.querySelectorAll('button, [role=button]'))) {
    const panels = (button.getAttribute('aria-controls') ?? '')
      .split(/\s+/)
      .flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const next = panels.length || !looksLikeQuestion(button) ? null : hiddenNext(button);
    if (next) panels.push(next);
    // The answer to a question can be a word ("Yes, $150."); other toggles' panels must say more.
    const min = asks(button) ? 1 : 20;
    const inHeading = within(button, (a) => HEADING.test(a.nodeName));
    if (panels.length ? !panels.every((p) => isPanel(p, min)) : !inHeading) continue;
    keep.add(button);
    for (const p of panels) keep.add(p);
  }
  return keep;
}

/** A new element in `like`'s document. */
function element(like: DomElement, tag: string, text = ''): DomElement {
  const el = like.ownerDocument.createElement(tag);
  el.textContent = text;
  return el;
}

/** Whether a link is one a menu is made of: not an email or phone link, nor labelled ("Instagram: @shop"). */
function isMenuLink(a: DomElement): boolean {
  if (/^\s*(?:mailto|tel):/i.test(a.getAttribute('href') ?? '')) return false;
  let li = a.parentNode;
  while (li && li.nodeType === 1 && li.nodeName.toUpperCase() !== 'LI') li = li.parentNode;
  return !li || li.nodeType !== 1 || !/\p{L}{2}/u.test(unlinkedText(li));
}

/** Text around a newsletter form that is still its block ("Join the Hive", "10% off your first order"). */
const SIGNUP_TEXT = 200;

/** A form that asks only for an email address: a newsletter signup, not a contact form. */
function isSignupForm(form: DomElement): boolean {
  const inputs = Array.from(form.querySelectorAll('input')).filter((i) => i.getAttribute('type') !== 'hidden');
  const email = (i: DomElement) =>
    i.getAttribute('type') === 'email' ||
    /e-?mail/i.test(
      `${i.getAttribute('name') ?? ''} ${i.getAttribute('id') ?? ''} ${i.getAttribute('placeholder') ?? ''}`,
    );
  return !form.querySelectorAll('textarea, select').length && inputs.length <= 2 && inputs.some(email);
}

/**
 * Newsletter signups with their heading and pitch ("Join the Hive / Be the first to hear about new
 * scents and get 10% off your first order"): the block around an email-only form as far up as it
 * says little else, and a hidden popup holding a form. Left in, the pitch answered "how much is
 * shipping?" with its 10% off.
 */
function signups(body: DomElement): DomElement[] {
  const out: DomElement[] = [];
  for (const form of Array.from(body.querySelectorAll('form'))) {
    if (!isSignupForm(form)) continue;
    let block = form;
    for (let p = form.parentNode; p && p !== body && p.nodeType === 1 && !isContentRoot(p); p = p.parentNode) {
      // Not up into a block that states a fact beside the form (a footer column with the address).
      if (textLength(p) - textLength(form) > SIGNUP_TEXT || statesFact(p)) break;
      block = p;
    }
    out.push(block);
  }
  for (const el of Array.from(body.querySelectorAll('[style]')))
    if (isHidden(el) && el.querySelectorAll('form, input').length) out.push(el);
  return out;
}

/** Removes chrome from a document body in place. */
export function removeChrome(body: DomElement): void {
  const disclosed = disclosures(body);
  /** Containers something was removed from: a heading left alone in one was the title of controls. */
  const emptied = new Set<DomElement>();
  const drop = (el: DomElement) => {
    // (An icon or a copy-link button inside a heading is not what the heading titled.)
    if (!within(el, (a) => HEADING.test(a.nodeName)))
      for (let p = el.parentNode; p && p !== body; p = p.parentNode) emptied.add(p);
    el.remove();
  };
  for (const el of signups(body)) drop(el);
  // A dialog in the page's text is part of it (a product's size guide), its title a section's
  // (Dawn's is an <h1>); one beside the text, or one asking for an email, is a popup.
  for (const el of Array.from(body.querySelectorAll(DIALOG))) {
    if (!within(el, isContentRoot) || el.querySelectorAll('form, input').length) drop(el);
    else
      for (const h1 of Array.from(el.querySelectorAll('h1')))
        h1.replaceWith(element(h1, 'h2', clean(h1.textContent ?? '')));
  }
  for (const el of Array.from(body.querySelectorAll(CHROME))) if (!disclosed.has(el) && el.parentNode) drop(el);
  const pageText = textLength(body);
  const holdsPage = (el: DomElement) => isContentRoot(el) || textLength(el) >= PAGE_SHARE * pageText;
  // A form is a search box or a signup, unless it holds the page (ASP.NET wraps all of it in one).
  for (const el of Array.from(body.querySelectorAll('form'))) if (!holdsPage(el)) drop(el);
  for (const el of Array.from(body.querySelectorAll('[id], [class]'))) {
    // WordPress makes a heading's id from its text: a "Cookie notice" heading is the page's text.
    const startsWithHeading = HEADING.test(el.nodeName) || HEADING.test(el.firstElementChild?.nodeName ?? '');
    const name = `${startsWithHeading ? '' : (el.getAttribute('id') ?? '')} ${el.getAttribute('class') ?? ''}`;
    if (CHROME_NAME.test(name) && !holdsPage(el)) drop(el);
  }
  for (const el of Array.from(body.querySelectorAll(PAGE_HEADER))) if (!within(el, isContentRoot)) drop(el);
  // Lists of links with little else: menus not marked as <nav>, "related products", tag clouds.
  for (const el of Array.from(body.querySelectorAll(LINK_LIST_CANDIDATES))) {
    if (!el.parentNode || el.querySelectorAll('table').length) continue;
    // Sharing buttons ("Share Tweet"), however few: links whose words only name a way to share.
    if (el.querySelectorAll('a').length && SHARE_ONLY.test(clean(el.textContent ?? ''))) {
      drop(el);
      continue;
    }
    const links = Array.from(el.querySelectorAll('a')).filter(isMenuLink);
    if (links.length < 3) continue;
    const total = textLength(el);
    const linked = links.reduce((n, a) => n + textLength(a), 0);
    if (total - linked < 80 && linked >= 0.6 * total) drop(el);
  }
  for (const el of Array.from(body.querySelectorAll(PAGE_FOOTER)))
    if (el.parentNode && !within(el, isContentRoot)) el.replaceWith(...besideFacts(el));
  // What is left of a block of controls is its heading ("Filter"): nothing to keep. (A heading
  // alone in a block nothing was removed from, as a page builder's heading widget, titles the next.)
  for (const el of Array.from(body.querySelectorAll('aside, section, div'))) {
    if (!emptied.has(el)) continue;
    const headings = Array.from(el.querySelectorAll('h1, h2, h3, h4, h5, h6')).reduce((n, h) => n + textLength(h), 0);
    if (headings > 0 && textLength(el) <= headings + 1) el.remove();
  }
}

/**
 * Facts a customer asks about, as a shop writes them in its footer or sidebar: opening hours (a
 * day and a time), a phone number, an email address, a postcode or ZIP code.
 */
const DAY = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon|tues?|wed|thu|thurs?|fri|sat|sun)(?![a-z])/i;
const TIME = /\d(?:[:.]\d\d)?\s*(?:am|pm)(?![a-z])|\b\d{1,2}[:.]\d\d\b|closed/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b[A-Z]{2} \d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b/;
const PHONE = /\+?\(?\d[\d\s().-]{7,}\d/g;
const isPhone = (s: string) => (s.match(PHONE) ?? []).some((m) => /^\d{10,13}$/.test(m.replace(/\D/g, '')));

function statesFact(el: DomElement): boolean {
  const text = el.textContent ?? '';
  return (
    el.nodeName.toUpperCase() === 'ADDRESS' ||
    el.querySelectorAll('a[href^="tel:"], a[href^="mailto:"]').length > 0 ||
    EMAIL.test(text) ||
    POSTCODE.test(text) ||
    isPhone(text) ||
    (DAY.test(text) && TIME.test(text))
  );
}

/** A block's title: a heading, or an element named as one (a widget's `<span class="widget-title">`). */
const TITLE = 'h1, h2, h3, h4, h5, h6, [role=heading], [class*=title], [class*=heading]';
/** A block beside the text longer than this is a whole footer, not a widget: only its facts are kept. */
const MAX_BLOCK = 400;

/** The title right before an element (the nearest sibling with text), if that sibling is one or only wraps one. */
function titleBefore(el: DomElement): DomElement | null {
  let s = el.previousElementSibling;
  while (s && !textLength(s)) s = s.previousElementSibling;
  if (!s || textLength(s) > 80 || statesFact(s)) return null;
  const inner = Array.from(s.querySelectorAll(TITLE)).find((t) => textLength(t) === textLength(s));
  return s.matches(TITLE) ? s : (inner ?? null);
}

/**
 * The blocks of a footer or sidebar that state facts, each as a section titled by its heading
 * (those without one together under "Contact"). A shop's opening hours, address and phone number
 * are often written only there, and customers ask for them; the rest (menus, social icons,
 * newsletter signups, copyright lines) says nothing of the shop. A block is the fact's widget (the
 * container whose title comes right before the fact), or the fact alone.
 */
function besideFacts(region: DomElement): DomElement[] {
  const section = (title: string, content: DomElement[]) => {
    const s = element(region, 'section');
    s.append(element(region, 'h2', title), ...content);
    return s;
  };
  const leaves = [region, ...Array.from(region.querySelectorAll('*'))].filter(
    (el) => statesFact(el) && !elementsOf(el).some(statesFact),
  );
  const taken = new Set<DomElement>();
  const sections: DomElement[] = [];
  let contact: DomElement | null = null;
  for (const leaf of leaves) {
    if (taken.has(leaf) || within(leaf, (a) => taken.has(a))) continue;
    let block = leaf;
    let title: DomElement | null = null;
    for (let el = leaf; el !== region && el.parentNode; el = el.parentNode) {
      const t = titleBefore(el);
      if (!t) continue;
      if (textLength(el.parentNode) <= MAX_BLOCK) [block, title] = [el.parentNode, t];
      break;
    }
    title?.remove();
    // The region itself stays where it is (a footer is replaced by its facts).
    const content = block === region ? Array.from(block.childNodes) : [block];
    for (const c of content) taken.add(c);
    if (title) sections.push(section(clean(title.textContent ?? ''), content));
    else if (contact) contact.append(...content);
    else sections.push((contact = section('Contact', content)));
  }
  return sections;
}

/**
 * The element holding the page's main text (chrome already removed): the page's <main> (or
 * role=main) when it has text; otherwise, from the body down, the deepest element that still
 * holds most of the text — so a sidebar beside the content is left out only when it says little.
 * The facts stated beside it, in the footer or a sidebar (see `besideFacts`), are moved to its end
 * as sections of their own, but for those the text already says.
 */
export function contentRoot(body: DomElement): DomElement {
  const root = findRoot(body);
  const ancestors = new Set<DomElement>();
  for (let p = root; p !== body && p.parentNode; p = p.parentNode) ancestors.add(p.parentNode);
  // Beside the root: every child of its ancestors but the one on the way down to it.
  const beside = Array.from(body.querySelectorAll('*')).filter(
    (el) => el !== root && !ancestors.has(el) && el.parentNode && ancestors.has(el.parentNode),
  );
  for (const region of beside)
    for (const s of besideFacts(region)) {
      const said = clean(root.textContent ?? '');
      for (const block of Array.from(s.childNodes).slice(1))
        if (said.includes(clean(block.textContent ?? ''))) block.remove();
      if (s.childNodes.length > 1) root.append(s);
    }
  return root;
}

function findRoot(body: DomElement): DomElement {
  const mains = Array.from(body.querySelectorAll('main, [role=main]')).filter((m) => textLength(m) >= 40);
  if (mains.length) return mains.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  const total = textLength(body);
  let root = body;
  for (;;) {
    const next = Array.from(root.childNodes).find((c) => c.nodeType === 1 && textLength(c) >= MAIN_SHARE * total);
    // Not into a table: it is read whole, and the facts beside it go after it, not in its rows.
    if (!next || next.nodeName.toUpperCase() === 'TABLE') return root;
    root = next;
  }
}
