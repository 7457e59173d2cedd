import { Feed, type Item } from 'feed';

export type FeedFormat = 'rss' | 'atom';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom'];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface FeedPerson {
  name: string;
  email?: string;
  /** Absolute URL of their page. */
  url: string;
}

export interface FeedCategory {
  /** A stable identifier (a slug). */
  term: string;
  label: string;
  /** Absolute URL of the category's page. */
  url: string;
}

export interface FeedEnclosure {
  url: string;
  type: string;
  /** Bytes; 0 when not known, which RSS allows. */
  length: number;
}

/** One story, every URL absolute, every text plain: escaping happens here and only here. */
export interface FeedEntry {
  /** Stable whatever happens to the slug: `urn:uuid:<article id>`. */
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  categories: FeedCategory[];
  summary: string;
  /** The body as HTML (already escaped, from Preact); absent when the feed carries summaries only. */
  contentHtml?: string;
  enclosure?: FeedEnclosure;
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page the feed stands for. */
  pageUrl: string;
  /** The feed's own URL in each format. */
  feedUrls: Record<FeedFormat, string>;
  language: string;
  copyright: string;
  updated: Date;
  imageUrl?: string;
  entries: FeedEntry[];
}

/**
 * Serialises a feed with the `feed` package, working around what it leaves to the caller:
 * - titles and summaries are declared HTML (`type="html"` in Atom; what readers assume in RSS), so
 *   plain text is HTML-escaped first, which also keeps `]]>` out of the CDATA sections it writes;
 * - characters XML 1.0 forbids (control characters, lone surrogates) are dropped;
 * - its XML writer (xml-js) turns `&amp;` in element text back into `&` before escaping, so `&` is
 *   escaped once beforehand (`xmlText`) and a literal `&amp;` survives;
 * - Atom category attributes are only `&`-escaped, so a `<` (not allowed in an attribute) in a
 *   label becomes a full-width `＜`; RSS carries the label as text, unchanged;
 * - Atom enclosure types come from the file extension (`.jpg` → `image/jpg`); the type is set right.
 */
export function renderFeed(document: FeedDocument, format: FeedFormat): string {
  const feed = new Feed({
    title: xmlText(document.title),
    description: xmlText(document.description),
    id: document.feedUrls.atom,
    link: document.pageUrl,
    feedLinks: { rss: document.feedUrls.rss, atom: document.feedUrls.atom },
    language: document.language,
    copyright: xmlText(document.copyright),
    updated: document.updated,
    generator: 'Dateline',
    ...(document.imageUrl !== undefined && { image: document.imageUrl }),
  });
  for (const entry of document.entries) feed.addItem(feedItem(entry, format));
  return format === 'rss' ? feed.rss2() : fixAtomEnclosureTypes(feed.atom1());
}

function feedItem(entry: FeedEntry, format: FeedFormat): Item {
  return {
    title: escapeHtml(entry.title),
    id: entry.id,
    guid: entry.id,
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    description: escapeHtml(entry.summary),
    ...(entry.contentHtml !== undefined && { content: xmlChars(entry.contentHtml) }),
    author: entry.authors.map((author) => ({
      name: xmlText(author.name),
      link: author.url,
      ...(author.email !== undefined && { email: xmlText(author.email) }),
    })),
    category: entry.categories.map((category) =>
      format === 'rss'
        ? { name: xmlText(category.label) }
        : { term: xmlChars(category.term), name: xmlChars(category.label).replace(/</g, '＜'), scheme: category.url },
    ),
    ...(entry.enclosure && { enclosure: { url: entry.enclosure.url, type: entry.enclosure.type, length: entry.enclosure.length } }),
  };
}

/** `.jpg` files are JPEG: the only extension whose name is not its subtype. */
function fixAtomEnclosureTypes(xml: string): string {
  return xml.replace(/(<link rel="enclosure" href="[^"]*") type="image\/jpg"/g, '$1 type="image/jpeg"');
}

const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlChars(value: string): string {
  return value.replace(XML_FORBIDDEN, '');
}

/** For element text, which xml-js un-escapes `&amp;` in and then escapes. */
function xmlText(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return xmlChars(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
