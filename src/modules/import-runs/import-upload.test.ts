import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { AppError } from '../../shared/errors.js';
import { cleanFileName, storeUpload } from './import-upload.js';

const WXR_START = '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n';

/** A source that arrives in small chunks, as a slow upload does. */
function chunked(text: string | Buffer, size = 1000): Readable {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return Readable.from(chunks);
}

describe('storeUpload: an export written to disk as it arrives, checked on the way', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dateline-import-upload-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const store = (source: Readable, maxBytes = 10_000) => storeUpload(source, { dir, fileName: 'export.xml', maxBytes });

  it('keeps a WordPress export whole, up to exactly the limit', async () => {
    const text = WXR_START + ' '.repeat(10_000 - Buffer.byteLength(WXR_START));
    const upload = await store(chunked(text));
    assert.equal(upload.kind, 'wordpress');
    assert.equal(upload.bytes, 10_000);
    assert.match(path.basename(upload.path), /^upload-[0-9a-f-]{36}\.part$/);
    assert.equal(await readFile(upload.path, 'utf8'), text);
    await rm(upload.path);
  });

  it('refuses one byte over the limit, removing what was written, and reads the rest of the source', async () => {
    const source = chunked(WXR_START + ' '.repeat(20_000));
    await rejectsWithCode(store(source), 'ERR_IMPORT_FILE_TOO_LARGE');
    assert.deepEqual(await readdir(dir), []);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(source.readableEnded || source.readableFlowing, 'the source is drained, not left paused');
  });

  it('names what another kind of file is, from its first bytes, before writing the rest', async () => {
    const cases: Array<[string, RegExp]> = [
      ['{"items": []}', /^This is a JSON file, but not a Ghost export, which keeps its posts under "db" or "data"\.$/],
      ['[{"id": 1}]', /^This is a JSON array, not a Ghost export/],
      ['Just some words', /^This is neither a WordPress export \(an XML file\) nor a Ghost export \(a JSON or zip file\)\.$/],
      ['\uFEFF   \n  ', /^The file is empty\.$/],
    ];
    for (const [text, sentence] of cases) {
      await assert.rejects(store(chunked(text + ' '.repeat(9000))), (error: unknown) => {
        assert.ok(error instanceof AppError && error.code === 'ERR_IMPORT_FILE_REFUSED', String(error));
        assert.match(error.message, sentence);
        return true;
      });
    }
    assert.deepEqual(await readdir(dir), []);
  });

  it('tells a Ghost export (JSON or zip) from a WordPress one; an empty file is refused', async () => {
    await rejectsWithCode(store(chunked('')), 'ERR_IMPORT_FILE_EMPTY');
    for (const text of ['{"db":[{"meta":{},"data":{"posts":[]}}]}', '{\n  "meta": {},\n  "data": {"posts": []}}', 'PK\u0003\u0004 zipped']) {
      const ghost = await store(chunked(text));
      assert.equal(ghost.kind, 'ghost', text);
      await rm(ghost.path);
    }
    assert.deepEqual(await readdir(dir), []);
  });

  it('keeps the browser’s file name without folders or control characters', () => {
    assert.equal(cleanFileName('C:\\Users\\mj\\export\u202Elmx.xml'), 'exportlmx.xml');
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName(''), 'export');
  });
});
