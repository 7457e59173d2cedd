import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { newId } from '../../shared/ids.js';
import type { JobFailure } from '../../shared/jobs/job.types.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { AVIF_BACKLOG_JOB } from './avif-backlog.job.js';
import { writeImageVariants } from './image-variants.js';
import { MediaUploadService, type MediaLogger } from './media-upload.service.js';
import { findMediaById, insertMediaAsset } from './media.repository.js';

const DETAILS = { alt: 'Harbour cranes at dusk', caption: '', credit: '' };

function solidPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6f97' } })
    .png()
    .toBuffer();
}

describe('AVIF variants after a restart', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** An asset as a node that stopped before its AVIF job ran leaves it: WebP and JPEG files, no AVIF. */
  async function storedWithoutAvif(width: number, height: number): Promise<string> {
    const id = newId();
    const result = await writeImageVariants(t.deps.mediaDir, id, await solidPng(width, height));
    await insertMediaAsset(
      t.deps.db,
      { id, mimeType: 'image/png', width: result.width, height: result.height, ...DETAILS, variants: result.variants },
      t.clock.now(),
      { avifPending: true },
    );
    return id;
  }

  const avifWidths = async (id: string) => (await findMediaById(t.deps.db, id))?.variants.filter((v) => v.format === 'avif').map((v) => v.width);

  it('at start, makes the AVIF variants of every asset stored without them, from its widest stored variant', async () => {
    const { asset: done } = await t.deps.media.upload({ bytes: await solidPng(800, 400), originalName: 'done.png', ...DETAILS });
    await t.deps.media.idle();
    const doneVariants = (await findMediaById(t.deps.db, done.id))?.variants;
    const wide = await storedWithoutAvif(2000, 1000);
    const narrow = await storedWithoutAvif(1000, 600);
    const announced: string[] = [];
    t.deps.events.on('media.changed', ({ mediaIds }) => void announced.push(...mediaIds));

    const failures: JobFailure[] = [];
    t.deps.jobs.start({ onFailure: (failure) => failures.push(failure) });
    await t.deps.jobs.idle(AVIF_BACKLOG_JOB);
    await t.deps.jobs.stop();

    assert.deepEqual(await avifWidths(wide), [480, 960, 1440], 'the same widths as from the upload itself');
    assert.deepEqual(await avifWidths(narrow), [480, 960, 1000]);
    const stored = await findMediaById(t.deps.db, wide);
    for (const variant of stored?.variants.filter((v) => v.format === 'avif') ?? []) {
      assert.equal((await sharp(path.join(t.deps.mediaDir, variant.file)).metadata()).compression, 'av1');
    }
    assert.deepEqual([...announced].sort(), [wide, narrow].sort(), 'announced, so pages offer them');
    assert.deepEqual((await findMediaById(t.deps.db, done.id))?.variants, doneVariants, 'an asset with AVIF variants is left alone');
    assert.deepEqual(failures, []);
    const status = t.deps.jobs.statuses().find((job) => job.name === AVIF_BACKLOG_JOB);
    assert.deepEqual([status?.atStart, status?.leaderOnly, status?.runs, status?.failures], [true, true, 1, 0]);
  });

  it('leaves alone assets that never asked for AVIF variants (the demo, imports)', async () => {
    const imported = newId();
    const result = await writeImageVariants(t.deps.mediaDir, imported, await solidPng(900, 500));
    await insertMediaAsset(
      t.deps.db,
      { id: imported, mimeType: 'image/png', width: result.width, height: result.height, ...DETAILS, variants: result.variants },
      t.clock.now(),
    );
    await t.deps.media.avif.queueMissing();
    assert.deepEqual(await avifWidths(imported), []);
  });

  it('logs an asset it cannot encode once, leaves it for the next start, and finishes the rest', async () => {
    const errors: string[] = [];
    const log: MediaLogger = { info: () => {}, error: (_details, message) => void errors.push(message) };
    // A service of its own (no job runner): its runs are coalesced by the service itself.
    const media = new MediaUploadService({
      db: t.deps.db,
      clock: t.clock,
      events: t.deps.events,
      mediaDir: t.deps.mediaDir,
      audit: t.deps.audit,
      log,
    });
    const broken = await t.factories.media(); // its rows name files that were never written
    await t.deps.db.updateTable('media_assets').set({ avif_pending: 1 }).where('id', '=', broken).execute();
    const fine = await storedWithoutAvif(600, 300);
    await media.avif.queueMissing();
    assert.deepEqual(errors, ['AVIF variants failed']);
    assert.deepEqual(await avifWidths(broken), []);
    assert.deepEqual(await avifWidths(fine), [480, 600]);
    await media.avif.queueMissing();
    assert.deepEqual(errors, ['AVIF variants failed'], 'not tried again by this process');
  });
});
