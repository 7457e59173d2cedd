import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import sharp, { type Sharp } from 'sharp';
import type { ErrorCode } from '../../shared/errors.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { findMediaById } from './media.repository.js';
import { MAX_UPLOAD_BYTES, MediaUploadService, type MediaLogger, type MediaUploadRequest } from './media-upload.service.js';

const DETAILS = { alt: 'Harbour cranes at dusk', caption: 'The east quay.', credit: 'Test Agency' };

function solid(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: '#2a6f97' } });
}

/** Noise, so a JPEG is long enough for a cut to land in the pixel data rather than the header. */
function noisy(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header claiming a size, with a few bytes of pixel data: nothing that size is allocated. */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(16))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Makes every statement of one kind fail, on either engine, to test what a failed write leaves. */
function failing(kind: RootOperationNode['kind']): KyselyPlugin {
  return {
    transformQuery: ({ node }) => {
      if (node.kind === kind) throw new Error(`forced ${kind} failure`);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

function capturingLog(): MediaLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, error: (_details, message) => errors.push(message) };
}

describe('media uploads', () => {
  let t: TestApp;
  let media: MediaUploadService;
  let mediaDir: string;
  const files = () => (fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : []);
  const rows = async () => (await media.list({ limit: 100, offset: 0 })).length;

  before(async () => {
    t = await createTestApp();
    media = t.deps.media;
    mediaDir = t.deps.mediaDir;
  });
  after(async () => {
    await media.idle();
    await t.close();
  });

  async function expectRefused(request: MediaUploadRequest, code: ErrorCode, status: number, service = media): Promise<void> {
    await service.idle();
    const [filesBefore, rowsBefore] = [files(), await rows()];
    await assert.rejects(service.upload(request), { name: 'AppError', code, status });
    await service.idle();
    assert.deepEqual(files(), filesBefore, 'no file written or left behind');
    assert.equal(await rows(), rowsBefore, 'no row stored');
  }

  const formats = {
    jpeg: () => solid(1000, 600).jpeg().toBuffer(),
    png: () => solid(1000, 600).png().toBuffer(),
    webp: () => solid(1000, 600).webp().toBuffer(),
    avif: () => solid(1000, 600).avif({ effort: 0 }).toBuffer(),
  };
  for (const [format, make] of Object.entries(formats)) {
    it(`accepts ${format} by its content and writes WebP widths and a JPEG fallback`, async () => {
      const { asset } = await media.upload({ bytes: await make(), originalName: 'photo.bin', ...DETAILS });
      assert.equal(asset.mimeType, `image/${format}`);
      assert.deepEqual([asset.width, asset.height], [1000, 600]);
      assert.deepEqual(
        asset.variants.map((v) => `${v.format}:${v.width}x${v.height}`),
        ['webp:480x288', 'webp:960x576', 'webp:1000x600', 'jpeg:1000x600'],
      );
      for (const variant of asset.variants) {
        assert.ok(variant.file.startsWith(`${asset.id}-`));
        const stored = await sharp(path.join(mediaDir, variant.file)).metadata();
        assert.equal(stored.format, variant.format);
        assert.equal(stored.width, variant.width);
      }
      assert.deepEqual(await t.deps.db.selectFrom('media_assets').select('alt').where('id', '=', asset.id).execute(), [{ alt: DETAILS.alt }]);
      await media.idle();
    });
  }

  const refusals: Array<[string, () => Promise<Buffer>, ErrorCode, number]> = [
    [
      'an HTML page named .jpg',
      async () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
      'ERR_MEDIA_UNSUPPORTED_TYPE',
      415,
    ],
    ['plain text', async () => Buffer.from('just some words, not an image'), 'ERR_MEDIA_UNSUPPORTED_TYPE', 415],
    [
      'an SVG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle r="10"/></svg>'),
      'ERR_MEDIA_UNSUPPORTED_TYPE',
      415,
    ],
    ['a GIF', () => solid(40, 40).gif().toBuffer(), 'ERR_MEDIA_UNSUPPORTED_TYPE', 415],
    ['a TIFF', () => solid(40, 40).tiff().toBuffer(), 'ERR_MEDIA_UNSUPPORTED_TYPE', 415],
    [
      'a truncated JPEG',
      async () => {
        const jpeg = await noisy(400, 300).jpeg().toBuffer();
        return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
      },
      'ERR_MEDIA_UNREADABLE',
      400,
    ],
    ['a JPEG cut inside its header', async () => (await solid(40, 40).jpeg().toBuffer()).subarray(0, 40), 'ERR_MEDIA_UNREADABLE', 400],
    [
      'a truncated PNG',
      async () => {
        const png = await noisy(400, 300).png().toBuffer();
        return png.subarray(0, Math.floor(png.length * 0.6));
      },
      'ERR_MEDIA_UNREADABLE',
      400,
    ],
    ['an empty file', async () => Buffer.alloc(0), 'ERR_MEDIA_UNREADABLE', 400],
    ['a 21 MB file', async () => Buffer.alloc(21 * 1024 * 1024), 'ERR_MEDIA_FILE_TOO_LARGE', 413],
    ['a PNG whose header claims 30,000 × 30,000 px', async () => pngClaiming(30_000, 30_000), 'ERR_MEDIA_IMAGE_TOO_LARGE', 413],
    ['a PNG 13,000 px wide (under 40 megapixels)', async () => pngClaiming(13_000, 100), 'ERR_MEDIA_IMAGE_TOO_LARGE', 413],
  ];
  for (const [name, make, code, status] of refusals) {
    it(`refuses ${name} with ${code} and writes nothing`, async () => {
      await expectRefused({ bytes: await make(), originalName: 'photo.jpg', ...DETAILS }, code, status);
    });
  }

  it('refuses one byte over 20 MB by size, and reads exactly 20 MB as content', async () => {
    await expectRefused({ bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1), originalName: 'a.jpg', ...DETAILS }, 'ERR_MEDIA_FILE_TOO_LARGE', 413);
    await expectRefused({ bytes: Buffer.alloc(MAX_UPLOAD_BYTES), originalName: 'a.jpg', ...DETAILS }, 'ERR_MEDIA_UNSUPPORTED_TYPE', 415);
  });

  it('keeps a path-like original name only as text and names files from its own id', async () => {
    const bytes = await solid(300, 200).jpeg().toBuffer();
    const names: Array<[string, string]> = [
      ['../../etc/passwd.jpg', 'passwd.jpg'],
      ['..\\..\\windows\\win.ini.jpg', 'win.ini.jpg'],
      ['/var/www/index.jpg', 'index.jpg'],
      ['cat\u202Egpj.exe', 'catgpj.exe'],
      ['../', 'image'],
    ];
    for (const [originalName, expected] of names) {
      await media.idle();
      const before = new Set(files());
      const { asset, originalName: kept } = await media.upload({ bytes, originalName, ...DETAILS });
      assert.equal(kept, expected);
      const added = files().filter((file) => !before.has(file));
      assert.ok(added.length > 0 && added.every((file) => file.startsWith(`${asset.id}-`)), added.join());
    }
    assert.equal(fs.existsSync(path.join(mediaDir, '..', '..', 'etc', 'passwd.jpg')), false);
    await media.idle();
  });

  it('requires alt text and bounds caption and credit, before touching the file', async () => {
    const bytes = await solid(40, 40).png().toBuffer();
    const { alt: _alt, ...withoutAlt } = DETAILS;
    await expectRefused({ bytes, originalName: 'a.png', ...withoutAlt } as MediaUploadRequest, 'ERR_MEDIA_DETAILS_INVALID', 400);
    await expectRefused({ bytes, originalName: 'a.png', ...DETAILS, alt: '   ' }, 'ERR_MEDIA_DETAILS_INVALID', 400);
    await expectRefused({ bytes, originalName: 'a.png', ...DETAILS, alt: 'x'.repeat(301) }, 'ERR_MEDIA_DETAILS_INVALID', 400);
    await expectRefused({ bytes, originalName: 'a.png', ...DETAILS, caption: 'x'.repeat(1001) }, 'ERR_MEDIA_DETAILS_INVALID', 400);
    await expectRefused({ bytes, originalName: 'a.png', ...DETAILS, credit: 'x'.repeat(201) }, 'ERR_MEDIA_DETAILS_INVALID', 400);
    const { asset } = await media.upload({ bytes, originalName: 'a.png', alt: '  Trimmed  ', caption: undefined, credit: ' AP ' });
    assert.deepEqual([asset.alt, asset.caption, asset.credit], ['Trimmed', '', 'AP']);
    await media.idle();
  });

  it('strips EXIF and GPS metadata from every stored variant', async () => {
    const bytes = await solid(600, 400)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 0/1' } } })
      .toBuffer();
    assert.match((await sharp(bytes).metadata()).exif?.toString('latin1') ?? '', /secret/, 'the upload does carry EXIF');
    const { asset } = await media.upload({ bytes, originalName: 'gps.jpg', ...DETAILS });
    await media.idle();
    const stored = await findMediaById(t.deps.db, asset.id);
    assert.ok(
      stored?.variants.some((v) => v.format === 'avif'),
      'AVIF variants are checked too',
    );
    for (const variant of stored?.variants ?? []) {
      const metadata = await sharp(path.join(mediaDir, variant.file)).metadata();
      assert.equal(metadata.exif, undefined, variant.file);
      assert.equal(metadata.orientation, undefined, variant.file);
      assert.ok(!fs.readFileSync(path.join(mediaDir, variant.file)).includes('secret'), variant.file);
    }
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    const bytes = await solid(64, 32).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { asset } = await media.upload({ bytes, originalName: 'sideways.jpg', ...DETAILS });
    assert.deepEqual([asset.width, asset.height], [32, 64]);
    for (const variant of asset.variants) assert.deepEqual([variant.width, variant.height], [32, 64]);
    await media.idle();
  });

  it('adds AVIF variants in the background and announces them', async () => {
    const changed: string[] = [];
    t.deps.events.on('media.changed', ({ mediaIds }) => void changed.push(...mediaIds));
    const { asset } = await media.upload({ bytes: await solid(1000, 600).png().toBuffer(), originalName: 'a.png', ...DETAILS });
    assert.ok(
      asset.variants.every((v) => v.format !== 'avif'),
      'the upload returns before AVIF is made',
    );
    await media.idle();
    const stored = await findMediaById(t.deps.db, asset.id);
    assert.ok(stored);
    const avif = stored.variants.filter((v) => v.format === 'avif');
    assert.deepEqual(
      avif.map((v) => v.width),
      [480, 960, 1000],
    );
    for (const variant of avif) assert.equal((await sharp(path.join(mediaDir, variant.file)).metadata()).compression, 'av1');
    assert.equal(stored.variants.length, asset.variants.length + avif.length);
    assert.ok(changed.includes(asset.id));
  });

  it('logs a failing AVIF job, removes its files and leaves the asset usable', async () => {
    const log = capturingLog();
    const service = new MediaUploadService({
      db: t.deps.db.withPlugin(failing('UpdateQueryNode')),
      clock: t.clock,
      events: t.deps.events,
      mediaDir,
      audit: t.deps.audit,
      log,
    });
    const { asset } = await service.upload({ bytes: await solid(500, 300).png().toBuffer(), originalName: 'a.png', ...DETAILS });
    await service.idle();
    assert.deepEqual(log.errors, ['AVIF variants failed']);
    const stored = (await media.list({ limit: 100, offset: 0 })).find((a) => a.id === asset.id);
    assert.deepEqual(stored?.variants, asset.variants);
    assert.deepEqual(
      files().filter((file) => file.startsWith(asset.id)),
      asset.variants.map((v) => v.file).sort(),
    );
  });

  it('removes every written file when storing the row fails', async () => {
    const service = new MediaUploadService({
      db: t.deps.db.withPlugin(failing('InsertQueryNode')),
      clock: t.clock,
      events: t.deps.events,
      mediaDir,
      audit: t.deps.audit,
      log: capturingLog(),
    });
    const bytes = await solid(1000, 600).jpeg().toBuffer();
    const [filesBefore, rowsBefore] = [files(), await rows()];
    await assert.rejects(service.upload({ bytes, originalName: 'a.jpg', ...DETAILS }), /forced InsertQueryNode failure/);
    await service.idle();
    assert.deepEqual(files(), filesBefore);
    assert.equal(await rows(), rowsBefore);
  });

  it('updates details with the same rules and announces the change', async () => {
    const { asset } = await media.upload({ bytes: await solid(40, 40).png().toBuffer(), originalName: 'a.png', ...DETAILS });
    // Let the background AVIF job finish first, or it may add variants between the two reads below.
    await media.idle();
    const changed: string[] = [];
    t.deps.events.on('media.changed', ({ mediaIds }) => void changed.push(...mediaIds));
    const updated = await media.updateDetails(asset.id, { alt: ' New alt ', caption: ' New caption ', credit: '' });
    assert.deepEqual([updated.alt, updated.caption, updated.credit], ['New alt', 'New caption', '']);
    assert.deepEqual(updated.variants, (await media.list({ limit: 100, offset: 0 })).find((a) => a.id === asset.id)?.variants);
    assert.ok(changed.includes(asset.id));

    for (const bad of [
      { alt: '' },
      { alt: ' \n ' },
      { alt: 'x'.repeat(301) },
      { alt: 'ok', caption: 'x'.repeat(1001) },
      { alt: 'ok', credit: 'x'.repeat(201) },
    ]) {
      await assert.rejects(media.updateDetails(asset.id, bad), { code: 'ERR_MEDIA_DETAILS_INVALID', status: 400 }, JSON.stringify(bad).slice(0, 40));
    }
    await assert.rejects(media.updateDetails('00000000-0000-0000-0000-000000000000', { alt: 'ok' }), { code: 'ERR_MEDIA_NOT_FOUND', status: 404 });
    await media.idle();
  });

  it('lists the library newest first, a page at a time', async () => {
    const bytes = await solid(40, 40).png().toBuffer();
    t.clock.advance(60_000);
    const older = await media.upload({ bytes, originalName: 'older.png', ...DETAILS });
    t.clock.advance(60_000);
    const newer = await media.upload({ bytes, originalName: 'newer.png', ...DETAILS });
    await media.idle();
    const firstTwo = await media.list({ limit: 2, offset: 0 });
    assert.deepEqual(
      firstTwo.map((a) => a.id),
      [newer.asset.id, older.asset.id],
    );
    const all = await media.list({ limit: 100, offset: 0 });
    assert.deepEqual(
      (await media.list({ limit: 3, offset: 1 })).map((a) => a.id),
      all.slice(1, 4).map((a) => a.id),
    );
    for (const bad of [
      { limit: 0, offset: 0 },
      { limit: 101, offset: 0 },
      { limit: 10, offset: -1 },
      { limit: 1.5, offset: 0 },
    ]) {
      assert.throws(() => media.list(bad), { code: 'ERR_BAD_REQUEST' });
    }
  });
});
