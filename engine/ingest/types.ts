/** The shape every parser produces: a title and a flat list of blocks, headings included. */

export type SourceFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx' | 'csv';

export type Block =
  | { kind: 'heading'; level: number; text: string; /** fragment id for links, when known */ anchor?: string }
  | {
      kind: 'text';
      text: string;
      /** an anchor that points at this block (e.g. a PDF page) */ anchor?: string;
      /** the whole paragraph is set in bold: maybe a heading written as bold text (see faq.ts) */ bold?: boolean;
    }
  | {
      kind: 'qa';
      questions: string[];
      answer: string;
      /** e.g. a CSV's category column */ category?: string;
      url?: string;
    };

export interface ParsedDocument {
  title: string;
  format: SourceFormat;
  blocks: Block[];
  /** Where the document came from, when it came from the web (after redirects). */
  url?: string;
}

/** A file (or fetched body) to parse. */
export interface SourceInput {
  filename: string;
  bytes: Uint8Array;
  contentType?: string;
}

export interface Progress {
  done: number;
  total: number;
  label: string;
}

export type ProgressCallback = (p: Progress) => void;
