import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The published schemas shipped in the repository (schemas/sitemaps/README.md). */
export const SITEMAP_SCHEMAS = {
  urlset: 'sitemap.xsd',
  index: 'siteindex.xsd',
  news: 'sitemap-with-news.xsd',
  /** A urlset whose entries may carry hreflang links (`xhtml:link`). */
  urlsetWithAlternates: 'sitemap-with-xhtml.xsd',
} as const;

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/sitemaps/', import.meta.url));

/**
 * Validates a document with xmllint (libxml2-utils), the real validator, against one of the shipped
 * schemas; without a schema, checks that it is well-formed XML only. Returns xmllint's messages
 * so a failing assertion says what is wrong.
 */
export function xmllint(xml: string | Buffer, schema?: keyof typeof SITEMAP_SCHEMAS): { valid: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-xmllint-'));
  try {
    const file = path.join(dir, 'document.xml');
    fs.writeFileSync(file, xml);
    const args = ['--noout', ...(schema ? ['--schema', path.join(SCHEMA_DIR, SITEMAP_SCHEMAS[schema])] : []), file];
    const result = spawnSync('xmllint', args, { encoding: 'utf8' });
    if (result.error) throw new Error(`xmllint could not run (install libxml2-utils): ${result.error.message}`);
    return { valid: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
