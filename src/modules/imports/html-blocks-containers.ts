import type { BodyBlock, Inline } from '../../shared/article-body.js';
import type { WordPressAttachment } from './wordpress-body-types.js';
import { linkRuns, mergeRuns, oneLine, plainText } from './html-blocks-inline.js';

/**
 * What the HTML reader fills while an element is open. Each finished stretch of inline content (a
 * paragraph, a list item's line, a table cell's words) goes to the innermost container, which
 * decides what it becomes; a heading, quote or list becomes a block only where blocks may stand
 * (the body, or a figure in it), and elsewhere hands its words to the container around it. So
 * nothing is ever lost for being in an odd place, and nesting never recurses.
 */
export interface Container {
  readonly parent: Container | undefined;
  /** Whether a heading, quote or list inside becomes a block of its own. */
  readonly holdsBlocks: boolean;
  accept(runs: Inline[]): void;
}

/** An image read from the HTML, waiting for its figure's caption. */
export interface PendingImage {
  url: string;
  alt: string;
  attachmentId: string | null;
  attachment: WordPressAttachment | undefined;
}

/** What a caption element said, credit apart when it was marked up apart. */
export interface WrittenCaption {
  caption: string;
  credit: string;
}

/** Where finished containers put what they made. */
export interface BlockOutput {
  block(block: BodyBlock): boolean;
  emitFigure(image: PendingImage, written: WrittenCaption | undefined): void;
  warn(sentence: string): void;
}

export class BodyContainer implements Container {
  readonly parent = undefined;
  readonly holdsBlocks = true;

  constructor(private readonly paragraph: (runs: Inline[]) => void) {}

  accept(runs: Inline[]): void {
    this.paragraph(runs);
  }
}

export abstract class NestedContainer implements Container {
  constructor(readonly parent: Container) {}

  get holdsBlocks(): boolean {
    return false;
  }

  abstract accept(runs: Inline[]): void;
  abstract close(output: BlockOutput): void;
}

/** Headings hold plain text: marks go silently, a link's address with a warning. */
export class HeadingContainer extends NestedContainer {
  private readonly parts: Inline[][] = [];

  accept(runs: Inline[]): void {
    this.parts.push(runs);
  }

  close(output: BlockOutput): void {
    const text = oneLine(this.parts.map(plainText).join(' '));
    if (!text) return;
    warnIfLinksLost(this.parts, output);
    if (this.parent.holdsBlocks) output.block({ type: 'heading', text });
    else this.parent.accept([{ text }]);
  }
}

/** One level of list: a list inside an item adds its items after that item (the reader flattens it). */
export class ListContainer extends NestedContainer {
  private readonly items: Inline[][] = [];
  private item: Inline[] = [];

  constructor(
    parent: Container,
    private readonly ordered: boolean,
  ) {
    super(parent);
  }

  /** Paragraphs inside one item are lines of it. */
  accept(runs: Inline[]): void {
    if (this.item.length > 0) this.item.push({ text: '\n' });
    for (const run of runs) this.item.push(run);
  }

  endItem(): void {
    if (this.item.length > 0) this.items.push(mergeRuns(this.item));
    this.item = [];
  }

  close(output: BlockOutput): void {
    this.endItem();
    if (this.items.length === 0) return;
    if (this.parent.holdsBlocks) output.block({ type: 'list', ordered: this.ordered, items: this.items });
    else for (const item of this.items) this.parent.accept(item);
  }
}

/**
 * A quote's paragraphs (joined by a blank line) and who said it: a `<cite>` or `<footer>`, or a
 * last line starting with a dash.
 */
export class QuoteContainer extends NestedContainer {
  /** Open `<cite>`/`<footer>` elements: their words are the attribution. */
  citing = 0;
  private readonly paragraphs: string[] = [];
  private readonly attribution: string[] = [];
  private readonly parts: Inline[][] = [];

  accept(runs: Inline[]): void {
    this.parts.push(runs);
    (this.citing > 0 ? this.attribution : this.paragraphs).push(plainText(runs).trim());
  }

