import { Parser } from 'htmlparser2';
import type { BodyBlock, Inline } from '../../shared/article-body.js';
import type { AttachmentLookup, BodyImage } from './wordpress-body-types.js';
import {
  BodyContainer,
  CaptionContainer,
  FigureContainer,
  HeadingContainer,
  ListContainer,
  NestedContainer,
  QuoteContainer,
  TableContainer,
  type BlockOutput,
  type Container,
  type PendingImage,
  type WrittenCaption,
} from './html-blocks-containers.js';
import {
  InlineBuffer,
  cleanText,
  element,
  isBlank,
  linkRuns,
  oneLine,
  safeHref,
  safeImageUrl,
  splitOffBareUrls,
  type Format,
  type Warnings,
} from './html-blocks-inline.js';
import {
  BLOCK_BOUNDARIES,
  DROPPED,
  LINKED_MEDIA,
  OpenBlocks,
  attachmentIdOf,
  classesOf,
  digits,
  imageSource,
  isAttributionElement,
  isCaptionLike,
  isCreditElement,
  isEmbedFigure,
  isFigureLike,
  mediaAddress,
  readDelimiter,
  type Attributes,
} from './html-blocks-elements.js';
import { captionAndCredit } from './wordpress-body-credits.js';
import { BODY_LIMITS, STOPPED_AT_BLOCK_LIMIT } from './wordpress-body-limits.js';

/**
 * WordPress post HTML → body blocks, read as a stream of tags (htmlparser2) so that no markup is ever
 * kept and no nesting depth costs recursion. Figures name their image `image:<n>`, an index into
 * `images`. Text outside any block-editor block follows classic WordPress's rules (wpautop): a blank
 * line ends a paragraph, a newline is a line break, a URL alone on its line is an embed.
 */
export interface HtmlBlocks {
  blocks: BodyBlock[];
  images: BodyImage[];
}

