import { safeHref } from './html-blocks-inline.js';

/**
 * What the HTML reader knows about elements and WordPress's markup: which elements are dropped,
 * which end a paragraph, which are WordPress's figures and captions in their several generations,
 * and the block editor's delimiter comments.
 */

export type Attributes = Record<string, string>;

const setOf = (names: string) => new Set(names.split(' '));

/** Dropped with everything inside them: code, styling, forms, players, a document's head. */
export const DROPPED = setOf(
  'script style iframe object embed applet form input button select textarea svg math video audio canvas noscript template head title meta link base frameset frame noframes map dialog',
);
/** Of those, the ones whose address a reader can still follow: they leave a link. */
export const LINKED_MEDIA = setOf('iframe video audio');
/** Elements that end the paragraph being read, at their start and at their end. */
export const BLOCK_BOUNDARIES = setOf(
  'address article aside blockquote body caption center dd details dl dt div fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul',
);

const NO_CLASSES: ReadonlySet<string> = new Set();

export function classesOf(attributes: Attributes): ReadonlySet<string> {
  return attributes.class ? new Set(attributes.class.split(/\s+/)) : NO_CLASSES;
}

/** `<figure>`, and the classic editor's `div.wp-caption` and `dl.gallery-item` (or `dl.wp-caption`). */
export function isFigureLike(name: string, classes: ReadonlySet<string>): boolean {
  return name === 'figure' || ((name === 'div' || name === 'dl') && (classes.has('wp-caption') || classes.has('gallery-item')));
}

export function isCaptionLike(name: string, classes: ReadonlySet<string>): boolean {
  return name === 'figcaption' || classes.has('wp-caption-text') || classes.has('wp-caption-dd') || classes.has('gallery-caption');
}

/** `wp-block-embed`, and the provider classes older embeds carry alone (`wp-block-embed-youtube`). */
export function isEmbedFigure(classes: ReadonlySet<string>): boolean {
  return [...classes].some((name) => name === 'wp-block-embed' || name.startsWith('wp-block-embed-'));
}

/** Inside a caption: `<cite>`, `<small>`, `.credit`, `.photo-credit`, `.wp-caption-credit` … */
export function isCreditElement(name: string, classes: ReadonlySet<string>): boolean {
  return name === 'cite' || name === 'small' || [...classes].some((c) => /(^|[-_])credits?$/.test(c));
}

/** Inside a quote: who said it. */
export function isAttributionElement(name: string): boolean {
  return name === 'cite' || name === 'footer';
}

/** `wp-image-12` (the editors' mark), or the id the shortcode reader or a gallery put on it. */
export function attachmentIdOf(attributes: Attributes, classes: ReadonlySet<string>): string | null {
  for (const name of classes) {
    const id = /^wp-image-(\d+)$/.exec(name)?.[1];
    if (id) return id;
  }
  return digits(attributes['data-wp-attachment']) ?? digits(attributes['data-id']);
}

export function digits(value: string | undefined): string | null {
  return value && /^\d{1,20}$/.test(value.trim()) ? value.trim() : null;
}

/** Lazy-loading plugins keep the real address in a data attribute and a placeholder in `src`. */
export function imageSource(attributes: Attributes): string | undefined {
  return attributes['data-lazy-src'] ?? attributes['data-src'] ?? attributes.src;
}

/** A player's or frame's address, kept only if absolute http(s): a reader follows it off the site. */
export function mediaAddress(src: string | undefined): string | undefined {
  const url = safeHref(src);
  return url && /^https?:/i.test(url) ? url : undefined;
}

/** Block-editor blocks with nothing to show in a stored post (`<!-- wp:latest-posts /-->` has, but only when drawn). */
const EMPTY_BLOCKS = setOf('more nextpage spacer separator');
const BLOCK_DELIMITER = /^\s*(\/)?wp:([a-z][\w-]*(?:\/[a-z][\w-]*)?)(\s+\{[\s\S]*\})?\s*(\/)?\s*$/;
const LONGEST_DELIMITER = 100_000;
/** Blocks nest no deeper in real posts; past this, more are ignored rather than remembered. */
const DEEPEST_NESTING = 100;

/** A delimiter comment: a block opening, closing, or standing alone (`<!-- wp:latest-posts /-->`). */
export interface BlockDelimiter {
  name: string;
  kind: 'open' | 'close' | 'void';
  attributes: Record<string, unknown>;
}

/** The delimiter a comment is, or null for any other comment (`<!--more-->`, notes): not content. */
export function readDelimiter(comment: string): BlockDelimiter | null {
  const match = comment.length > LONGEST_DELIMITER ? null : BLOCK_DELIMITER.exec(comment);
  const name = match?.[2];
  if (!match || !name) return null;
  const kind = match[1] ? 'close' : match[4] ? 'void' : 'open';
  return { name, kind, attributes: kind === 'open' ? parseJsonObject(match[3]) : {} };
}

/** The block-editor blocks open where the reader is, with the attributes their delimiters carry. */
export class OpenBlocks {
  private readonly open: Omit<BlockDelimiter, 'kind'>[] = [];

  /** True outside every block: text there is classic text. */
  get isEmpty(): boolean {
    return this.open.length === 0;
  }

  /** Follows a delimiter; returns a warning when it stands for content WordPress draws only when showing a page. */
  apply({ name, kind, attributes }: BlockDelimiter): string | undefined {
    if (kind === 'close') {
      const open = this.open.findLastIndex((block) => block.name === name);
      if (open >= 0) this.open.length = open;
    } else if (kind === 'void') {
      if (!EMPTY_BLOCKS.has(name)) return `dropped the block wp:${name} (WordPress draws it only when a page is shown)`;
    } else if (this.open.length < DEEPEST_NESTING) {
      this.open.push({ name, attributes });
    }
    return undefined;
  }

  /** An attribute of the innermost open block of that kind (`core-embed/youtube` is an embed too). */
  attribute(kind: string, key: string): string | undefined {
    const block = this.open.findLast(({ name }) => name === kind || name.startsWith(`core-${kind}/`));
    const value = block?.attributes[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
}

function parseJsonObject(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