  close(output: BlockOutput): void {
    const paragraphs = this.paragraphs.filter(Boolean);
    let attribution = oneLine(this.attribution.join(' ')).replace(DASH_START, '');
    if (attribution) {
      // "The words — <cite>Name</cite>": the dash belonged to the attribution.
      const last = paragraphs.pop()?.replace(/\s*[—–―-]+$/u, '');
      if (last) paragraphs.push(last);
    } else {
      attribution = takeDashedLastLine(paragraphs);
    }
    const text = paragraphs.join('\n\n');
    if (!text) return;
    warnIfLinksLost(this.parts, output);
    if (this.parent.holdsBlocks) output.block({ type: 'quote', text, ...(attribution ? { attribution } : {}) });
    else this.parent.accept([{ text: attribution ? `${text}\n— ${attribution}` : text }]);
  }
}

const DASH_START = /^[—–―-]+\s*/u;

/** A final line "— Name" (or "- Name") of a quote with other words names the speaker. */
function takeDashedLastLine(paragraphs: string[]): string {
  const lines = (paragraphs.at(-1) ?? '').split('\n');
  const lastLine = (lines.pop() ?? '').trim();
  const otherWords = lines.some((line) => line.trim()) || paragraphs.length > 1;
  if (!DASH_START.test(lastLine) || !otherWords) return '';
  paragraphs.pop();
  const rest = lines.join('\n').trim();
  if (rest) paragraphs.push(rest);
  return lastLine.replace(DASH_START, '').trim();
}

/** The body has no tables: each row's cells, joined by " · ", make a paragraph (links and marks kept). */
export class TableContainer extends NestedContainer {
  private row: Inline[][] = [];
  private cell: Inline[] = [];

  accept(runs: Inline[]): void {
    if (this.cell.length > 0) this.cell.push({ text: ' ' });
    for (const run of runs) this.cell.push(run);
  }

  endCell(): void {
    if (this.cell.length > 0) this.row.push(this.cell);
    this.cell = [];
  }

  endRow(): void {
    this.endCell();
    if (this.row.length === 0) return;
    this.parent.accept(mergeRuns(this.row.flatMap((cell, index) => (index === 0 ? cell : [{ text: ' · ' }, ...cell]))));
    this.row = [];
  }

  close(): void {
    this.endRow();
  }
}

/**
 * A `<figure>` (or WordPress's older `div.wp-caption`, `dl.gallery-item`): the images directly in it,
 * its caption, and for an embed the address it shows. Other words in it pass through to its parent.
 */
export class FigureContainer extends NestedContainer {
  readonly images: PendingImage[] = [];
  private written: WrittenCaption | undefined;
  private readonly embedWords: string[] = [];

  constructor(
    parent: Container,
    readonly attachmentId: string | null,
    private readonly embed: { url: string } | undefined,
  ) {
    super(parent);
  }

  override get holdsBlocks(): boolean {
    return this.parent.holdsBlocks;
  }

  accept(runs: Inline[]): void {
    if (this.embed) this.embedWords.push(plainText(runs));
    else this.parent.accept(runs);
  }

  addCaption(caption: WrittenCaption): void {
    this.written = this.written
      ? { caption: `${this.written.caption} ${caption.caption}`, credit: `${this.written.credit} ${caption.credit}` }
      : caption;
  }

  close(output: BlockOutput): void {
    if (this.embed) {
      const address = oneLine(this.embedWords.join(' ')) || this.embed.url;
      if (address) this.parent.accept(/\s/.test(address) ? [{ text: address }] : linkRuns(address));
    }
    const [only] = this.images;
    if (only && this.images.length === 1) output.emitFigure(only, this.written);
    else for (const image of this.images) output.emitFigure(image, undefined);
    // A gallery's or an embed's caption belongs to no one image: it stays as words under them.
    const leftOver = this.images.length === 1 ? '' : oneLine(`${this.written?.caption ?? ''} ${this.written?.credit ?? ''}`);
    if (leftOver) this.parent.accept([{ text: leftOver }]);
  }
}

/** `<figcaption>` and its older forms; a `<cite>`, `<small>` or `.credit` inside it is the credit. */
export class CaptionContainer extends NestedContainer {
  citing = 0;
  private readonly caption: string[] = [];
  private readonly credit: string[] = [];

  constructor(private readonly figure: FigureContainer) {
    super(figure);
  }

  accept(runs: Inline[]): void {
    (this.citing > 0 ? this.credit : this.caption).push(plainText(runs));
  }

  close(): void {
    this.figure.addCaption({ caption: oneLine(this.caption.join(' ')), credit: oneLine(this.credit.join(' ')) });
  }
}

function warnIfLinksLost(parts: Inline[][], output: BlockOutput): void {
  if (parts.some((runs) => runs.some((run) => run.href))) output.warn('dropped a link inside a heading or quote (they hold plain text)');
}
