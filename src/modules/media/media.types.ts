import { z } from 'zod';
import { text } from '../../shared/text.js';

export interface MediaVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'avif';
  /** File name under DATA_DIR/media, chosen by the server. */
  file: string;
}

/** The `type` of a `<source>` and the Content-Type a variant is served with. */
export const VARIANT_MIME_TYPES = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
} as const satisfies Record<MediaVariant['format'], string>;

export interface MediaAsset {
  id: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariant[];
}

/** What is stored for a new asset: the same fields, the id chosen by the server. */
export type MediaAssetInput = MediaAsset;

/**
 * The words that travel with an image. Alt text is required because every image on the site is
 * shown with it (WCAG 1.1.1); 300 characters is what screen readers read comfortably in one go.
 */
export const MediaDetailsInput = z.object({
  alt: text({ min: 1, max: 300 }),
  caption: text({ max: 1000 }).default(''),
  credit: text({ max: 200 }).default(''),
});
export type MediaDetailsInput = z.infer<typeof MediaDetailsInput>;
/**
 * The same words for a picture put into a story in the editor: alt text may still be empty there
 * (the reporter is writing), and publishing refuses the story until it is given
 * (ERR_STORY_ALT_MISSING, docs/editor-pictures.md).
 */
export const MediaDraftDetailsInput = MediaDetailsInput.extend({ alt: text({ max: 300 }).default('') });
export type MediaDetailsRequest = z.input<typeof MediaDetailsInput>;

/** The subset of pino's logger the media services write to, so Fastify's `app.log` fits. */
export interface MediaLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}
