import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_CONTROL } from './cache-control.js';
import { StoredDocument } from './stored-document.js';

/** public/ at the repository root: three levels up from both src/web/http and dist/web/http. */
export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public');

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The publication's icon until one is chosen in the settings, in the house colours. */
export const DEFAULT_ICON_ASSET = 'favicon.svg';

/** `url(name)` in a stylesheet naming a file beside it, quoted or not. */
const CSS_URL = /url\(\s*(['"]?)([\w.-]+)\1\s*\)/g;

export interface Asset {
  body: Buffer;
  version: string;
  contentType: string;
  /** As sent for its current versioned URL: kept a year, brotli and gzip made once at start. */
  pinned: StoredDocument;
  /** As sent for an old or missing `?v=`: revalidated like a page (its codings made when first asked for). */
  unpinned: StoredDocument;
}

/**
 * The site's own CSS, JavaScript and fonts, read once at start and served from memory, text files
 * with their brotli and gzip copies made once. Each URL carries a hash of the content
 * (`/assets/site.css?v=…`), so browsers may keep a file for a year.
 * A stylesheet's `url(file)` naming another asset becomes that file's hashed URL before the
 * stylesheet is hashed, so a changed font changes the stylesheet's URL too.
 */
export class AssetRegistry {
  private readonly assets = new Map<string, Asset>();

  constructor(directory = path.join(PUBLIC_DIR, 'assets')) {
    const names = fs.readdirSync(directory).filter((name) => CONTENT_TYPES[path.extname(name)] !== undefined);
    // Stylesheets last: they name the other files by their versioned URLs.
    const isCss = (name: string) => path.extname(name) === '.css';
    for (const name of [...names.filter((name) => !isCss(name)), ...names.filter(isCss)]) {
      const contentType = CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream';
      const read = fs.readFileSync(path.join(directory, name));
      const body = isCss(name) ? Buffer.from(this.versionUrls(read.toString('utf8'))) : read;
      const version = createHash('sha1').update(body).digest('hex').slice(0, 12);
      const document = (cacheControl: string) => new StoredDocument({ status: 200, body, contentType, cacheControl, compress: 'asset' });
      const pinned = document(CACHE_CONTROL.immutable);
      // Compressed in zlib's thread pool while the server starts; a request before it is done waits for it.
      void pinned.prepare();
      this.assets.set(name, { body, version, contentType, pinned, unpinned: document(CACHE_CONTROL.page) });
    }
  }

  private versionUrls(css: string): string {
    return css.replace(CSS_URL, (whole, _quote: string, name: string) => (this.assets.has(name) ? `url('${this.url(name)}')` : whole));
  }

  get(name: string): Asset | undefined {
    return this.assets.get(name);
  }

  url(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`unknown asset ${name}`);
    return `/assets/${name}?v=${asset.version}`;
  }
}
