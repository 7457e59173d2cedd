import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** public/ at the repository root: three levels up from both src/web/http and dist/web/http. */
export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public');

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Asset {
  body: Buffer;
  version: string;
  contentType: string;
}

/**
 * The site's own CSS and JavaScript, read once at start and served from memory. Each URL carries a
 * hash of the content (`/assets/site.css?v=…`), so browsers may keep a file for a year.
 */
export class AssetRegistry {
  private readonly assets = new Map<string, Asset>();

  constructor(directory = path.join(PUBLIC_DIR, 'assets')) {
    for (const name of fs.readdirSync(directory)) {
      const contentType = CONTENT_TYPES[path.extname(name)];
      if (!contentType) continue;
      const body = fs.readFileSync(path.join(directory, name));
      const version = createHash('sha1').update(body).digest('hex').slice(0, 12);
      this.assets.set(name, { body, version, contentType });
    }
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
