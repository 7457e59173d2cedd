import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { listRevisions } from '../revisions/revision.repository.js';
import { ArticleInputError } from './article-input.js';
import { findStoryState } from './article-editing.repository.js';
import { findArticleBySlug } from './article-page.repository.js';

describe('article editing: drafts and saves', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const countArticles = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const revisionCount = async (id: string) => (await listRevisions(t.deps.db, id)).length;

  it('creates a draft owned by the actor, with revision 1, unseen by readers', async () => {
    const reporter = await t.factories.staffUser({ role: 'reporter' });
    const id = await t.deps.editing.createDraft(
      reporter,
      await t.factories.articleInput({ headline: 'Harbour Reopens, At Last', tags: ['Ports', 'ports', 'Busan'] }),
    );
    const story = await findStoryState(t.deps.db, id);
    assert.equal(story?.status, 'draft');
    assert.equal(story?.ownerUserId, reporter.id);
    assert.equal(story?.slug, 'harbour-reopens-at-last');
    assert.equal(story?.publishedAt, null);
    const [revision] = await listRevisions(t.deps.db, id);
    assert.equal(revision?.number, 1);
    assert.equal(revision?.authorUserId, reporter.id);
    assert.deepEqual(revision?.snapshot.tags, ['Ports', 'Busan']);
    assert.equal((await t.app.inject('/article/harbour-reopens-at-last')).statusCode, 404);
  });

  it('ignores forged owner, status, view count and times', async () => {
    const contributor = await t.factories.staffUser({ role: 'contributor' });
    const other = await t.factories.staffUser({ role: 'editor' });
    const forged = {
      ...(await t.factories.articleInput({ slug: 'forged-fields' })),
      status: 'published',
      ownerUserId: other.id,
      owner_user_id: other.id,
      viewCount: 99_999,
      publishedAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    };
    const id = await t.deps.editing.createDraft(contributor, forged);
    const story = await findStoryState(t.deps.db, id);
    assert.equal(story?.status, 'draft');
    assert.equal(story?.ownerUserId, contributor.id);
    assert.equal(story?.publishedAt, null);
    const article = await findArticleBySlug(t.deps.db, 'forged-fields');
    assert.equal(article?.viewCount, 0);

    await t.deps.editing.update(contributor, id, forged);
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'draft');
    assert.equal((await findStoryState(t.deps.db, id))?.ownerUserId, contributor.id);
  });

  it('makes a free slug from the headline, and refuses a chosen slug already in use', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const first = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ headline: 'Same words' }));
    const second = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ headline: 'Same words' }));
    assert.equal((await findStoryState(t.deps.db, first))?.slug, 'same-words');
    assert.equal((await findStoryState(t.deps.db, second))?.slug, 'same-words-2');
    const punctuation = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ headline: '!!!' }));
    assert.match((await findStoryState(t.deps.db, punctuation))?.slug ?? '', /^story/);

    const before = await countArticles();
    await rejectsWithCode(t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'same-words' })), 'ERR_STORY_SLUG_TAKEN');
    await rejectsWithCode(t.deps.editing.update(editor, second, await t.factories.articleInput({ slug: 'same-words' })), 'ERR_STORY_SLUG_TAKEN');
    assert.equal(await countArticles(), before);
    assert.equal(await revisionCount(second), 1);
  });

  it('keeps the slug on update when none is given', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'keep-me' }));
    await t.deps.editing.update(editor, id, await t.factories.articleInput({ headline: 'A whole new headline' }));
    assert.equal((await findStoryState(t.deps.db, id))?.slug, 'keep-me');
  });

  it('refuses references that do not exist and bad input, writing nothing', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const before = await countArticles();
    const cases = [
      { authorIds: ['no-such-author'] },
      { sectionId: 'no-such-section' },
      { heroMediaId: 'no-such-image' },
      { seriesId: 'no-such-series', seriesPart: 1 },
      { body: [{ type: 'figure' as const, mediaId: 'no-such-image' }] },
    ];
    for (const override of cases) {
      await rejectsWithCode(t.deps.editing.createDraft(editor, await t.factories.articleInput(override)), 'ERR_STORY_REFERENCE_UNKNOWN');
    }
    await assert.rejects(t.deps.editing.createDraft(editor, { headline: '' }), ArticleInputError);
    await rejectsWithCode(t.deps.editing.createDraft(editor, null), 'ERR_STORY_INPUT_INVALID');
    assert.equal(await countArticles(), before);

    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ headline: 'Unchanged' }));
    await rejectsWithCode(t.deps.editing.update(editor, id, { ...(await t.factories.articleInput()), headline: '' }), 'ERR_STORY_INPUT_INVALID');
    await rejectsWithCode(
      t.deps.editing.update(editor, id, await t.factories.articleInput({ authorIds: ['nobody'] })),
      'ERR_STORY_REFERENCE_UNKNOWN',
    );
    assert.equal(await revisionCount(id), 1);
  });

  it('accepts real series, hero and figure media, and saves every field', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const series = await t.factories.series();
    const hero = await t.factories.media();
    const figure = await t.factories.media();
    const id = await t.deps.editing.createDraft(
      editor,
      await t.factories.articleInput({
        slug: 'all-fields',
        seriesId: series.id,
        seriesPart: 2,
        heroMediaId: hero,
        body: [
          { type: 'paragraph', content: [{ text: 'Words.' }] },
          { type: 'figure', mediaId: figure },
        ],
        typeLabel: 'Analysis',
        seoTitle: 'SEO title',
        seoDescription: 'SEO description',
        tags: ['Shipping'],
        embargoUntil: '2026-12-01T00:00:00Z',
      }),
    );
    const article = await findArticleBySlug(t.deps.db, 'all-fields');
    assert.equal(article?.id, id);
    assert.equal(article?.series?.part, 2);
    assert.equal(article?.hero?.id, hero);
    assert.ok(article?.figures.has(figure));
    assert.equal(article?.typeLabel, 'Analysis');
    assert.equal(article?.seoTitle, 'SEO title');
    assert.deepEqual(
      article?.tags.map((tag) => tag.name),
      ['Shipping'],
    );
    assert.equal(article?.embargoUntil?.toISOString(), '2026-12-01T00:00:00.000Z');
  });

  it('lets contributors and reporters edit only their own stories; editors and admins any', async () => {
    const owner = await t.factories.staffUser({ role: 'reporter' });
    const id = await t.deps.editing.createDraft(owner, await t.factories.articleInput({ headline: 'Owner’s words' }));
    for (const role of ['contributor', 'reporter', 'reader', 'nonsense']) {
      const stranger = await t.factories.staffUser({ role });
      await rejectsWithCode(t.deps.editing.update(stranger, id, await t.factories.articleInput({ headline: 'Hijacked' })), 'ERR_STORY_FORBIDDEN');
      await rejectsWithCode(t.deps.editing.submitForReview(stranger, id), 'ERR_STORY_FORBIDDEN');
    }
    assert.equal((await findArticleBySlug(t.deps.db, 'owners-words'))?.headline, 'Owner’s words');
    assert.equal(await revisionCount(id), 1);

    for (const role of ['editor', 'admin']) {
      const editor = await t.factories.staffUser({ role });
      await t.deps.editing.update(editor, id, await t.factories.articleInput({ headline: `Edited by ${role}` }));
    }
    await t.deps.editing.update(owner, id, await t.factories.articleInput({ headline: 'Owner again' }));
    assert.equal(await revisionCount(id), 4);
  });

  it('counts a byline as ownership: a reporter whose author profile is on the story may edit it', async () => {
    const author = await t.factories.author();
    const reporter = await t.factories.staffUser({ role: 'reporter', authorId: author.id });
    const editor = await t.factories.staffUser({ role: 'editor' });
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ authorIds: [author.id] }));
    await t.deps.editing.update(reporter, id, await t.factories.articleInput({ authorIds: [author.id], headline: 'By the byline' }));
    await t.deps.editing.submitForReview(reporter, id);
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'in_review');
  });

  it('refuses readers and unknown roles before anything else; unknown ids are 404', async () => {
    const reader = { id: 'x', role: 'reader' };
    await rejectsWithCode(t.deps.editing.createDraft(reader, await t.factories.articleInput()), 'ERR_STORY_FORBIDDEN');
    const editor = await t.factories.staffUser({ role: 'editor' });
    await rejectsWithCode(t.deps.editing.update(editor, 'no-such-id', await t.factories.articleInput()), 'ERR_ARTICLE_NOT_FOUND');
    await rejectsWithCode(t.deps.editing.submitForReview(editor, 'no-such-id'), 'ERR_ARTICLE_NOT_FOUND');
    await rejectsWithCode(t.deps.editing.publish(editor, 'no-such-id'), 'ERR_ARTICLE_NOT_FOUND');
    await rejectsWithCode(t.deps.editing.schedule(editor, 'no-such-id', '2030-01-01T00:00:00Z'), 'ERR_ARTICLE_NOT_FOUND');
    await rejectsWithCode(t.deps.editing.unpublish(editor, 'no-such-id'), 'ERR_ARTICLE_NOT_FOUND');
    await rejectsWithCode(t.deps.editing.addCorrection(editor, 'no-such-id', 'correction', 'x'), 'ERR_ARTICLE_NOT_FOUND');
    await rejectsWithCode(t.deps.editing.delete(editor, 'no-such-id'), 'ERR_ARTICLE_NOT_FOUND');
  });
});
