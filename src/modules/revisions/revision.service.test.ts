import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleBody } from '../../shared/article-body.js';
import type { Actor } from '../articles/index.js';
import { findArticleBySlug } from '../articles/article-page.repository.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const paragraphs = (...texts: string[]): ArticleBody => texts.map((text) => ({ type: 'paragraph', content: [{ text }] }));

describe('revisions', () => {
  let t: TestApp;
  let reporter: Actor;
  let id: string;
  let sectionId: string;
  let authorIds: string[];
  before(async () => {
    t = await createTestApp();
    reporter = await t.factories.staffUser({ role: 'reporter' });
    sectionId = (await t.factories.section()).id;
    authorIds = [(await t.factories.author()).id];
    const base = { sectionId, authorIds, slug: 'history', standfirst: 'Unchanged.' };
    id = await t.deps.editing.createDraft(
      reporter,
      await t.factories.articleInput({ ...base, headline: 'First', tags: ['Ports'], body: paragraphs('One.', 'Two.') }),
    );
    t.clock.advance(60_000);
    await t.deps.editing.update(
      reporter,
      id,
      await t.factories.articleInput({ ...base, headline: 'Second', tags: ['Ports', 'Busan'], body: paragraphs('One.', 'Two, revised.', 'Three.') }),
    );
    t.clock.advance(60_000);
    await t.deps.editing.update(reporter, id, await t.factories.articleInput({ ...base, headline: 'Third', body: paragraphs('Three.') }));
  });
  after(() => t.close());

  it('numbers every save and lists them newest first, with who saved them and every field', async () => {
    const revisions = await t.deps.revisions.listRevisions(id);
    assert.deepEqual(
      revisions.map((r) => r.number),
      [3, 2, 1],
    );
    assert.ok(revisions.every((r) => r.authorUserId === reporter.id));
    assert.ok((revisions[0]?.createdAt.getTime() ?? 0) > (revisions[2]?.createdAt.getTime() ?? 0));
    const second = revisions[1]?.snapshot;
    assert.equal(second?.headline, 'Second');
    assert.deepEqual(second?.tags, ['Ports', 'Busan']);
    assert.deepEqual(second?.authorIds, authorIds);
    assert.equal(second?.sectionId, sectionId);
    assert.deepEqual(second?.body, paragraphs('One.', 'Two, revised.', 'Three.'));
    assert.deepEqual(await t.deps.revisions.listRevisions('no-such-story'), []);
  });

  it('compares two revisions field by field and the body paragraph by paragraph', async () => {
    const diff = await t.deps.revisions.diffRevisions(id, 1, 2);
    assert.deepEqual(
      diff.fields.map((change) => change.field),
      ['headline', 'tags'],
    );
    assert.deepEqual(diff.fields[0], { field: 'headline', before: 'First', after: 'Second' });
    assert.deepEqual(diff.body, [
      { op: 'same', text: 'One.' },
      { op: 'removed', text: 'Two.' },
      { op: 'added', text: 'Two, revised.' },
      { op: 'added', text: 'Three.' },
    ]);
    await rejectsWithCode(t.deps.revisions.diffRevisions(id, 1, 99), 'ERR_REVISION_NOT_FOUND');
  });

  it('restores an old revision as a new one, never rewriting history', async () => {
    const number = await t.deps.revisions.restore(reporter, id, 1);
    assert.equal(number, 4);
    const revisions = await t.deps.revisions.listRevisions(id);
    assert.deepEqual(
      revisions.map((r) => r.number),
      [4, 3, 2, 1],
    );
    assert.deepEqual(revisions[0]?.snapshot, revisions[3]?.snapshot);
    assert.equal(revisions[1]?.snapshot.headline, 'Third');
    const article = await findArticleBySlug(t.deps.db, 'history');
    assert.equal(article?.headline, 'First');
    assert.deepEqual(
      article?.tags.map((tag) => tag.name),
      ['Ports'],
    );
    assert.deepEqual(article?.body, paragraphs('One.', 'Two.'));
    assert.deepEqual((await t.deps.revisions.diffRevisions(id, 1, 4)).fields, []);
  });

  it('refuses a restore by someone who may not edit the story, or of a revision that does not exist', async () => {
    const stranger = await t.factories.staffUser({ role: 'contributor' });
    await rejectsWithCode(t.deps.revisions.restore(stranger, id, 2), 'ERR_STORY_FORBIDDEN');
    await rejectsWithCode(t.deps.revisions.restore(reporter, id, 99), 'ERR_REVISION_NOT_FOUND');
    await rejectsWithCode(t.deps.revisions.restore(reporter, id, Number.NaN), 'ERR_REVISION_NOT_FOUND');
    await rejectsWithCode(t.deps.revisions.restore(reporter, 'no-such-story', 1), 'ERR_ARTICLE_NOT_FOUND');
    assert.equal((await t.deps.revisions.listRevisions(id)).length, 4);
    assert.equal((await findArticleBySlug(t.deps.db, 'history'))?.headline, 'First');
  });
});
