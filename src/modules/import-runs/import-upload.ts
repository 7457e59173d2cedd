import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { refuseNonGhost, refuseOtherKinds, XmlRefusedError } from '../imports/index.js';
import type { ImportKind, StoredUpload } from './import-run.types.js';

/** How much of the file's start is read to say what it is before the rest is written. */
const SNIFF_BYTES = 4096;
const MAX_FILE_NAME_LENGTH = 200;
/** An upload being received: removed if anything goes wrong, and at a start (import-run.service.ts). */
export const PARTIAL_UPLOAD = /^upload-[0-9a-f-]{36}\.part$/;

/**
 * Writes an uploaded export to `dir` as it arrives, never holding it whole in memory, and checks it
 * on the way: its first bytes say what it is (a WordPress export, a Ghost export, or something else,
 * refused at once), and past `maxBytes` it is refused. On any refusal the partial file is removed and
 * the rest of `source` is read and dropped, so a multipart body still parses to its end.
 */
export async function storeUpload(source: Readable, options: { dir: string; fileName: string; maxBytes: number }): Promise<StoredUpload> {
  await mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, `upload-${newId()}.part`);
  const out = createWriteStream(file, { flags: 'wx' });
  // A full disk or a missing folder is the server's problem: thrown below as it is, a 500.
  let writeError: Error | undefined;
  out.on('error', (error) => (writeError = error));
  let bytes = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  let kind: ImportKind | undefined;
  try {
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) throw new AppError('ERR_IMPORT_FILE_TOO_LARGE', `larger than ${options.maxBytes} bytes`);
      if (kind === undefined) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) {
          kind = detectKind(Buffer.concat(head).subarray(0, SNIFF_BYTES));
          head = [];
        }
      }
      if (writeError) throw writeError;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (bytes === 0) throw new AppError('ERR_IMPORT_FILE_EMPTY');
    kind ??= detectKind(Buffer.concat(head));
    out.end();
    await finished(out);
    return { path: file, fileName: cleanFileName(options.fileName), bytes, kind };
  } catch (error) {
    source.resume();
    // Closed before removed: a stream still opening its file would otherwise create it afterwards.
    if (!out.closed) await new Promise<void>((resolve) => out.destroy().once('close', () => resolve()));
    await rm(file, { force: true });
    throw error;
  }
}

/**
 * What an export is, from its first bytes: XML is a WordPress export (WXR), a zip or a JSON object
 * with Ghost's `db` or `data` a Ghost export. Anything else is refused with what it is, in the
 * importers' own words (refuseOtherKinds, refuseNonGhost) where they have them.
 */
export function detectKind(start: Buffer): ImportKind {
  const text = start
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('PK')) return 'ghost';
  if (text.startsWith('{') || text.startsWith('[')) {
    refusing(() => refuseNonGhost(text));
    if (!/"(db|data|posts)"\s*:/.test(text))
      throw refused('This is a JSON file, but not a Ghost export, which keeps its posts under "db" or "data".');
    return 'ghost';
  }
  if (text === '' || text.startsWith('<')) {
    refusing(() => refuseOtherKinds(text));
    return 'wordpress';
  }
  throw refused('This is neither a WordPress export (an XML file) nor a Ghost export (a JSON or zip file).');
}

function refusing(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof XmlRefusedError) throw refused(sentence(error.message));
    throw error;
  }
}

const refused = (sentence: string) => new AppError('ERR_IMPORT_FILE_REFUSED', sentence);

/** The browser's file name, as shown and audited: no folders, no control or format characters, bounded. */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, MAX_FILE_NAME_LENGTH).join('') || 'export';
}

/** "this is an RSS feed, …" → "This is an RSS feed, ….": the importer's reasons read as sentences on the page. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
