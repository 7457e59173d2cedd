import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ImportReportBuilder } from './import-report.js';
import type { ImportDeps } from './import.types.js';
import type { PlannedStory } from './planned-story.js';
import { StoryPictures } from './story-pictures.js';

const SOURCE = 'test:pictures';
const URL_OF_PICTURE = 'https://old.example/wp-content/uploads/2024/05/pier.png';

function storyWithPicture(): PlannedStory {
  return {
    kind: 'post',
    sourceId: '1',
    headline: 'Pier 4',
    standfirst: '',
    slug: 'pier-4',
    status: 'published',
    publishedAt: new Date(Date.UTC(2024, 4, 31)),
    updatedAt: null,
    categorySlugs: [],
    tagNames: [],
    authorLogins: [],
    body: { body: [], images: [], warnings: [] },
    hero: { url: URL_OF_PICTURE, alt: 'Pier 4 at dusk', caption: '', credit: '', attachmentId: null },
    comments: [],
    oldPaths: [],
    warnings: [],
    checksum: 'sum',
  };
}

/** The kill -9 window: a picture's row and its ledger row are one transaction, so a rerun never stores it twice. */
describe('story pictures: a process killed while a picture is stored', () => {
  let t: TestApp;
  let bytes: Buffer;
  before(async () => {
    t = await createTestApp();
    bytes = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } })
      .png()
      .toBuffer();
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  const count = async (table: 'media_assets' | 'import_items') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const pictures = (deps: ImportDeps) =>
    new StoryPictures(
      deps,
      SOURCE,
      { baseUrl: 'https://old.example', loadImage: async () => ({ ok: true, bytes }) },
      new ImportReportBuilder(SOURCE, false, t.clock.now()),
    );

  it('leaves neither the picture nor its ledger row when the process dies before they commit, and the rerun stores it once', async () => {
    // The process dies after the picture's row and ledger row are written, before they commit: as
    // kill -9 does, the database keeps neither (here the transaction is rolled back by the throw).
    let recordedWithPicture = false;
    const dying: ImportDeps = {
      ...t.deps,
      media: {
        upload: (request, actor, options = {}) =>
          t.deps.media.upload(request, actor, {
            ...options,
            alongside: async (trx, asset) => {
              await options.alongside?.(trx, asset);
              const ledger = await trx.selectFrom('import_items').select('target_id').where('kind', '=', 'image').execute();
              recordedWithPicture = ledger.map((row) => row.target_id).includes(asset.id);
              throw new Error('killed');
            },
          }),
      },
    };
    const first = await pictures(dying).upload(storyWithPicture(), 'Pier 4');
    assert.equal(first.hero, null, 'the picture did not go in');
    assert.ok(recordedWithPicture, 'the ledger row is written in the picture’s own transaction');
    assert.equal(await count('media_assets'), 0);
    assert.equal(await count('import_items'), 0);

    const rerun = await pictures(t.deps).upload(storyWithPicture(), 'Pier 4');
    assert.ok(rerun.hero);
    const again = await pictures(t.deps).upload(storyWithPicture(), 'Pier 4');
    assert.equal(again.hero, rerun.hero, 'found in the ledger, not stored again');
    assert.equal(await count('media_assets'), 1);
    assert.equal(await count('import_items'), 1);
  });
});
