import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { MAX_UPLOAD_BYTES } from '../media/index.js';
import type { ImageBytes } from './image-source.js';

/**
 * A Ghost zip (the export's JSON beside a `content/images/` folder, as Ghost's own importer takes
 * it), read in place: nothing is extracted to disk. The zip's directory is checked first — how many
 * entries, how large they say they are once inflated (yauzl holds each entry to the size it
 * declares), and that no name leaves the archive (`..`, an absolute path) — so a zip bomb or a
 * crafted name is refused before anything is read.
 */
export interface ZipLimits {
  maxEntries: number;
  /** The sum of the entries' inflated sizes. */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 200_000, maxTotalBytes: 20 * 1024 ** 3 };

const IMAGES = 'content/images/';
/** Ghost's resized copies (`content/images/size/w600/format/webp/2024/05/x.jpg`) stand for the original. */
const SIZED_COPY = /^(?:size\/[wh]\d+(?:h\d+)?\/)?(?:format\/[a-z0-9]+\/)?/;

/** The zip is not one the importer reads: nothing was taken from it. */
export class ZipRefusedError extends Error {}

export class GhostZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly json: yauzl.Entry,
    private readonly images: Map<string, yauzl.Entry>,
  ) {}

  static async open(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<GhostZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(file);
    } catch (error) {
      throw new ZipRefusedError(`this zip file cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      if (zip.entryCount > limits.maxEntries)
        throw new ZipRefusedError(`the zip holds ${zip.entryCount} entries; at most ${limits.maxEntries} are read`);
      const jsons: yauzl.Entry[] = [];
      const images = new Map<string, yauzl.Entry>();
      let total = 0;
      for await (const entry of entriesOf(zip)) {
        checkName(entry.fileName);
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes)
          throw new ZipRefusedError(`the zip's files come to more than ${limits.maxTotalBytes / 1024 ** 3} GB once unpacked; refused`);
        if (entry.fileName.endsWith('/') || entry.isEncrypted()) continue;
        const at = entry.fileName.indexOf(IMAGES);
        if (at >= 0) images.set(entry.fileName.slice(at + IMAGES.length), entry);
        else if (/\.json$/i.test(entry.fileName) && !entry.fileName.split('/').some((part) => part.startsWith('.'))) jsons.push(entry);
      }
      // The export is the JSON nearest the top (a zip may hold the site's folder with it in).
      const depth = (entry: yauzl.Entry) => entry.fileName.split('/').length;
      const [json] = jsons.sort((a, b) => depth(a) - depth(b) || b.uncompressedSize - a.uncompressedSize);
      if (!json) throw new ZipRefusedError("the zip holds no .json file: a Ghost zip has the export's JSON beside its content/images folder");
      return new GhostZip(zip, json, images);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  get jsonName(): string {
    return this.json.fileName;
  }

  /** The export's JSON as decoded text, afresh each time (the importer reads it twice). */
  async *openJson(signal?: AbortSignal): AsyncGenerator<string> {
    const stream = await this.zip.openReadStreamPromise(this.json);
    stream.setEncoding('utf8');
    for await (const chunk of stream) {
      signal?.throwIfAborted();
      yield chunk as string;
    }
  }

  /**
   * A picture the export names (`__GHOST_URL__/content/images/2024/05/x.jpg`, or the old site's own
   * address), read from the zip's `content/images/`; null when the zip does not have it.
   */
  async readImage(url: string): Promise<ImageBytes | null> {
    const entry = this.imageEntry(url);
    if (!entry) return null;
    if (entry.uncompressedSize > MAX_UPLOAD_BYTES) return { ok: false, reason: `larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      return { ok: true, bytes: await readAll(stream, MAX_UPLOAD_BYTES) };
    } catch (error) {
      return { ok: false, reason: `could not be read from the zip (${error instanceof Error ? error.message : String(error)})` };
    }
  }

  close(): void {
    this.zip.close();
  }

  private imageEntry(url: string): yauzl.Entry | undefined {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url, 'https://ghost.invalid').pathname);
    } catch {
      return undefined;
    }
    const at = pathname.indexOf(`/${IMAGES}`);
    if (at < 0) return undefined;
    const relative = pathname.slice(at + IMAGES.length + 1);
    return this.images.get(relative) ?? this.images.get(relative.replace(SIZED_COPY, ''));
  }
}

/** yauzl refuses `..` and absolute names itself; checked again here, so no name can ever leave the archive. */
function checkName(name: string): void {
  if (name.startsWith('/') || /^[a-z]:/i.test(name) || name.includes('\\') || name.includes('\0') || name.split('/').includes('..'))
    throw new ZipRefusedError(`the zip holds an entry whose name leaves the archive (${JSON.stringify(name.slice(0, 200))}); refused`);
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

async function* entriesOf(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  try {
    yield* zip.eachEntry();
  } catch (error) {
    // yauzl's own checks: names that leave the archive, a broken directory.
    const message = error instanceof Error ? error.message : String(error);
    throw new ZipRefusedError(
      /path|file ?name/i.test(message) ? `the zip holds an entry whose name is refused (${message})` : `this zip file cannot be read (${message})`,
    );
  }
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
