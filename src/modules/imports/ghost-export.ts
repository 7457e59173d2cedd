import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { ghostJsonRows, JsonStructureError, parseRow, type JsonRow, type JsonShape, type TableMode } from './ghost-json-stream.js';
import { GhostZip, ZipRefusedError, type ZipLimits } from './ghost-zip.js';
import type { ImageBytes } from './image-source.js';
import { XmlRefusedError } from './xml-tree-stream.js';

/** A Ghost export (Ghost 4 and 5: JSON, or a zip with its pictures), read in two passes like a WordPress one. */

/**
 * The file is not a Ghost export, or not one that can be read: nothing was taken from it. A kind of
 * XmlRefusedError, so whoever catches the WordPress importer's refusals catches these too.
 */
export class GhostRefusedError extends XmlRefusedError {}

export interface GhostTag {
  id: string;
  name: string;
  slug: string;
  description: string;
  /** Ghost's internal tags (`#name`) organise the old site; they are not kept. */
  internal: boolean;
}

export interface GhostUser {
  id: string;
  name: string;
  slug: string;
  email: string;
  bio: string;
}

export interface GhostComment {
  id: string;
  parentId: string;
  memberId: string;
  status: string;
  html: string;
  createdAt: unknown;
}

/** What the stories refer to, read in the first pass; a few hundred bytes per post at most. */
export interface GhostScan {
  version: string;
  /** The site's title (its settings), for the ledger when no address is known. */
  title: string;
  /** An address the export itself names (`meta.url`, some migration tools write it), else ''. */
  url: string;
  tags: Map<string, GhostTag>;
  users: Map<string, GhostUser>;
  /** Tag ids by post id, in Ghost's order (sort_order): the first is the primary tag. */
  postTags: Map<string, string[]>;
  /** Author ids by post id, in byline order. */
  postAuthors: Map<string, string[]>;
  /** Ghost 5 keeps a feature image's alt text and caption in posts_meta. */
  postMeta: Map<string, { alt: string; caption: string }>;
  comments: Map<string, GhostComment[]>;
  members: Map<string, string>;
  /** Posts and pages the second pass will import or report. */
  posts: number;
  /** Rows that could not be read (each its table, place and reason). */
  problems: Array<{ row: JsonRow; reason: string }>;
}

export type GhostRecord = Record<string, unknown>;

/** A post of the second pass: its fields as exported, or why it could not be read. */
export type GhostPostEntry =
  { row: JsonRow; post: GhostRecord; problem: null } | { row: JsonRow; post: null; problem: { reason: string; line: number } };

/** Where the export's text comes from, and the zip's pictures when it is one. */
export interface GhostSource {
  kind: 'json' | 'zip';
  open(): AsyncIterable<string>;
  readImage(url: string): Promise<ImageBytes | null>;
  close(): void;
}

const SCANNED_TABLES = new Set(['meta', 'tags', 'users', 'posts_tags', 'posts_authors', 'posts_meta', 'settings', 'comments', 'members']);

/**
 * Opens a Ghost export, JSON or zip (told by its first bytes, not its name); refuses anything else,
 * saying what it is. Reading stops with an AbortError once `signal` aborts.
 */
export async function openGhostExport(file: string, options: { zipLimits?: ZipLimits; signal?: AbortSignal } = {}): Promise<GhostSource> {
  const handle = await open(file, 'r');
  let start: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096), position: 0 });
    start = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (start.subarray(0, 2).toString('latin1') === 'PK') {
    let zip: GhostZip;
    try {
      zip = await GhostZip.open(file, options.zipLimits);
    } catch (error) {
      if (error instanceof ZipRefusedError) throw new GhostRefusedError(error.message);
      throw error;
    }
    return { kind: 'zip', open: () => zip.openJson(options.signal), readImage: (url) => zip.readImage(url), close: () => zip.close() };
  }
  refuseNonGhost(start.toString('utf8'));
  return {
    kind: 'json',
    open: () => createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024, signal: options.signal }),
    readImage: async () => null,
    close: () => {},
  };
}

/**
 * Says what a file is when it is not a Ghost export, from its first characters (the mirror of the
 * WordPress importer's refuseOtherKinds); a JSON object passes, and its shape is checked as it is read.
 */
export function refuseNonGhost(start: string): void {
  const text = start.replace(/^\uFEFF/, '').trimStart();
  if (text === '') throw new GhostRefusedError('the file is empty');
  if (text.startsWith('<')) {
    if (/wordpress\.org\/export\/|WordPress eXtended RSS/.test(text))
      throw new GhostRefusedError('this is a WordPress export (WXR), not a Ghost export: use `dateline import wordpress`');
    if (/<rss[\s>]/.test(text))
      throw new GhostRefusedError('this is an RSS feed, not a Ghost export: export the site from Settings → Labs → Export in Ghost');
    if (/<feed[\s>]/.test(text)) throw new GhostRefusedError('this is an Atom feed, not a Ghost export (JSON)');
    if (/<(urlset|sitemapindex)[\s>]/.test(text)) throw new GhostRefusedError('this is a sitemap, not a Ghost export (JSON)');
    throw new GhostRefusedError('this is an XML file, not a Ghost export (JSON)');
  }
  if (text.startsWith('[')) throw new GhostRefusedError('this is a JSON array, not a Ghost export (an object with "db" or "data")');
  if (!text.startsWith('{')) throw new GhostRefusedError('this is not a JSON file, so not a Ghost export');
}

