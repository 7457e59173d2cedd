import { ArticleBodySchema, type ArticleBody, type BodyBlock } from '../../shared/article-body.js';
import type { AttachmentLookup, BodyImage } from './wordpress-body-types.js';
import { htmlToBlocks } from './html-blocks.js';
import { Warnings } from './html-blocks-inline.js';
import { fitToLimits } from './wordpress-body-limits.js';
import { expandShortcodes } from './wordpress-shortcodes.js';

export type { BodyImage, WordPressAttachment } from './wordpress-body-types.js';

/**
 * A WordPress post's `content:encoded` HTML → Dateline's structured body. Pure: no database, no
 * network; the importer fetches the images and swaps their ids in (resolveBodyImages).
 *
 * The steps, as WordPress itself renders a post: shortcodes become the HTML they stand for
 * (wordpress-shortcodes.ts); the HTML is read into blocks, block-editor markup and classic text
 * alike (html-blocks.ts); the blocks are fitted to the body's limits (wordpress-body-limits.ts);
 * and the result is checked against ArticleBodySchema, so what comes out can always be stored.
 */
export interface ConvertedBody {
  /** figure blocks carry mediaId `image:<n>`, n = index into images; the importer swaps in real ids (or drops the figure) with resolveBodyImages */
  body: ArticleBody;
  images: BodyImage[];
  /** one human-readable sentence per thing dropped or changed, e.g. 'dropped a <table> (its text kept as paragraphs)' */
  warnings: string[];
}

export interface ConvertOptions {
  /** The export's attachment by post id, for `[gallery ids]`, `wp-image-N` and block ids: alt, caption, credit, original file. */
  attachment?: AttachmentLookup;
}

/** A figure's placeholder media id before its picture is uploaded: `image:<index into images>`. */
export const IMAGE_ID = /^image:(\d+)$/;

export function convertWordPressBody(html: string, options: ConvertOptions = {}): ConvertedBody {
  const warnings = new Warnings();
  // HTML reads CR LF and a lone CR as LF before anything else.
  const source = html.replace(/\r\n?/g, '\n');
  const read = htmlToBlocks(expandShortcodes(source, warnings), options.attachment, warnings);
  const body = schemaChecked(fitToLimits(read.blocks, warnings), warnings);
  return { ...withUsedImages(body, read.images), warnings: warnings.list() };
}

/** Swaps each `image:<n>` figure for the stored media id, or drops it when the image could not be stored. */
export function resolveBodyImages(body: ArticleBody, mediaIdOf: (index: number) => string | null): ArticleBody {
  return body.flatMap((block): BodyBlock[] => {
    const index = block.type === 'figure' ? IMAGE_ID.exec(block.mediaId)?.[1] : undefined;
    if (index === undefined) return [block];
    const mediaId = mediaIdOf(Number(index));
    return mediaId ? [{ type: 'figure', mediaId }] : [];
  });
}

/**
 * The schema is the judge of a body. Should a block the conversion made still fail it (a bug here),
 * that block is left out with a warning rather than the whole post failing to import.
 */
export function schemaChecked(blocks: BodyBlock[], warnings: Warnings): ArticleBody {
  const whole = ArticleBodySchema.safeParse(blocks);
  if (whole.success) return whole.data;
  return blocks.flatMap((block) => {
    const single = ArticleBodySchema.safeParse([block]);
    if (single.success) return single.data;
    warnings.add(`dropped a ${block.type} the body could not hold`);
    return [];
  });
}

/** Images whose figures were cut (at the block limit) are not fetched; the rest are numbered in body order. */
export function withUsedImages(body: ArticleBody, images: BodyImage[]): { body: ArticleBody; images: BodyImage[] } {
  const used: BodyImage[] = [];
  const renumbered = body.map((block): BodyBlock => {
    const index = block.type === 'figure' ? IMAGE_ID.exec(block.mediaId)?.[1] : undefined;
    const image = index === undefined ? undefined : images[Number(index)];
    if (!image) return block;
    used.push(image);
    return { type: 'figure', mediaId: `image:${used.length - 1}` };
  });
  return { body: renumbered, images: used };
}
