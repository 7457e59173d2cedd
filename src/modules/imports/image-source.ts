import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../media/index.js';
import { checkPublicHost } from '../webhooks/index.js';

/** Where an export's pictures are read from. */
export interface ImageSourceOptions {
  /** A copy of the old site's uploads folder (`wp-content/uploads`), read instead of the network. */
  mediaDir?: string;
  /** Whether pictures not found in mediaDir are fetched from the old site (default true). */
  fetch?: boolean;
  /** Where in an address the media folder's own layout starts: `/uploads/` (WordPress, the default), `/content/images/` (Ghost). */
  folderMarker?: string;
  timeoutMs?: number;
}

/** `privateAddress`: refused by the private-address guard (the story editor answers that with its own code). */
export type ImageBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string; privateAddress?: true };

const FETCH_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;

/**
 * The bytes of a picture the export names by its address. With a media folder the file is looked
 * up under it by the address's path after `/uploads/` (or `folderMarker`; never outside it); otherwise it is
 * fetched over http(s) with the webhooks' guards: public addresses only, a size limit, a time-out.
 */
export async function loadImage(url: string, options: ImageSourceOptions): Promise<ImageBytes> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `"${url}" is not an address` };
  }
  if (options.mediaDir) {
    const local = await readFromFolder(options.mediaDir, parsed, options.folderMarker ?? '/uploads/');
    if (local.ok || options.fetch === false) return local;
  }
  if (options.fetch === false) return { ok: false, reason: 'not fetched (fetching is off)' };
  return fetchPublic(parsed, options.timeoutMs ?? FETCH_TIMEOUT_MS);
}

async function readFromFolder(folder: string, url: URL, folderMarker: string): Promise<ImageBytes> {
  const pathname = decodeURIComponent(url.pathname);
  const marker = pathname.indexOf(folderMarker);
  const relative = marker >= 0 ? pathname.slice(marker + folderMarker.length) : pathname.replace(/^\/+/, '');
  const root = path.resolve(folder);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return { ok: false, reason: 'its path leaves the media folder' };
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, reason: `larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
    return { ok: true, bytes };
  } catch {
    return { ok: false, reason: `not in the media folder (${relative})` };
  }
}

async function fetchPublic(start: URL, timeoutMs: number): Promise<ImageBytes> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'not an http(s) address' };
    const check = await checkPublicHost(url);
    if (!check.ok) {
      return check.reason === 'private'
        ? { ok: false, reason: 'a private address, never fetched', privateAddress: true }
        : { ok: false, reason: 'its host does not resolve' };
    }
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { ok: false, reason: `could not be fetched (${error instanceof Error ? error.message : String(error)})` };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) return { ok: false, reason: `the old site answered ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_UPLOAD_BYTES) return { ok: false, reason: `larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
    const bytes = await readLimited(response, MAX_UPLOAD_BYTES);
    return bytes ? { ok: true, bytes } : { ok: false, reason: `larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
  }
  return { ok: false, reason: 'too many redirects' };
}

async function readLimited(response: Response, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