/** The first pass: everything the posts refer to, and how many posts there are; the posts' text is not kept. */
export async function scanGhostExport(source: AsyncIterable<string>): Promise<GhostScan> {
  const scan: GhostScan = {
    version: '',
    title: '',
    url: '',
    tags: new Map(),
    users: new Map(),
    postTags: new Map(),
    postAuthors: new Map(),
    postMeta: new Map(),
    comments: new Map(),
    members: new Map(),
    posts: 0,
    problems: [],
  };
  const order = { tags: new Map<string, Array<[string, number]>>(), authors: new Map<string, Array<[string, number]>>() };
  const rows = ghostJsonRows(source, (table): TableMode => (table === 'posts' ? 'count' : SCANNED_TABLES.has(table) ? 'read' : 'skip'));
  const shape = await eachRow(rows, (row) => {
    if (row.table === 'posts') {
      scan.posts += 1;
      return;
    }
    const parsed = readRecord(row);
    if ('reason' in parsed) scan.problems.push({ row, reason: parsed.reason });
    else takeRow(scan, order, row.table, parsed.record);
  });
  checkShape(shape);
  for (const [postId, list] of order.tags) scan.postTags.set(postId, byOrder(list));
  for (const [postId, list] of order.authors) scan.postAuthors.set(postId, byOrder(list));
  return scan;
}

/** The second pass: the posts, one at a time, in file order. */
export async function* readGhostPosts(source: AsyncIterable<string>): AsyncGenerator<GhostPostEntry> {
  const rows = ghostJsonRows(source, (table) => (table === 'posts' ? 'read' : 'skip'));
  for (;;) {
    const next = await nextRow(rows);
    if (next.done) return;
    const parsed = readRecord(next.value);
    if ('reason' in parsed) yield { row: next.value, post: null, problem: { reason: parsed.reason, line: parsed.line } };
    else yield { row: next.value, post: parsed.record, problem: null };
  }
}

async function eachRow(rows: AsyncGenerator<JsonRow, JsonShape>, take: (row: JsonRow) => void): Promise<JsonShape> {
  for (;;) {
    const next = await nextRow(rows);
    if (next.done) return next.value;
    take(next.value);
  }
}

/** A structural error in the JSON refuses the whole file, with where it is. */
async function nextRow(rows: AsyncGenerator<JsonRow, JsonShape>): Promise<IteratorResult<JsonRow, JsonShape>> {
  try {
    return await rows.next();
  } catch (error) {
    if (error instanceof JsonStructureError) throw new GhostRefusedError(`this is not well-formed JSON: ${error.message}`);
    throw error;
  }
}

function checkShape(shape: JsonShape): void {
  if (shape.root !== 'object') throw new GhostRefusedError(`this is a JSON ${shape.root || 'value'}, not a Ghost export`);
  if (!shape.tables.has('posts'))
    throw new GhostRefusedError('this JSON file is not a Ghost export: it has no posts table (db[0].data.posts, or data.posts)');
}

function readRecord(row: JsonRow): { record: GhostRecord } | { reason: string; line: number } {
  const where = `line ${row.line}, column ${row.column} (${row.path})`;
  if (row.tooLarge) return { reason: `${where}: larger than the importer reads in one row`, line: row.line };
  const parsed = parseRow(row);
  if ('error' in parsed) return { reason: `line ${parsed.line}, column ${parsed.column} (${row.path}): ${parsed.error}`, line: parsed.line };
  const value = parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { reason: `${where}: not an object`, line: row.line };
  return { record: value as GhostRecord };
}

type Order = { tags: Map<string, Array<[string, number]>>; authors: Map<string, Array<[string, number]>> };

function takeRow(scan: GhostScan, order: Order, table: string, row: GhostRecord): void {
  const id = str(row.id);
  switch (table) {
    case 'meta':
      scan.version = str(row.version);
      scan.url = str(row.url) || str(row.site_url);
      return;
    case 'tags': {
      const name = str(row.name);
      if (id)
        scan.tags.set(id, {
          id,
          name,
          slug: str(row.slug),
          description: str(row.description),
          internal: row.visibility === 'internal' || name.startsWith('#'),
        });
      return;
    }
    case 'users':
      if (id) scan.users.set(id, { id, name: str(row.name), slug: str(row.slug), email: str(row.email), bio: str(row.bio) });
      return;
    case 'posts_tags':
      return ordered(order.tags, str(row.post_id), str(row.tag_id), row.sort_order);
    case 'posts_authors':
      return ordered(order.authors, str(row.post_id), str(row.author_id), row.sort_order);
    case 'posts_meta': {
      const alt = str(row.feature_image_alt);
      const caption = str(row.feature_image_caption);
      if (alt || caption) scan.postMeta.set(str(row.post_id), { alt, caption });
      return;
    }
    case 'settings':
      if (row.key === 'title') scan.title = str(row.value);
      return;
    case 'members':
      if (id) scan.members.set(id, str(row.name));
      return;
    case 'comments': {
      const postId = str(row.post_id);
      const list = scan.comments.get(postId) ?? [];
      list.push({
        id,
        parentId: str(row.parent_id),
        memberId: str(row.member_id),
        status: str(row.status),
        html: str(row.html),
        createdAt: row.created_at,
      });
      scan.comments.set(postId, list);
      return;
    }
  }
}

function ordered(map: Map<string, Array<[string, number]>>, postId: string, id: string, sortOrder: unknown): void {
  if (!postId || !id) return;
  const list = map.get(postId) ?? [];
  list.push([id, typeof sortOrder === 'number' && Number.isFinite(sortOrder) ? sortOrder : list.length]);
  map.set(postId, list);
}

function byOrder(list: Array<[string, number]>): string[] {
  return [...new Set(list.sort((a, b) => a[1] - b[1]).map(([id]) => id))];
}

/** A field as text: strings as they are, numbers written out, anything else ''. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
