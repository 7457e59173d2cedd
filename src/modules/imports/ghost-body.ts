import type { BodyBlock, Inline } from '../../shared/article-body.js';
import { cleanText, mergeRuns, oneLine, safeHref, safeImageUrl, trimRuns, Warnings, isBlank } from './html-blocks-inline.js';
import { htmlToText } from './import-text.js';
import { splitCredit } from './wordpress-body-credits.js';
import { BODY_LIMITS, fitToLimits } from './wordpress-body-limits.js';
import { convertWordPressBody, IMAGE_ID, schemaChecked, withUsedImages, type BodyImage, type ConvertedBody } from './wordpress-body.js';

/**
 * What the Ghost converters (ghost-lexical.ts, ghost-mobiledoc.ts and their cards, ghost-cards.ts)
 * write into: blocks in body order and the pictures they show, as ConvertedBody has them (figures
 * name `image:<n>`). HTML (an HTML card, a caption, a post without Lexical or Mobiledoc) goes through
 * the WordPress converter, which reads plain HTML too; at the end the blocks are fitted to the body's
 * limits by the same rules, and ArticleBodySchema has the last word.
 */
export class BodyBuilder {
  readonly warnings = new Warnings();
  private readonly blocks: BodyBlock[] = [];
  private readonly images: BodyImage[] = [];

  /** @param siteUrl the old site's address, '' when unknown: media files are linked on it */
  constructor(readonly siteUrl: string) {}

  /** Past the block limit nothing more is kept (fitToLimits says so). */
  get full(): boolean {
    return this.blocks.length > BODY_LIMITS.blocks;
  }

  warn(sentence: string): void {
    this.warnings.add(sentence);
  }

  paragraph(runs: Inline[]): void {
    const content = trimRuns(mergeRuns(this.clean(runs)));
    if (content.length > 0 && !isBlank(content)) this.push({ type: 'paragraph', content });
  }

  heading(text: string): void {
    const words = oneLine(cleanText(text, this.warnings));
    if (words) this.push({ type: 'heading', text: words });
  }

  quote(text: string): void {
    const lines = cleanText(text, this.warnings)
      .split('\n')
      .map((line) => line.trim());
    const last = lines.at(-1) ?? '';
    // "— Name" on the last line of a quote with other words names the speaker, as in WordPress posts.
    const attributed = lines.length > 1 && /^[—–―-]+\s*\S/u.test(last);
    const words = (attributed ? lines.slice(0, -1) : lines).join('\n').trim();
    const attribution = attributed ? last.replace(/^[—–―-]+\s*/u, '') : '';
    if (words) this.push({ type: 'quote', text: words, ...(attribution ? { attribution } : {}) });
  }

  list(ordered: boolean, items: Inline[][]): void {
    const kept = items.map((item) => trimRuns(mergeRuns(this.clean(item)))).filter((item) => item.length > 0 && !isBlank(item));
    if (kept.length > 0) this.push({ type: 'list', ordered, items: kept });
  }

  /** A picture: its address as exported, alt text, and a caption in HTML that may end with a credit. */
  figure(src: unknown, alt: unknown, captionHtml: unknown): void {
    const url = safeImageUrl(ghostMediaPath(text(src)));
    if (!url) {
      this.warn(text(src).trim() ? 'dropped an image whose address is not http(s) or site-relative' : 'dropped an image with no address');
      return;
    }
    const field = (value: string) => oneLine(cleanText(value, this.warnings)).normalize('NFC');
    const { caption, credit } = splitCredit(htmlToText(text(captionHtml)));
    if (this.push({ type: 'figure', mediaId: `image:${this.images.length}` }))
      this.images.push({ url, alt: field(text(alt)), caption: field(caption), credit: field(credit), attachmentId: null });
  }

  /** A link on a line of its own (an embed, a bookmark, a button); its words when the address is not one a body may hold. */
  link(url: string, words: string): void {
    const href = safeHref(ghostLinkPath(url));
    const shown = oneLine(cleanText(words, this.warnings)) || url;
    if (!shown) return;
    this.paragraph([{ text: shown, ...(href ? { href } : {}) }]);
  }

  /** HTML, read as a browser would (not as classic WordPress text), its blocks and pictures added in order. */
  html(html: string): void {
    if (!html.trim() || this.full) return;
    // Inside a block-editor delimiter the WordPress reader lays text out as a browser does: a newline is a space.
    const converted = convertWordPressBody(`<!-- wp:html -->${html.replaceAll('__GHOST_URL__', '')}\n<!-- /wp:html -->`);
    const offset = this.images.length;
    for (const block of converted.body) {
      const index = block.type === 'figure' ? IMAGE_ID.exec(block.mediaId)?.[1] : undefined;
      this.push(index === undefined ? block : { type: 'figure', mediaId: `image:${Number(index) + offset}` });
    }
    for (const image of converted.images) this.images.push({ ...image, url: ghostMediaPath(image.url) });
    for (const sentence of converted.warnings) this.warn(sentence);
  }

  finish(): ConvertedBody {
    const body = schemaChecked(fitToLimits(this.blocks, this.warnings), this.warnings);
    return { ...withUsedImages(body, this.images), warnings: this.warnings.list() };
  }

  /** Runs without control characters, empty ones left out. */
  private clean(runs: Inline[]): Inline[] {
    return runs.map((run) => ({ ...run, text: cleanText(run.text, this.warnings) })).filter((run) => run.text);
  }

  private push(block: BodyBlock): boolean {
    if (this.full) return false;
    this.blocks.push(block);
    return true;
  }
}

/** Ghost's resized copies stand for the original picture. */
const SIZED_COPY = /\/content\/images\/(?:size\/[wh]\d+(?:h\d+)?\/)?(?:format\/[a-z0-9]+\/)?/;

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `__GHOST_URL__/slug/` is the old site's own page: its path, which the import's redirects answer. */
export function ghostLinkPath(url: string): string {
  const trimmed = url.trim();
  return trimmed === '__GHOST_URL__' ? '/' : trimmed.replace(/^__GHOST_URL__(?=[/?#])/, '');
}

/** A picture's address: the old site's path (`/content/images/…`, resolved by the importer), resized copies as their original. */
export function ghostMediaPath(url: string): string {
  return ghostLinkPath(url).replace(SIZED_COPY, '/content/images/');
}
