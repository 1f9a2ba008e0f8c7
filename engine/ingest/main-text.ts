/**
 * The part of a shop's page that says something: everything in its main text, minus real chrome
 * (page header and footer, navigation, scripts, forms, cookie banners, link lists). Unlike
 * Readability, a section is never dropped for its id or class: shops name real sections "extras",
 * "menu", "related" or "sidebar" (a group discount, a price table, a café's menu).
 */

/** Minimal DOM element surface used here (linkedom's elements satisfy it). */
export interface DomElement {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomElement>;
  parentNode: DomElement | null;
  getAttribute(name: string): string | null;
  readonly nextElementSibling?: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

/** Never the page's text, wherever they are. */
const CHROME =
  'script, style, noscript, template, svg, canvas, iframe, object, embed, form, fieldset, label, button, select, ' +
  'input, textarea, dialog, nav, [role=navigation], [role=search], [role=dialog], [role=alertdialog], [aria-hidden=true]:not([role=tabpanel]), [hidden]:not([role=tabpanel])';
/** Chrome named as such: cookie/consent banners, skip links, breadcrumbs (not "cookies" a bakery sells). */
const CHROME_NAME =
  /\b(?:cookie[-_]?(?:banner|bar|consent|notice|popup|law|policy-banner)|consent[-_]?(?:banner|manager|popup)?|gdpr|onetrust|cc[-_]banner|skip[-_]?(?:link|to[-_]?content)|breadcrumbs?)\b/i;
/** The page's own header and footer (an article's header holds its title and stays). */
const PAGE_EDGES = 'header, footer, [role=banner], [role=contentinfo]';
const CONTENT_ROOTS = new Set(['MAIN', 'ARTICLE']);
/** Containers that may be a list of links rather than text (menus outside <nav>, "related" link lists). */
const LINK_LIST_CANDIDATES = 'ul, ol, div, section, aside, p';

/** A child holding at least this share of the page's text is where the text is (see `contentRoot`). */
const MAIN_SHARE = 0.8;

const textLength = (el: DomElement) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function within(el: DomElement, test: (a: DomElement) => boolean): boolean {
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) if (test(p)) return true;
  return false;
}

const isContentRoot = (el: DomElement) =>
  CONTENT_ROOTS.has(el.nodeName.toUpperCase()) || el.getAttribute('role') === 'main';

const isHidden = (el: DomElement) => el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true';

/** Says something of its own: not a menu of links, not navigation or a dialog. */
function isPanel(el: DomElement): boolean {
  if (el.querySelectorAll('nav, [role=navigation], [role=dialog], [role=menu]').length) return false;
  if (/^(?:NAV|DIALOG|FORM)$/i.test(el.nodeName) || /^(?:navigation|dialog|menu)$/.test(el.getAttribute('role') ?? ''))
    return false;
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + textLength(a), 0);
  return textLength(el) - linked >= 20;
}

const QUESTION_NAME = /faq|accordion|collaps|question|answer|disclosure/i;
const looksLikeQuestion = (button: DomElement) =>
  /\?\s*$/.test(button.textContent ?? '') ||
  QUESTION_NAME.test(`${button.getAttribute('id') ?? ''} ${button.getAttribute('class') ?? ''}`);

/**
 * The parts of disclosure widgets (an FAQ's accordion): each toggle button and the panel it opens,
 * hidden until clicked. The panel is the element the button's aria-controls names, or, where the
 * theme has no ARIA, the hidden element right after a button that asks a question or is named
 * as one (an "Add to cart" before a hidden newsletter popup is not); a toggle inside a heading (the
 * ARIA accordion's `<h3><button>`) is that heading's text. Chrome otherwise (buttons, hidden
 * elements), they are the page's questions and answers. A toggle of a menu stays chrome.
 */
function disclosures(body: DomElement): Set<DomElement> {
  const keep = new Set<DomElement>();
  const byId = new Map<string, DomElement>();
  for (const el of Array.from(body.querySelectorAll('[id]'))) byId.set(el.getAttribute('id') ?? '', el);
  for (const button of Array.from(body.querySelectorAll('button, [role=button]'))) {
    const panels = (button.getAttribute('aria-controls') ?? '')
      .split(/\s+/)
      .flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const next = button.nextElementSibling;
    if (!panels.length && next && isHidden(next) && looksLikeQuestion(button)) panels.push(next);
    const inHeading = within(button, (a) => /^H[1-6]$/i.test(a.nodeName));
    if (panels.length ? !panels.every(isPanel) : !inHeading) continue;
    keep.add(button);
    for (const p of panels) keep.add(p);
  }
  return keep;
}

/** Removes chrome from a document body in place. */
export function removeChrome(body: DomElement): void {
  const disclosed = disclosures(body);
  for (const el of Array.from(body.querySelectorAll(CHROME))) if (!disclosed.has(el)) el.remove();
  for (const el of Array.from(body.querySelectorAll('[id], [class]'))) {
    const name = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (CHROME_NAME.test(name)) el.remove();
  }
  for (const el of Array.from(body.querySelectorAll(PAGE_EDGES))) if (!within(el, isContentRoot)) el.remove();
  // Lists of links with little else: menus not marked as <nav>, "related products", tag clouds.
  for (const el of Array.from(body.querySelectorAll(LINK_LIST_CANDIDATES))) {
    if (!el.parentNode || el.querySelectorAll('table').length) continue;
    const links = Array.from(el.querySelectorAll('a'));
    if (links.length < 3) continue;
    const total = textLength(el);
    const linked = links.reduce((n, a) => n + textLength(a), 0);
    if (total - linked < 80 && linked >= 0.6 * total) el.remove();
  }
  // What is left of a block of controls is its heading ("Filter"): nothing to keep.
  for (const el of Array.from(body.querySelectorAll('aside, section, div'))) {
    const headings = Array.from(el.querySelectorAll('h1, h2, h3, h4, h5, h6')).reduce((n, h) => n + textLength(h), 0);
    if (headings > 0 && textLength(el) <= headings + 1) el.remove();
  }
}

/**
 * The element holding the page's main text (chrome already removed): the page's <main> (or
 * role=main) when it has text; otherwise, from the body down, the deepest element that still
 * holds most of the text — so a sidebar beside the content is left out only when it says little.
 */
export function contentRoot(body: DomElement): DomElement {
  const mains = Array.from(body.querySelectorAll('main, [role=main]')).filter((m) => textLength(m) >= 40);
  if (mains.length) return mains.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  const total = textLength(body);
  let root = body;
  for (;;) {
    const next = Array.from(root.childNodes).find((c) => c.nodeType === 1 && textLength(c) >= MAIN_SHARE * total);
    if (!next) return root;
    root = next;
  }
}
