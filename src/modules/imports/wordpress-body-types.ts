/**
 * The shapes the WordPress body converter shares with its importer, in a file of their own so that
 * the converter's parts (html-blocks*.ts, wordpress-*.ts) can use them without importing each other
 * in a loop. wordpress-body.ts re-exports them.
 */

/** What the importer knows of a WordPress attachment (a media-library item), found by its post id. */
export interface WordPressAttachment {
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * An image the body shows, for the importer to fetch and store as media. `url` is absolute http(s)
 * or site-relative (`/wp-content/…`, to resolve against the old site's address). Alt, caption and
 * credit are one line each, NFC, without control characters; their lengths are not cut to the media
 * limits here.
 */
export interface BodyImage {
  url: string;
  alt: string;
  caption: string;
  credit: string;
  attachmentId: string | null;
}

export type AttachmentLookup = (id: string) => WordPressAttachment | undefined;
