import { createHash } from 'node:crypto';
import { compress, isCompressible, isTextual, type Coding, type CompressionEffort, type ContentCoding } from './compression.js';

/** A strong validator for a body: same bytes, same tag, on every node. */
export function etagFor(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Each coding's ETag: the identity tag with a suffix, so the three are distinct and strong. */
const ETAG_SUFFIX: Record<ContentCoding, string> = { br: '-br', gzip: '-gz' };

function etagWithSuffix(etag: string, coding: ContentCoding): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}${ETAG_SUFFIX[coding]}"` : `${etag}${ETAG_SUFFIX[coding]}`;
}

/** One coding of a document: its bytes and every header of its answers, worked out once. */
export interface Variant {
  readonly coding: Coding;
  readonly body: Buffer;
  readonly etag: string;
  /** The 200's headers (lower-case names): type, length is Fastify's, caching, keys, Vary, coding. */
  readonly headers: Readonly<Record<string, string>>;
  /** A 304's: the same validator, caching, keys and Vary (RFC 9110 §15.4.5), no type or coding. */
  readonly notModifiedHeaders: Readonly<Record<string, string>>;
}

export interface DocumentInit {
  status: number;
  body: Buffer;
  contentType: string;
  cacheControl: string;
  /** Defaults to the body's hash (etagFor). */
  etag?: string;
  /** Sent as Surrogate-Key and Cache-Tag for a CDN (already normalised, `site` first). */
  surrogateKeys?: readonly string[];
  /** What else the answer varies on (the Content API: its key headers); Accept-Encoding is added. */
  vary?: string;
  /**
   * Whether compressed codings may be made: only for documents kept in memory (the page cache,
   * assets, sitemaps), so each is compressed once; never for a document made for one request.
   */
  compress: false | CompressionEffort;
}

/**
 * A public document as it is sent: its identity bytes and, for text of 1 KB or more kept in memory,
 * brotli and gzip copies, each made once — the first time a client asks for that coding, in zlib's
 * thread pool — and kept beside it. Every answer varies on Accept-Encoding, compressed or not, so a
 * shared cache never gives one client's coding to another.
 */
export class StoredDocument {
  readonly status: number;
  readonly identity: Variant;
  /** Whether br and gzip copies exist (or will, on demand). */
  readonly compressible: boolean;
  private readonly effort: CompressionEffort;
  private readonly encoded: Partial<Record<ContentCoding, Variant | Promise<Variant>>> = {};
  private readonly baseHeaders: Record<string, string>;
  private readonly etags: Record<Coding, string>;

  constructor(init: DocumentInit) {
    this.status = init.status;
    this.compressible = init.compress !== false && isCompressible(init.contentType, init.body.length);
    this.effort = init.compress === false ? 'document' : init.compress;
    const etag = init.etag ?? etagFor(init.body);
    this.etags = { identity: etag, br: etagWithSuffix(etag, 'br'), gzip: etagWithSuffix(etag, 'gzip') };
    const keys = init.surrogateKeys;
    this.baseHeaders = {
      'cache-control': init.cacheControl,
      ...varyHeader(init.vary, isTextual(init.contentType)),
      // Fastly reads Surrogate-Key (space-separated), Cloudflare Cache-Tag (comma-separated).
      ...(keys && keys.length > 0 ? { 'surrogate-key': keys.join(' '), 'cache-tag': keys.join(',') } : {}),
      'content-type': init.contentType,
    };
    this.identity = this.variantOf('identity', init.body);
  }

  /** The bytes for a coding: at once when made already, else once compressing has finished. */
  variant(coding: Coding): Variant | Promise<Variant> {
    if (coding === 'identity' || !this.compressible) return this.identity;
    const known = this.encoded[coding];
    if (known) return known;
    const making = compress(this.identity.body, coding, this.effort).then(
      (body) => (this.encoded[coding] = this.variantOf(coding, body)),
      // Compression failing (memory) must not fail the answer: this client gets the identity bytes.
      () => {
        delete this.encoded[coding];
        return this.identity;
      },
    );
    this.encoded[coding] = making;
    return making;
  }

  /** Starts every coding now (assets at start), so no reader waits for one. */
  prepare(): Promise<unknown> {
    if (!this.compressible) return Promise.resolve();
    return Promise.all([this.variant('br'), this.variant('gzip')]);
  }

  /**
   * The coding whose ETag an If-None-Match names (RFC 9110 §13.1.2: a list or `*`; weak tags
   * compare by their opaque part), for a 304; undefined when none does. Any coding's tag counts:
   * the client's copy in that coding is current, whichever coding it would get now.
   */
  matching(ifNoneMatch: string | undefined, preferred: Coding): Coding | undefined {
    if (ifNoneMatch === undefined) return undefined;
    const wanted = this.compressible ? preferred : 'identity';
    if (ifNoneMatch.trim() === '*') return wanted;
    let found: Coding | undefined;
    for (const candidate of ifNoneMatch.split(',')) {
      const tag = candidate.trim().replace(/^W\//, '');
      if (tag === this.etags[wanted]) return wanted;
      if (found) continue;
      if (tag === this.etags.identity) found = 'identity';
      else if (this.compressible && tag === this.etags.br) found = 'br';
      else if (this.compressible && tag === this.etags.gzip) found = 'gzip';
    }
    return found;
  }

  /** The 304's headers for a coding's ETag. */
  notModifiedHeaders(coding: Coding): Readonly<Record<string, string>> {
    if (coding === 'identity' || !this.compressible) return this.identity.notModifiedHeaders;
    const known = this.encoded[coding];
    if (known && !(known instanceof Promise)) return known.notModifiedHeaders;
    const { 'content-type': _type, ...rest } = this.baseHeaders;
    return { ...rest, etag: this.etags[coding] };
  }

  private variantOf(coding: Coding, body: Buffer): Variant {
    const etag = this.etags[coding];
    const { 'content-type': _type, ...cacheHeaders } = this.baseHeaders;
    return {
      coding,
      body,
      etag,
      headers: { ...this.baseHeaders, etag, ...(coding === 'identity' ? {} : { 'content-encoding': coding }) },
      notModifiedHeaders: { ...cacheHeaders, etag },
    };
  }
}

/** Text answers vary on Accept-Encoding (a URL's coding follows the client's header); images do not. */
function varyHeader(extra: string | undefined, textual: boolean): Record<string, string> {
  const names = [...(extra ? [extra] : []), ...(textual ? ['Accept-Encoding'] : [])];
  return names.length > 0 ? { vary: names.join(', ') } : {};
}
