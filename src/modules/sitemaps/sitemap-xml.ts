import type { SitemapAlternate } from './sitemap-alternates.js';

/**
 * The XML of sitemaps, written by hand: the format is tiny, and owning the escaping means every
 * headline, whatever it holds, comes out as well-formed XML 1.0 that the published schemas accept
 * (schemas/sitemaps/; the tests validate every served sitemap with xmllint).
 */

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';
/** Where `<xhtml:link rel="alternate" hreflang>` comes from (Google's form for translations in sitemaps). */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Characters XML 1.0 forbids anywhere, even escaped (§2.2): C0 controls other than tab, newline and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. A headline pasted from a word processor can
 * carry them; one of them would make the whole sitemap unreadable, so they are dropped.
 */
const ILLEGAL_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Anything but printable ASCII without the five specials: most slugs, URLs and dates. */
const NEEDS_WORK = /[^\t\n\r\u0020-\u007E]|[&<>"']/;

/** Text safe inside an element or a quoted attribute. */
export function xmlText(value: string): string {
  // Tens of thousands of URLs per build, nearly all plain ASCII: one test instead of two
  // replacements for each.
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(ILLEGAL_XML_CHARACTERS, '').replace(/[&<>"']/g, (character) => ESCAPES[character] ?? '');
}

/**
 * W3C Datetime (https://www.w3.org/TR/NOTE-datetime) in UTC to the second, as sitemaps and Google
 * News want it: `2026-11-20T03:00:00Z`.
 */
export function w3cDateTime(date: Date): string {
  // toISOString() is always `YYYY-MM-DDTHH:mm:ss.sssZ` for the years stories have.
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Builds one document as a list of strings joined once at the end. Element and attribute names are
 * the code's own constants and are written as they are; every text value and attribute value is
 * escaped.
 */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly openElements: string[] = [];

  start(name: string, attributes: Record<string, string> = {}): this {
    let attributeText = '';
    for (const key in attributes) attributeText += ` ${key}="${xmlText(attributes[key] ?? '')}"`;
    this.parts.push(`<${name}${attributeText}>`);
    this.openElements.push(name);
    if (this.openElements.length === 1) this.parts.push('\n');
    return this;
  }

  /** An element with attributes and no content. */
  empty(name: string, attributes: Record<string, string>): this {
    let attributeText = '';
    for (const key in attributes) attributeText += ` ${key}="${xmlText(attributes[key] ?? '')}"`;
    this.parts.push(`<${name}${attributeText}/>`);
    return this;
  }

  /** An element holding only text. */
  leaf(name: string, text: string): this {
    this.parts.push(`<${name}>${xmlText(text)}</${name}>`);
    return this;
  }

  end(): this {
    const name = this.openElements.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without an open element');
    this.parts.push(`</${name}>`);
    // One URL a line keeps a 50,000-URL file readable in a terminal and diffable.
    if (this.openElements.length <= 1) this.parts.push('\n');
    return this;
  }

  toString(): string {
    if (this.openElements.length > 0) throw new Error(`XmlWriter: <${this.openElements.join('>, <')}> left open`);
    return this.parts.join('');
  }
}

/** What Google News needs of a story, beside its URL. */
export interface NewsDetails {
  publicationName: string;
  /** Already in Google's form (see googleNewsLanguage). */
  language: string;
  publishedAt: Date;
  title: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: Date | null;
  news?: NewsDetails;
  /** The page in other languages, itself and `x-default` included (sitemap-alternates.ts). */
  alternates?: readonly SitemapAlternate[];
}

export interface SitemapReference {
  loc: string;
  lastmod: Date;
}

/** A `<urlset>` (sitemaps.org 0.9), with the Google News namespace when any entry carries news. */
export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const namespaces: Record<string, string> = { xmlns: SITEMAP_NAMESPACE };
  if (urls.some((url) => url.news)) namespaces['xmlns:news'] = NEWS_NAMESPACE;
  if (urls.some((url) => url.alternates)) namespaces['xmlns:xhtml'] = XHTML_NAMESPACE;
  const writer = new XmlWriter().start('urlset', namespaces);
  for (const url of urls) {
    writer.start('url').leaf('loc', url.loc);
    if (url.lastmod) writer.leaf('lastmod', w3cDateTime(url.lastmod));
    // After loc and lastmod: the schema allows other namespaces' elements only at the end of <url>.
    if (url.news) {
      writer
        .start('news:news')
        .start('news:publication')
        .leaf('news:name', url.news.publicationName)
        .leaf('news:language', url.news.language)
        .end()
        .leaf('news:publication_date', w3cDateTime(url.news.publishedAt))
        .leaf('news:title', url.news.title)
        .end();
    }
    for (const alternate of url.alternates ?? [])
      writer.empty('xhtml:link', { rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href });
    writer.end();
  }
  return writer.end().toString();
}

/** A `<sitemapindex>` naming each sitemap with the time its newest entry changed. */
export function sitemapIndexXml(sitemaps: readonly SitemapReference[]): string {
  const writer = new XmlWriter().start('sitemapindex', { xmlns: SITEMAP_NAMESPACE });
  for (const sitemap of sitemaps) {
    writer.start('sitemap').leaf('loc', sitemap.loc).leaf('lastmod', w3cDateTime(sitemap.lastmod)).end();
  }
  return writer.end().toString();
}