export function htmlToBlocks(html: string, attachment: AttachmentLookup | undefined, warnings: Warnings): HtmlBlocks {
  const reader = new BlockReader(attachment, warnings);
  const parser = new Parser(
    {
      onopentag: (name, attributes) => reader.open(name, attributes),
      onclosetag: () => reader.close(),
      ontext: (text) => reader.text(text),
      oncomment: (comment) => reader.comment(comment),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return reader.finish();
}

type Closer = () => void;

const BLANK_LINE = /\n[ \t]*\n[ \t\n]*/;
/** A blank line is never split between pieces: htmlparser2 splits text only at `&` and `<`. */
const TEXT_PIECES_PER_READ = 1024;

class BlockReader implements BlockOutput {
  private readonly blocks: BodyBlock[] = [];
  private readonly images: BodyImage[] = [];
  private readonly buffer = new InlineBuffer();
  private readonly containers: Container[] = [new BodyContainer((runs) => this.paragraph(runs))];
  /** What to do when each open element closes: htmlparser2 closes every element it opens, in order. */
  private readonly closers: (Closer | undefined)[] = [];
  private readonly hrefs: (string | undefined)[] = [];
  private readonly openBlocks = new OpenBlocks();
  private em = 0;
  private strong = 0;
  private preformatted = 0;
  private code = 0;
  /** Open elements whose content is dropped (`<script>` …), and the address a dropped player had. */
  private dropping = 0;
  private droppedMedia: { src: string | undefined } | undefined;
  /** Set at the block limit: the rest of the post is not read. */
  private full = false;
  /**
   * Text not yet read: htmlparser2 reports text in pieces (around entities, at each stray `<`), and
   * five million one-character pieces must not cost five million passes; read in batches, the
   * pieces are garbage young rather than kept to the end.
   */
  private readonly pendingText: string[] = [];
  private readonly closeEm = () => this.em--;
  private readonly closeStrong = () => this.strong--;
  private readonly closeCode = () => this.code--;
  private readonly closePre = () => this.preformatted--;
  private readonly closeLink = () => this.hrefs.pop();

  constructor(
    private readonly attachment: AttachmentLookup | undefined,
    private readonly warnings: Warnings,
  ) {}

  open(name: string, attributes: Attributes): void {
    this.readPendingText();
    if (this.full) return;
    if (this.dropping > 0) {
      if (name === 'source' && this.droppedMedia && !this.droppedMedia.src) this.droppedMedia.src = mediaAddress(attributes.src);
      this.closers.push(undefined);
      return;
    }
    this.closers.push(this.openElement(name, attributes));
  }

  close(): void {
    this.readPendingText();
    if (!this.full) this.closers.pop()?.();
  }

  text(raw: string): void {
    if (this.full || this.dropping > 0) return;
    this.pendingText.push(raw);
    if (this.pendingText.length >= TEXT_PIECES_PER_READ) this.readPendingText();
  }

  private readPendingText(): void {
    if (this.pendingText.length === 0 || this.full) return;
    const text = cleanText(this.pendingText.join(''), this.warnings);
    this.pendingText.length = 0;
    const format = this.format();
    if (this.preformatted > 0) this.buffer.appendPreformatted(text, format);
    else if (this.code > 0) this.appendLines(text, format, false);
    else if (this.isClassicHere()) this.appendLines(text, format, true);
    else this.buffer.appendCollapsed(text, format);
  }

  /** Block-editor delimiters (`<!-- wp:image {"id":12} -->`); any other comment is not content. */
  comment(data: string): void {
    this.readPendingText();
    if (this.full) return;
    const delimiter = readDelimiter(data);
    if (!delimiter) return;
    // A block's start or end ends the paragraph being read, under the rules of the text it was in.
    this.flush();
    const warning = this.openBlocks.apply(delimiter);
    if (warning) this.warn(warning);
  }

  finish(): HtmlBlocks {
    this.readPendingText();
    this.flush();
    return { blocks: this.blocks, images: this.images };
  }

  block(block: BodyBlock): boolean {
    if (this.blocks.length >= BODY_LIMITS.blocks) {
      this.full = true;
      this.warnings.once(STOPPED_AT_BLOCK_LIMIT);
      return false;
    }
    this.blocks.push(block);
    return true;
  }

  emitFigure(image: PendingImage, written: WrittenCaption | undefined): void {
    const { caption, credit } = captionAndCredit(written, image.attachment);
    if (!this.block({ type: 'figure', mediaId: `image:${this.images.length}` })) return;
    const field = (text: string) => oneLine(cleanText(text, this.warnings)).normalize('NFC');
    this.images.push({ url: image.url, alt: field(image.alt), caption: field(caption), credit: field(credit), attachmentId: image.attachmentId });
  }

  warn(sentence: string): void {
    this.warnings.add(sentence);
  }

  private openElement(name: string, attributes: Attributes): Closer | undefined {
    if (DROPPED.has(name)) return this.drop(name, attributes);
    switch (name) {
      case 'em':
      case 'i':
        this.em++;
        return this.closeEm;
      case 'strong':
      case 'b':
        this.strong++;
        return this.closeStrong;
      case 'a':
        return this.link(attributes.href);
      case 'br':
        this.buffer.lineBreak(this.format());
        return undefined;
      case 'code':
        this.code++;
        return this.closeCode;
    }
    const classes = classesOf(attributes);
    if (name === 'img') {
      this.image(attributes, classes);
      return undefined;
    }
    const aside = this.openCreditOrAttribution(name, classes);
    if (aside) return aside;
    if (!BLOCK_BOUNDARIES.has(name)) return undefined; // span, u, sup, abbr…: their words only
    this.flush();
    const closeBlock = this.openBlock(name, classes, attributes);
    return () => {
      this.flush();
      closeBlock?.();
    };
  }

  private openBlock(name: string, classes: ReadonlySet<string>, attributes: Attributes): Closer | undefined {
    const top = this.top();
    if (isFigureLike(name, classes)) {
      const embed = isEmbedFigure(classes) ? { url: this.openBlocks.attribute('embed', 'url') ?? '' } : undefined;
      return this.push(new FigureContainer(top, digits(attributes['data-wp-attachment']), embed));
    }
    if (isCaptionLike(name, classes) && top instanceof FigureContainer) return this.push(new CaptionContainer(top));
    if (/^h[1-6]$/.test(name)) return top instanceof HeadingContainer ? undefined : this.push(new HeadingContainer(top));
    switch (name) {
      case 'ul':
      case 'ol':
        return this.openList(top, name === 'ol');
      case 'li':
        return top instanceof ListContainer ? this.around(() => top.endItem()) : undefined;
      case 'blockquote':
        return top instanceof QuoteContainer ? undefined : this.push(new QuoteContainer(top));
      case 'table':
        if (top instanceof TableContainer) return undefined; // a table in a cell: its rows join the outer table's
        this.warn('dropped a <table> (its text kept as paragraphs)');
        return this.push(new TableContainer(top));
      case 'tr':
      case 'caption':
        return top instanceof TableContainer ? this.around(() => top.endRow()) : undefined;
      case 'td':
      case 'th':
        return top instanceof TableContainer ? this.around(() => top.endCell()) : undefined;
      case 'pre':
        this.preformatted++;
        return this.closePre;
      case 'hr':
        this.warn('dropped a <hr> (the body has no divider)');
        return undefined;
    }
    return undefined;
  }

  /** The body has one level of list: a list in a list item adds its items after that item. */
  private openList(top: Container, ordered: boolean): Closer {
    if (!(top instanceof ListContainer)) return this.push(new ListContainer(top, ordered));
    this.warn('flattened a nested list into the list around it');
    return this.around(() => top.endItem());
  }

  /** Inside a caption, `<cite>`, `<small>` and `.credit` hold the credit; inside a quote, `<cite>` and `<footer>` the speaker. */
  private openCreditOrAttribution(name: string, classes: ReadonlySet<string>): Closer | undefined {
    const top = this.top();
    const credit = top instanceof CaptionContainer && isCreditElement(name, classes);
    const target = credit ? top : top instanceof QuoteContainer && isAttributionElement(name) ? top : undefined;
    if (!target) return undefined;
    this.flush();
    target.citing++;
    return () => {
      this.flush();
      target.citing--;
    };
  }

  private link(href: string | undefined): Closer {
    const safe = safeHref(href);
    if (!safe && href?.trim()) this.warn('dropped a link that was not http(s), mailto or site-relative (its text kept)');
    this.hrefs.push(safe);
    return this.closeLink;
  }

  private image(attributes: Attributes, classes: ReadonlySet<string>): void {
    // WordPress draws emoji as images of themselves; their alt text is the character.
    if (classes.has('wp-smiley') || classes.has('emoji'))
      return this.buffer.appendCollapsed(cleanText(attributes.alt ?? '', this.warnings), this.format());
    if (attributes.width === '1' && attributes.height === '1') return; // a tracking pixel
    const figure = this.innermostFigure();
    const attachmentId = attachmentIdOf(attributes, classes) ?? figure?.attachmentId ?? digits(this.openBlocks.attribute('image', 'id'));
    const attachment = attachmentId ? this.attachment?.(attachmentId) : undefined;
    // The attachment's own address is the original upload; an img's is often a resized copy.
    const rawSource = imageSource(attributes);
    const url = safeImageUrl(attachment?.url) ?? safeImageUrl(rawSource);
    if (!url) return this.warnUnusableImage(rawSource, attachmentId);
    const image: PendingImage = { url, alt: attributes.alt || attachment?.alt || '', attachmentId, attachment };
    if (figure) {
      figure.images.push(image);
      return;
    }
    this.flush();
    this.emitFigure(image, undefined);
  }

  private warnUnusableImage(rawSource: string | undefined, attachmentId: string | null): void {
    if (rawSource?.trim()) this.warn('dropped an image whose address is not http(s) or site-relative');
    else if (attachmentId) this.warn(`dropped an image: attachment ${attachmentId} is not in the export`);
    else this.warn('dropped an image with no address');
  }

  private drop(name: string, attributes: Attributes): Closer {
    this.flush();
    this.dropping++;
    const media = LINKED_MEDIA.has(name) ? { src: mediaAddress(attributes.src) } : undefined;
    this.droppedMedia = media;
    return () => {
      this.dropping--;
      this.droppedMedia = undefined;
      if (!media?.src) return this.warn(`dropped ${element(name)} element`);
      this.warn(`replaced ${element(name)} with a link to its address`);
      this.top().accept(linkRuns(media.src));
    };
  }

  /** Classic WordPress (wpautop): a blank line ends a paragraph, a single newline is a line break. */
  private appendLines(text: string, format: Format, blankLineEndsParagraph: boolean): void {
    if (!text.includes('\n')) return this.buffer.appendCollapsed(text, format);
    const chunks = text.split(BLANK_LINE);
    for (let index = 0; index < chunks.length && !this.full; index++) {
      if (index > 0 && blankLineEndsParagraph) this.flush();
      else if (index > 0) this.twoLineBreaks(format);
      const lines = (chunks[index] ?? '').split('\n');
      for (let line = 0; line < lines.length; line++) {
        if (line > 0) this.buffer.softLineBreak(format);
        this.buffer.appendCollapsed(lines[line] ?? '', format);
      }
    }
  }

  private twoLineBreaks(format: Format): void {
    this.buffer.lineBreak(format);
    this.buffer.lineBreak(format);
  }

  private paragraph(runs: Inline[]): void {
    for (const content of this.isClassicHere() ? splitOffBareUrls(runs) : [runs]) this.block({ type: 'paragraph', content });
  }

  /** Ends the inline content being read and gives it to the innermost container. */
  private flush(): void {
    if (this.buffer.isEmpty) return;
    const runs = this.buffer.take();
    if (runs.length > 0 && !isBlank(runs)) this.top().accept(runs);
  }

  private push(container: NestedContainer): Closer {
    this.containers.push(container);
    return () => {
      // Always on top when its element closes; searched for all the same, so that a parser that ever
      // closed out of order could not take the body itself off the stack.
      const index = this.containers.lastIndexOf(container);
      if (index > 0) this.containers.length = index;
      container.close(this);
    };
  }

  /** Runs `action` now and when the element closes (a list item or table cell ends where it starts and stops). */
  private around(action: () => void): Closer {
    action();
    return action;
  }

  private top(): Container {
    return this.containers.at(-1)!;
  }

  private innermostFigure(): FigureContainer | undefined {
    const top = this.top();
    if (top instanceof FigureContainer) return top;
    return top instanceof CaptionContainer && top.parent instanceof FigureContainer ? top.parent : undefined;
  }

  private isClassicHere(): boolean {
    return this.openBlocks.isEmpty;
  }

  private format(): Format {
    return { em: this.em > 0, strong: this.strong > 0, href: this.hrefs.at(-1) };
  }
}
