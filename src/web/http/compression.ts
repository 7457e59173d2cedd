import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The content codings Dateline sends besides identity, in order of preference. */
export type ContentCoding = 'br' | 'gzip';
export type Coding = ContentCoding | 'identity';

/**
 * Below this many bytes a body goes as it is: the saving is a few hundred bytes at most, less than
 * a TCP packet, and not worth a second copy in memory.
 */
export const MIN_COMPRESSED_BYTES = 1024;

/** Text formats: HTML, CSS, JavaScript, JSON, XML (sitemaps, RSS, Atom), SVG, plain text. */
const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:json|xml|javascript|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/i;

/** Text: answers of this type vary on Accept-Encoding, even those too small to be compressed. */
export function isTextual(contentType: string): boolean {
  return COMPRESSIBLE_TYPE.test(contentType);
}

export function isCompressible(contentType: string, bytes: number): boolean {
  return bytes >= MIN_COMPRESSED_BYTES && isTextual(contentType);
}

/**
 * How hard to compress. `document`: a page, feed or API answer entering the page cache, compressed
 * once per entry in the thread pool — brotli 5 takes ~0.7 ms for a 25 KB page and comes within ~15%
 * of brotli 11's size, which costs 40 ms. `asset`: the site's own CSS and JavaScript, compressed once
 * at start, so the smallest result is worth the time.
 */
export type CompressionEffort = 'document' | 'asset';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compresses off the event loop (zlib's thread pool); never synchronously. */
export function compress(body: Buffer, coding: ContentCoding, effort: CompressionEffort): Promise<Buffer> {
  if (coding === 'gzip') return gzip(body, { level: effort === 'asset' ? 9 : 6 });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'asset' ? 11 : 5,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** Distinct Accept-Encoding values seen, and what each chose: clients send only a handful. */
const negotiated = new Map<string, Coding>();
const MAX_REMEMBERED = 256;

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the highest q-value among
 * br, gzip and identity, `br` first on a tie, then gzip, then identity; `*` stands for any coding
 * not named; `x-gzip` is gzip; identity, unless named, ranks as the lowest coding named. No header, or nothing acceptable: identity (a server may always
 * send it rather than 406). Remembered per distinct header value, so a hit does not parse it again.
 */
export function negotiateCoding(header: string | undefined): Coding {
  if (header === undefined || header === '') return 'identity';
  const known = negotiated.get(header);
  if (known !== undefined) return known;
  const chosen = chooseCoding(header);
  if (negotiated.size >= MAX_REMEMBERED) negotiated.clear();
  negotiated.set(header, chosen);
  return chosen;
}

function chooseCoding(header: string): Coding {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    let value = 1;
    for (const param of params) {
      const [key = '', raw = ''] = param.split('=');
      if (key.trim().toLowerCase() !== 'q') continue;
      const parsed = Number(raw.trim());
      value = Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : 0;
    }
    const coding = name === 'x-gzip' ? 'gzip' : name;
    q.set(coding, Math.max(q.get(coding) ?? 0, value));
  }
  const star = q.get('*');
  // Identity unnamed: acceptable (RFC 9110), but ranked no higher than the codings the client did
  // name, which it evidently prefers (as the `negotiator` package ranks it).
  const implicitIdentity = star ?? Math.min(1, ...q.values());
  const weight = (coding: Coding) => q.get(coding) ?? (coding === 'identity' ? implicitIdentity : (star ?? 0));
  let best: Coding = 'identity';
  let bestWeight = 0;
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    const w = weight(coding);
    if (w > bestWeight) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}
