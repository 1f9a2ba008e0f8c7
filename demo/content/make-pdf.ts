/**
 * Generates demo/content/policies.pdf ("Store Policies", 2 pages) for the Riff & Rhythm demo shop.
 * Run from the project root:  npx tsx demo/content/make-pdf.ts
 * Uses only the standard Helvetica fonts, so all text must be WinAnsi (no emoji, no curly quotes).
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from "pdf-lib";

type Block =
  | { kind: "h1"; text: string }
  | { kind: "h2"; text: string }
  | { kind: "h3"; text: string }
  | { kind: "p"; text: string }
  | { kind: "li"; text: string }
  | { kind: "pagebreak" };

const h1 = (text: string): Block => ({ kind: "h1", text });
const h2 = (text: string): Block => ({ kind: "h2", text });
const h3 = (text: string): Block => ({ kind: "h3", text });
const p = (text: string): Block => ({ kind: "p", text });
const li = (text: string): Block => ({ kind: "li", text });
const pagebreak: Block = { kind: "pagebreak" };

const CONTENT: Block[] = [
  h1("Store Policies"),
  p(
    "Riff & Rhythm, 1820 SE Hawthorne Blvd, Portland, OR 97214. Phone +1 (503) 555-0142, email help@riffandrhythm.example. " +
      "These policies apply to purchases in our store and on our website. Effective January 1, 2026.",
  ),
  h2("1. Price Match Policy"),
  p(
    "We want you to buy from your local music store without paying more. If you find a lower price on an identical new item, " +
      "we will match it, before or after you buy.",
  ),
  h3("What we match"),
  li("The current advertised price of the same brand, model, color, finish and condition (new only)."),
  li("The item must be in stock and sold by an authorized US dealer, in a store or on the dealer's own website."),
  li("The competitor's price includes their shipping cost. If they charge shipping and we do not, we compare the totals."),
  li("Show us the listing (a link or a printed ad) at the counter, on the phone or by email before you buy."),
  h3("After you buy"),
  p(
    "If the price drops at Riff & Rhythm or at an authorized dealer within 14 days after your purchase, contact us with your " +
      "order number and the listing, and we refund the difference to your original payment method.",
  ),
  h3("What we do not match"),
  li("Marketplace sellers, auction sites, classified ads and sellers who are not authorized dealers for the brand."),
  li("Open-box, used, refurbished, clearance and closeout items, and limited-quantity doorbuster deals."),
  li("Bundle prices, free gifts, coupons, rebates, loyalty rewards and financing offers."),
  li("Rentals, lessons, repairs, custom builds and special orders placed for a school or other organization."),
  p("Price matching is limited to 2 units of an item per customer, and we may decline a match we cannot verify."),
  h2("2. Trade-In Policy"),
  p(
    "Trade in the gear you no longer play and put its value toward something new. We take guitars, basses, amplifiers, " +
      "effects pedals, drum kits, snares, cymbals, keyboards and band and orchestra instruments in good working order.",
  ),
  h3("How it works"),
  li("Bring the items to the counter, Tuesday to Saturday, 10:00 am to 5:00 pm. Up to 3 items need no appointment; for more, call ahead."),
  li("Our guitar tech or drum specialist inspects each item with you, usually in 15 to 30 minutes."),
  li("We make a written offer, valid for 7 days. Offers are only made in person, never by chat, phone or email."),
  li("You must be 18 or older and show a government photo ID. We record the serial number of every instrument."),
  h3("Trade-in values"),
  p(
    "We offer up to 60% of our expected resale price as store credit, or up to 45% as cash or check. Store credit never " +
      "expires and can be used on anything in the store, including lessons and repairs.",
  ),
  h3("What we cannot accept"),
  li("Strings, reeds, mouthpieces, in-ear monitors, drum heads and sticks."),
  li("Items that are broken, cracked, missing major parts, or that have been recalled."),
  li("Instruments without a serial number where the maker uses one, or items we believe may be stolen."),
  pagebreak,
  h2("3. Gift Cards"),
  p(
    "Riff & Rhythm gift cards are the easiest present for a musician. They can be used for gear, lessons, repairs, rentals " +
      "and custom builds, online and in the store.",
  ),
  li("Physical gift cards: any amount from $10 to $500, sold at the counter or online and mailed free by USPS."),
  li("E-gift cards: from $25 to $500, emailed within minutes to the recipient or to you, with your message."),
  li("Gift cards never expire and have no activation, inactivity or service fees."),
  li("Check the balance on the Gift Cards page of our website, at the counter, or by phone."),
  li("Gift cards cannot be returned, resold, or exchanged for cash, except where the law requires it."),
  li(
    "Lost or stolen cards can be replaced for the remaining balance if you have the purchase receipt or the card was " +
      "registered in your Riff Club account. We are not responsible for cards used before they are reported lost.",
  ),
  p(
    "If you return an item bought with a gift card, the refund goes back onto a gift card. Gift cards cannot be used to " +
      "buy other gift cards or to pay a Riff Club membership.",
  ),
  h2("4. Privacy Policy"),
  p(
    "We are a small, independent shop and we treat your information the way we would want ours treated. We never sell " +
      "or rent your personal information to anyone.",
  ),
  h3("What we collect"),
  li("Contact and order details you give us: name, email, phone, shipping and billing address, and what you buy."),
  li("Payment details are handled by our payment processors. We never store full card numbers."),
  li("Lesson and rental details, such as a student's name, age and instrument, given by a parent or guardian."),
  li(
    "Messages you send us by email or through the chat on our website, including the chat transcript when a conversation " +
      "is passed to a member of our team.",
  ),
  li("Basic website analytics (pages visited, device type), collected with cookies you can turn off in Cookie settings."),
  h3("How we use it"),
  p(
    "We use your information to process orders, returns, repairs, rentals and lessons, to answer your questions, and, " +
      "only if you opt in, to send the Riff Club newsletter. Every newsletter has an unsubscribe link. We share data only " +
      "with the carriers, payment processors and service providers that need it to do these jobs.",
  ),
  h3("How long we keep it"),
  p(
    "Order and tax records are kept for 7 years. Chat transcripts are kept for 12 months, then deleted. Lesson and rental " +
      "records are deleted 2 years after your last lesson or rental ends.",
  ),
  h3("Your choices"),
  p(
    "You can ask for a copy of your data, ask us to correct it, or ask us to delete it by emailing " +
      "privacy@riffandrhythm.example. We reply within 30 days. Questions about these policies can be sent to " +
      "help@riffandrhythm.example or asked in the store.",
  ),
];

const PAGE_W = 612; // US Letter
const PAGE_H = 792;
const MARGIN_X = 64;
const MARGIN_TOP = 60;
const MARGIN_BOTTOM = 56;
const TEXT_W = PAGE_W - 2 * MARGIN_X;
const INK = rgb(0.16, 0.13, 0.11);
const ACCENT = rgb(0.62, 0.27, 0.12);
const MUTED = rgb(0.45, 0.4, 0.36);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function main(): Promise<void> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  const fixedDate = new Date("2026-01-01T00:00:00Z");
  doc.setTitle("Store Policies - Riff & Rhythm");
  doc.setAuthor("Riff & Rhythm");
  doc.setSubject("Price match, trade-in, gift card and privacy policies");
  doc.setKeywords(["price match", "trade-in", "gift cards", "privacy"]);
  doc.setProducer("pdf-lib");
  doc.setCreator("demo/content/make-pdf.ts");
  doc.setCreationDate(fixedDate);
  doc.setModificationDate(fixedDate);

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;

  const newPage = (): void => {
    page = doc.addPage([PAGE_W, PAGE_H]);
    pages.push(page);
    y = PAGE_H - MARGIN_TOP;
    // Running header
    page.drawText("RIFF & RHYTHM", { x: MARGIN_X, y: PAGE_H - 40, size: 8.5, font: bold, color: ACCENT });
    const right = "Store Policies";
    page.drawText(right, {
      x: PAGE_W - MARGIN_X - regular.widthOfTextAtSize(right, 8.5),
      y: PAGE_H - 40,
      size: 8.5,
      font: regular,
      color: MUTED,
    });
    page.drawLine({
      start: { x: MARGIN_X, y: PAGE_H - 46 },
      end: { x: PAGE_W - MARGIN_X, y: PAGE_H - 46 },
      thickness: 0.5,
      color: MUTED,
    });
  };

  const ensure = (needed: number): void => {
    if (y - needed < MARGIN_BOTTOM) newPage();
  };

  const drawLines = (lines: string[], x: number, font: PDFFont, size: number, leading: number, color = INK): void => {
    for (const line of lines) {
      ensure(leading);
      y -= leading;
      page.drawText(line, { x, y, size, font, color });
    }
  };

  newPage();
  for (const block of CONTENT) {
    switch (block.kind) {
      case "pagebreak":
        if (process.env.DEBUG_PDF) console.log("pagebreak at y", y, "pages", pages.length);
        newPage();
        break;
      case "h1": {
        ensure(40);
        y -= 26;
        page.drawText(block.text, { x: MARGIN_X, y, size: 24, font: bold, color: INK });
        y -= 10;
        page.drawRectangle({ x: MARGIN_X, y, width: 48, height: 3, color: ACCENT });
        y -= 6;
        break;
      }
      case "h2": {
        ensure(50); // keep a heading together with the start of its section
        y -= 14;
        drawLines(wrap(block.text, bold, 15, TEXT_W), MARGIN_X, bold, 15, 18, ACCENT);
        y -= 2;
        break;
      }
      case "h3": {
        ensure(36);
        y -= 6;
        drawLines(wrap(block.text, bold, 11, TEXT_W), MARGIN_X, bold, 11, 14);
        break;
      }
      case "p": {
        y -= 3;
        drawLines(wrap(block.text, regular, 10, TEXT_W), MARGIN_X, regular, 10, 13);
        break;
      }
      case "li": {
        const indent = 14;
        const lines = wrap(block.text, regular, 10, TEXT_W - indent);
        ensure(13);
        page.drawCircle({ x: MARGIN_X + 4, y: y - 13 + 3.3, size: 1.6, color: ACCENT });
        drawLines(lines, MARGIN_X + indent, regular, 10, 13);
        y -= 1.5;
        break;
      }
    }
  }

  pages.forEach((pg, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    pg.drawText(label, {
      x: PAGE_W - MARGIN_X - regular.widthOfTextAtSize(label, 8.5),
      y: 36,
      size: 8.5,
      font: regular,
      color: MUTED,
    });
    pg.drawText("1820 SE Hawthorne Blvd, Portland, OR 97214  |  +1 (503) 555-0142  |  help@riffandrhythm.example", {
      x: MARGIN_X,
      y: 36,
      size: 8.5,
      font: regular,
      color: MUTED,
    });
  });

  if (process.env.DEBUG_PDF) console.log("end at y", y, "pages", pages.length);
  if (pages.length !== 2) {
    throw new Error(`Expected 2 pages, got ${pages.length}; shorten the content.`);
  }

  const bytes = await doc.save({ useObjectStreams: false });
  const out = join(dirname(fileURLToPath(import.meta.url)), "policies.pdf");
  writeFileSync(out, bytes);
  console.log(`Wrote ${out} (${pages.length} pages, ${bytes.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
