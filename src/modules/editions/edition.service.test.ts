import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_EDITION_ID } from '../../db/migrations/0027-editions.migration.js';
import { defineReaction, EventBus } from '../../shared/events.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { EditionService } from './edition.service.js';

describe('editions', () => {
  let t: TestApp;
  let editions: EditionService;
  before(async () => {
    t = await createTestApp();
    editions = new EditionService(t.deps.db, t.clock, () => t.deps.settings.publication, t.deps.events);
    await editions.load();
  });
  after(() => t.close());

  const korean = { code: 'ko', pathPrefix: 'ko', name: '더 데일리', tagline: '서울에서 본 아시아와 세계', timeZone: 'Asia/Seoul' };
  const count = async () => (await t.deps.db.selectFrom('editions').select('id').execute()).length;

  it('starts with the default edition at /, in the publication’s language, named as the publication', async () => {
    const only = editions.all;
    assert.equal(only.length, 1);
    const first = editions.defaultEdition;
    assert.equal(first.id, DEFAULT_EDITION_ID);
    assert.equal(first.code, t.deps.settings.publication.language);
    assert.equal(first.pathPrefix, '');
    assert.equal(first.name, t.deps.settings.publication.name);
    assert.equal(first.timeZone, t.deps.settings.publication.timeZone);
    assert.ok(first.enabled && first.isDefault);
    // Stories and sections written before editions belong to it.
    const story = await t.factories.article();
    const row = await t.deps.db
      .selectFrom('articles')
      .select(['edition_id', 'translation_group_id'])
      .where('id', '=', story.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { edition_id: DEFAULT_EDITION_ID, translation_group_id: null });
  });

  it('adds an edition under its prefix, and finds it by prefix while it is switched on', async () => {
    const ko = await editions.create({ ...korean, code: 'KO' });
    assert.equal(ko.code, 'ko', 'the tag is stored in its canonical form');
    assert.equal(editions.byPrefix('ko')?.id, ko.id);
    assert.equal(editions.byPrefix(''), undefined, 'the default edition has no prefix to find');
    await editions.setEnabled(ko.id, false);
    assert.equal(editions.byPrefix('ko'), undefined, 'switched off: its pages are not found');
    await editions.setEnabled(ko.id, true);
    const renamed = await editions.update(ko.id, { ...korean, name: '데이트라인 데일리' });
    assert.equal(renamed.name, '데이트라인 데일리');
  });

  it('refuses bad input with a code, and writes nothing', async () => {
    const before = await count();
    const bad = [
      { ...korean, code: 'not a language!' },
      { ...korean, code: '' },
      { ...korean, code: 'x'.repeat(40) },
      { ...korean, code: 'ja', pathPrefix: 'JA' },
      { ...korean, code: 'ja', pathPrefix: 'ja/x' },
      { ...korean, code: 'ja', pathPrefix: '' },
      // The site's own first segments cannot be an edition's.
      { ...korean, code: 'ja', pathPrefix: 'api' },
      { ...korean, code: 'ja', pathPrefix: 'tag' },
      { ...korean, code: 'ja', pathPrefix: 'ja', name: '' },
      { ...korean, code: 'ja', pathPrefix: 'ja', name: 'x'.repeat(101) },
      { ...korean, code: 'ja', pathPrefix: 'ja', name: 'Daily\r\nBcc: x' },
      { ...korean, code: 'ja', pathPrefix: 'ja', timeZone: 'Mars/Olympus' },
    ];
    for (const input of bad) await rejectsWithCode(editions.create(input), 'ERR_EDITION_INVALID');
    await rejectsWithCode(editions.create({ ...korean, pathPrefix: 'kr' }), 'ERR_EDITION_TAKEN');
    await rejectsWithCode(editions.create({ ...korean, code: 'ja' }), 'ERR_EDITION_TAKEN');
    await rejectsWithCode(editions.create({ ...korean, code: 'EN', pathPrefix: 'en' }), 'ERR_EDITION_TAKEN');
    await rejectsWithCode(editions.update(DEFAULT_EDITION_ID, korean), 'ERR_EDITION_DEFAULT_FIXED');
    await rejectsWithCode(editions.setEnabled(DEFAULT_EDITION_ID, false), 'ERR_EDITION_DEFAULT_FIXED');
    await rejectsWithCode(editions.setEnabled('00000000-0000-4000-8000-000000000000', false), 'ERR_EDITION_NOT_FOUND');
    assert.equal(await count(), before);
  });

  it('names each problem by its field, a bad value apart from one already taken', () => {
    assert.deepEqual(
      editions.problemsWith({ ...korean, code: '!!', pathPrefix: 'api', name: '', tagline: 'x'.repeat(201), timeZone: 'Mars/Olympus' }),
      [
        { field: 'code', code: 'ERR_EDITION_INVALID' },
        { field: 'pathPrefix', code: 'ERR_EDITION_INVALID' },
        { field: 'name', code: 'ERR_EDITION_INVALID' },
        { field: 'tagline', code: 'ERR_EDITION_INVALID' },
        { field: 'timeZone', code: 'ERR_EDITION_INVALID' },
      ],
    );
    const ko = editions.all.find((edition) => edition.code === 'ko');
    assert.ok(ko);
    assert.deepEqual(editions.problemsWith({ ...korean, code: 'KO' }), [
      { field: 'code', code: 'ERR_EDITION_TAKEN' },
      { field: 'pathPrefix', code: 'ERR_EDITION_TAKEN' },
    ]);
    assert.deepEqual(editions.problemsWith(korean, ko.id), [], 'an edition keeps its own language and prefix');
  });

  it('announces each change, so every node reloads (editions.changed)', async () => {
    const heard: string[] = [];
    t.deps.events.register(
      defineReaction({
        name: 'test-editions',
        runsOn: 'everywhere',
        events: ['editions.changed'],
        handle: async (event) => void heard.push(event.editionId),
      }),
    );
    const ko = editions.all.find((edition) => edition.code === 'ko');
    assert.ok(ko);
    await editions.setEnabled(ko.id, false);
    await editions.update(ko.id, korean);
    await editions.setEnabled(ko.id, true);
    assert.deepEqual(heard, [ko.id, ko.id, ko.id]);
  });

  it('refuses with 409 what another node took meanwhile, though its own rows were stale', async () => {
    const otherNode = new EditionService(t.deps.db, t.clock, () => t.deps.settings.publication, new EventBus());
    await otherNode.load();
    const japanese = { code: 'ja', pathPrefix: 'ja', name: 'デイリー', tagline: '', timeZone: 'Asia/Tokyo' };
    const ja = await editions.create(japanese);
    await rejectsWithCode(otherNode.create({ ...japanese, pathPrefix: 'jp' }), 'ERR_EDITION_TAKEN');
    const ko = editions.all.find((edition) => edition.code === 'ko');
    assert.ok(ko);
    await rejectsWithCode(otherNode.update(ko.id, { ...korean, pathPrefix: 'ja' }), 'ERR_EDITION_TAKEN');
    assert.equal(otherNode.find(ja.id).code, 'ja', 'and it has read the rows again');
  });

  it('keeps at most one story per edition in a group of translations', async () => {
    const [english, other] = [await t.factories.article(), await t.factories.article()];
    const group = 'group-1';
    await t.deps.db.updateTable('articles').set({ translation_group_id: group }).where('id', '=', english.id).execute();
    await assert.rejects(t.deps.db.updateTable('articles').set({ translation_group_id: group }).where('id', '=', other.id).execute());
  });
});
