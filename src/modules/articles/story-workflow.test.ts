import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { Actor } from './article-editing.service.js';
import { findStoryState } from './article-editing.repository.js';
import { findArticleBySlug } from './article-page.repository.js';
import type { ArticleStatus } from './article.types.js';

type Step = 'submit' | 'publish' | 'schedule' | 'unpublish';

/** The workflow as the product defines it, written out here independently of STATUS_TRANSITIONS. */
const EXPECTED: Record<ArticleStatus, Record<Step, ArticleStatus | null>> = {
  draft: { submit: 'in_review', publish: 'published', schedule: 'scheduled', unpublish: null },
  in_review: { submit: null, publish: 'published', schedule: 'scheduled', unpublish: null },
  scheduled: { submit: null, publish: 'published', schedule: 'scheduled', unpublish: null },
  published: { submit: null, publish: null, schedule: null, unpublish: 'unpublished' },
  unpublished: { submit: null, publish: 'published', schedule: 'scheduled', unpublish: null },
};

describe('story workflow', () => {
  let t: TestApp;
  let editor: Actor;
  before(async () => {
    t = await createTestApp();
    editor = await t.factories.staffUser({ role: 'editor' });
  });
  after(() => t.close());

  const inOneHour = () => new Date(t.clock.now().getTime() + HOUR_MS);
  const run = (actor: Actor, step: Step, id: string) =>
    step === 'submit'
      ? t.deps.editing.submitForReview(actor, id)
      : step === 'publish'
        ? t.deps.editing.publish(actor, id)
        : step === 'schedule'
          ? t.deps.editing.schedule(actor, id, inOneHour())
          : t.deps.editing.unpublish(actor, id);
  const storyIn = async (status: ArticleStatus, owner: Actor = editor) => {
    const id = await t.deps.editing.createDraft(owner, await t.factories.articleInput());
    if (status !== 'draft') await t.factories.setStatus(id, status);
    return id;
  };
  const statusOf = async (id: string) => (await findStoryState(t.deps.db, id))?.status;
  const auditCount = async (action: 'story.published' | 'story.scheduled' | 'story.unpublished' | 'story.deleted') =>
    (await t.deps.audit.list({ limit: 1000, action })).length;

  it('allows exactly the transitions of the table, and refuses the rest with 409, changing nothing', async () => {
    for (const [from, steps] of Object.entries(EXPECTED) as Array<[ArticleStatus, Record<Step, ArticleStatus | null>]>) {
      for (const [step, to] of Object.entries(steps) as Array<[Step, ArticleStatus | null]>) {
        const id = await storyIn(from);
        const before = await findStoryState(t.deps.db, id);
        if (to) {
          await run(editor, step, id);
          assert.equal(await statusOf(id), to, `${from} --${step}--> ${to}`);
        } else {
          await rejectsWithCode(run(editor, step, id), 'ERR_STORY_TRANSITION_INVALID');
          assert.deepEqual(await findStoryState(t.deps.db, id), before, `${from} --${step}--> refused`);
        }
      }
    }
  });

  it('checks each step’s permission by role: contributors write, reporters submit, editors and admins decide', async () => {
    const allowed: Record<string, Step[]> = {
      contributor: [],
      reporter: ['submit'],
      editor: ['submit', 'publish', 'schedule', 'unpublish'],
      admin: ['submit', 'publish', 'schedule', 'unpublish'],
    };
    for (const [role, steps] of Object.entries(allowed)) {
      const actor = await t.factories.staffUser({ role });
      for (const step of ['submit', 'publish', 'schedule', 'unpublish'] as const) {
        // The actor owns the story, so only the role decides.
        const id = await storyIn(step === 'unpublish' ? 'published' : 'draft', actor);
        const before = await findStoryState(t.deps.db, id);
        if (steps.includes(step)) {
          await run(actor, step, id);
        } else {
          await rejectsWithCode(run(actor, step, id), 'ERR_STORY_FORBIDDEN');
          assert.deepEqual(await findStoryState(t.deps.db, id), before, `${role} ${step}`);
        }
      }
      const published = await storyIn('published', actor);
      const draft = await storyIn('draft', actor);
      const correct = () => t.deps.editing.addCorrection(actor, published, 'correction', 'Fixed a name.');
      const remove = () => t.deps.editing.delete(actor, draft);
      if (role === 'editor' || role === 'admin') {
        await correct();
        await remove();
        assert.equal(await statusOf(draft), undefined);
      } else {
        await rejectsWithCode(correct(), 'ERR_STORY_FORBIDDEN');
        await rejectsWithCode(remove(), 'ERR_STORY_FORBIDDEN');
        assert.equal(await statusOf(draft), 'draft');
        assert.equal((await findArticleBySlug(t.deps.db, (await findStoryState(t.deps.db, published))?.slug ?? ''))?.corrections.length, 0);
      }
    }
  });

  it('publishes now, audits it, and shows the story to readers', async () => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'goes-out-now' }));
    assert.equal((await t.app.inject('/article/goes-out-now')).statusCode, 404);
    const audited = await auditCount('story.published');
    await t.deps.editing.publish(editor, id);
    const story = await findStoryState(t.deps.db, id);
    assert.equal(story?.publishedAt?.toISOString(), t.clock.now().toISOString());
    assert.equal(await auditCount('story.published'), audited + 1);
    assert.equal((await t.app.inject('/article/goes-out-now')).statusCode, 200);
  });

  it('keeps the first publication time when a withdrawn story is put back', async () => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'comes-back' }));
    await t.deps.editing.publish(editor, id);
    const first = (await findStoryState(t.deps.db, id))?.publishedAt;
    t.clock.advance(2 * HOUR_MS);
    await t.deps.editing.unpublish(editor, id);
    assert.equal((await t.app.inject('/article/comes-back')).statusCode, 410);
    await t.deps.editing.publish(editor, id);
    assert.deepEqual((await findStoryState(t.deps.db, id))?.publishedAt, first);
    assert.equal((await t.app.inject('/article/comes-back')).statusCode, 200);
  });

  it('withdraws a published story: 410 for readers, audited', async () => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'withdrawn' }));
    await t.deps.editing.publish(editor, id);
    assert.equal((await t.app.inject('/article/withdrawn')).statusCode, 200);
    const audited = await auditCount('story.unpublished');
    await t.deps.editing.unpublish(editor, id);
    assert.equal((await t.app.inject('/article/withdrawn')).statusCode, 410);
    assert.equal(await auditCount('story.unpublished'), audited + 1);
  });

  it('schedules for a valid future time only; a bad or past time is a 400 and changes nothing', async () => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'scheduled-story' }));
    const before = await findStoryState(t.deps.db, id);
    const audited = await auditCount('story.scheduled');
    for (const bad of ['not a date', '2026-13-45T00:00:00Z', '2026-12-01', '', new Date('nonsense')]) {
      await rejectsWithCode(t.deps.editing.schedule(editor, id, bad), 'ERR_STORY_SCHEDULE_INVALID');
    }
    for (const past of [t.clock.now(), new Date(t.clock.now().getTime() - 1000), '2020-01-01T00:00:00Z']) {
      await rejectsWithCode(t.deps.editing.schedule(editor, id, past), 'ERR_STORY_SCHEDULE_IN_PAST');
    }
    assert.deepEqual(await findStoryState(t.deps.db, id), before);
    assert.equal(await auditCount('story.scheduled'), audited);

    const at = new Date(t.clock.now().getTime() + 3 * HOUR_MS).toISOString();
    await t.deps.editing.schedule(editor, id, at);
    const story = await findStoryState(t.deps.db, id);
    assert.equal(story?.status, 'scheduled');
    assert.equal(story?.publishedAt?.toISOString(), new Date(at).toISOString());
    assert.equal(await auditCount('story.scheduled'), audited + 1);
    assert.equal((await t.app.inject('/article/scheduled-story')).statusCode, 404);

    // Publishing a scheduled story early publishes it now, not at the scheduled time.
    await t.deps.editing.publish(editor, id);
    assert.equal((await findStoryState(t.deps.db, id))?.publishedAt?.toISOString(), t.clock.now().toISOString());
  });

  it('adds corrections to published stories only, shows them on the page and marks the story updated', async () => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'corrected-story' }));
    await rejectsWithCode(t.deps.editing.addCorrection(editor, id, 'correction', 'Too early.'), 'ERR_CORRECTION_NOT_PUBLISHED');
    await t.deps.editing.publish(editor, id);
    const page = await t.app.inject('/article/corrected-story');
    assert.doesNotMatch(page.body, /Corrections and updates/);

    for (const [kind, text] of [
      ['retraction', 'Bad kind.'],
      ['correction', ''],
      ['correction', '   '],
      ['update', 'x'.repeat(2001)],
    ] as const) {
      await rejectsWithCode(t.deps.editing.addCorrection(editor, id, kind, text), 'ERR_CORRECTION_INVALID');
    }
    assert.equal((await findArticleBySlug(t.deps.db, 'corrected-story'))?.corrections.length, 0);

    t.clock.advance(HOUR_MS);
    await t.deps.editing.addCorrection(editor, id, 'correction', 'An earlier version misspelt the minister’s name.');
    await t.deps.editing.addCorrection(editor, id, 'update', 'x'.repeat(2000));
    const article = await findArticleBySlug(t.deps.db, 'corrected-story');
    assert.equal(article?.updatedAt?.toISOString(), t.clock.now().toISOString());
    const after = await t.app.inject('/article/corrected-story');
    assert.equal(after.statusCode, 200);
    assert.match(after.body, /Corrections and updates/);
    assert.match(after.body, /An earlier version misspelt the minister(’|&#8217;|&rsquo;)s name\./);
    assert.match(after.body, /Updated/);
  });

  it('deletes a story with its revisions, audited; readers get 404', async () => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'to-delete' }));
    await t.deps.editing.publish(editor, id);
    await t.deps.editing.addCorrection(editor, id, 'update', 'Soon gone.');
    const audited = await auditCount('story.deleted');
    await t.deps.editing.delete(editor, id);
    assert.equal(await findStoryState(t.deps.db, id), undefined);
    assert.deepEqual(await t.deps.revisions.listRevisions(id), []);
    assert.equal(await auditCount('story.deleted'), audited + 1);
    assert.equal((await t.app.inject('/article/to-delete')).statusCode, 404);
    await rejectsWithCode(t.deps.editing.delete(editor, id), 'ERR_ARTICLE_NOT_FOUND');
  });

  it('keeps an embargoed story from readers even when published, until the embargo lifts', async () => {
    const embargoUntil = new Date(t.clock.now().getTime() + 2 * HOUR_MS).toISOString();
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'embargoed', embargoUntil }));
    await t.deps.editing.publish(editor, id);
    assert.equal((await t.app.inject('/article/embargoed')).statusCode, 404);
    await assert.rejects(t.deps.reading.article('embargoed'));
    t.clock.advance(2 * HOUR_MS);
    assert.equal((await t.deps.reading.article('embargoed')).article.id, id);
    assert.equal((await t.app.inject('/article/embargoed')).statusCode, 200);
  });
});
