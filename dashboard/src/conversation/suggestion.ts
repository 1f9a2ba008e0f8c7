/**
 * The copilot's draft as a message to the customer. The engine drafts from the shop's pages and
 * keeps their Markdown list markers: a passage's list items come back as lines that start with
 * "- ", or run together in one line ("…the consultation. - Bodies: alder…"), and sentences it
 * skipped are marked "… ". A customer would read those as stray dashes and dots.
 */

/** A list marker ("- ", "* ", "+ ", "• ") at the start of a line. */
const LINE_MARKER = /^[ \t]*[-*+•][ \t]+(?=\S)/gm;
/** A list item run into the previous one after its sentence ended ("guitar. - Keep it…"). */
const RUN_IN_MARKER = /([.!?:;…])[ \t]+[-*+•][ \t]+(?=\S)/g;
/** The engine's mark of skipped sentences between two it kept ("…shipping. … Some woods…"). */
const GAP = /([.!?])[ \t]+…[ \t]+(?=\S)/g;

/** The draft's text without list markers or skip marks, as it goes into the reply box. */
export function asReply(draft: string): string {
  return draft.replace(LINE_MARKER, '').replace(GAP, '$1 ').replace(RUN_IN_MARKER, '$1 ').trim();
}
