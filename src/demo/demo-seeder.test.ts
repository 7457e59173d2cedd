import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_EDITION_ID } from '../modules/editions/index.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { liveCoverage } from './content/live-coverage.js';
import { storiesKo } from './content/stories-ko.js';
import { demoStories, seedDemoIfEmpty } from './demo-seeder.js';
import { DEMO_LIVE_USER_ID } from './demo-live.js';

describe('demo publication', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date().toISOString() });
  });
  after(() => t.close());

  it('is written as distinct, complete stories', () => {
    assert.ok(demoStories.length >= 60);
    assert.equal(new Set(demoStories.map((story) => story.slug)).size, demoStories.length);
    assert.equal(new Set(demoStories.map((story) => story.headline)).size, demoStories.length);
    for (const story of demoStories) {
      const words = story.body.join(' ').split(/\s+/).length;
      assert.ok(words >= 200, `${story.slug} has only ${words} words`);
      assert.ok(story.hoursAgo >= 1 && story.hoursAgo <= 720, story.slug);
      assert.ok(!/lorem ipsum/i.test(story.body.join(' ')), story.slug);
    }
    const parts = demoStories
      .filter((story) => story.series)
      .map((story) => story.series?.part)
      .sort();
    assert.deepEqual(parts, [1, 2]);
  });

  it('creates a full publication on an empty database, once', async () => {
    const summary = await seedDemoIfEmpty(t.deps);
    assert.deepEqual(summary, { articles: demoStories.length + storiesKo.length, sections: 10 });
    assert.equal(await seedDemoIfEmpty(t.deps), undefined);

    assert.equal(t.deps.settings.publication.name, 'The Dateline Daily');
    assert.deepEqual(
      t.deps.sections.navigation.map((section) => section.name),
      ['World', 'Asia', 'Debate', 'Latest', 'Business'],
    );
    for (const section of t.deps.sections.all.filter((candidate) => candidate.editionId === DEFAULT_EDITION_ID)) {
      assert.ok((t.deps.lists.current.latestBySection.get(section.id) ?? []).length >= 5, section.slug);
    }
    const lists = t.deps.lists.current;
    assert.equal(lists.weeklyBest.length, 12);
    assert.equal(lists.popularNow.length, 5);
    assert.equal(lists.mustReads.length, 5);

    const authors = await t.deps.db.selectFrom('authors').select(['email', 'bio']).execute();
    assert.equal(authors.length, 3);
    for (const author of authors) assert.ok(author.email.includes('@') && author.bio.length > 50);

    const media = await t.deps.db.selectFrom('media_assets').select(['variants', 'alt', 'caption', 'credit']).execute();
    assert.ok(media.length >= demoStories.length);
    for (const asset of media) {
      assert.ok(asset.alt && asset.caption && asset.credit);
      for (const variant of JSON.parse(asset.variants) as Array<{ file: string }>) {
        assert.ok(fs.statSync(path.join(t.deps.mediaDir, variant.file)).size > 500, variant.file);
      }
    }

    // Readers' conversation: comments, replies and likes under the stories people argue about.
    const fares = await t.app.inject('/article/fare-rises-alone-will-not-fix-seouls-subway-finances');
    assert.match(fares.body, /Comments <span class="comment-count"[^>]*>4<\/span>/);
    assert.match(fares.body, /ring-fencing/);
    const commented = await t.deps.db.selectFrom('articles').select('slug').where('comment_count', '>', 0).execute();
    assert.ok(commented.length >= 4, 'several stories have comments');
    const likes = await t.deps.db
      .selectFrom('comment_likes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(likes.n) > 100, 'comments carry real likes');

    // Newsletters: subscribers over the last weeks (the growth chart), a week of briefings, an
    // alert and the sections' weeklies, each with its public archive page.
    const subscribed = await t.deps.subscriberAdmin.counts();
    assert.ok((subscribed.find((info) => info.key === 'briefing')?.subscribed ?? 0) >= 30, 'most demo subscribers take the briefing');
    const sent = await t.deps.db.selectFrom('newsletter_issues').select(['newsletter_key', 'number', 'items']).where('status', '=', 'sent').execute();
    assert.equal(sent.filter((issue) => issue.newsletter_key === 'briefing').length, 7);
    assert.equal(sent.filter((issue) => issue.newsletter_key === 'breaking').length, 1);
    assert.ok(sent.filter((issue) => issue.newsletter_key.startsWith('weekly-')).length >= 5);
    for (const issue of sent) assert.ok((JSON.parse(issue.items) as unknown[]).length > 0, issue.newsletter_key);
    const archive = await t.app.inject('/newsletters/briefing');
    assert.equal(archive.statusCode, 200);
    assert.equal((await t.app.inject('/newsletters/briefing/7')).statusCode, 200);

    const series = await t.app.inject('/series/last-ferry');
    assert.equal(series.statusCode, 200);
    for (const slug of ['about', 'contact', 'standards', 'privacy']) {
      assert.equal((await t.app.inject(`/${slug}`)).statusCode, 200, slug);
    }
  });

  it('has a live story running and one that ended, each with all its updates', async () => {
    const story = async (slug: string) =>
      t.deps.db.selectFrom('articles').select(['id', 'type_label', 'published_at', 'updated_at']).where('slug', '=', slug).executeTakeFirstOrThrow();
    const running = liveCoverage.find((entry) => entry.endedMinutesAfter === undefined);
    const ended = liveCoverage.find((entry) => entry.endedMinutesAfter !== undefined);
    assert.ok(running && ended);

    const live = await story(running.story);
    assert.equal(live.type_label, 'Live');
    const page = await t.deps.live.page(live.id);
    assert.equal(page.coverage.endedAt, null);
    assert.deepEqual(page.coverage.summary, running.summary);
    assert.equal(page.pinned.length, 1);
    assert.equal(page.pinned.length + page.updates.length, running.updates.length, 'every update is visible');
    assert.equal(page.keyEvents.length, running.updates.filter((update) => update.keyEvent).length);
    // Newest first, all of them written between the story's publication and now, by the demo's authors.
    const times = page.updates.map((update) => update.createdAt.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const publishedAt = new Date(live.published_at ?? '').getTime();
    for (const update of [...page.pinned, ...page.updates]) {
      assert.ok(update.createdAt.getTime() >= publishedAt && update.createdAt <= t.clock.now(), update.source);
      assert.ok(['Park Min-ji', 'Daniel Okafor', 'Lee Hana'].includes(update.authorName) && update.authorId, update.authorName);
      assert.equal(update.userId, DEMO_LIVE_USER_ID);
    }
    const blocks = [...page.pinned, ...page.updates].flatMap((update) => update.body);
    assert.ok(
      blocks.some((block) => block.type === 'quote' && block.attribution),
      'a quote with its attribution',
    );
    const figure = blocks.find((block) => block.type === 'figure');
    assert.ok(
      figure?.type === 'figure' && (await t.deps.db.selectFrom('media_assets').select('id').where('id', '=', figure.mediaId).executeTakeFirst()),
    );
    assert.ok(
      page.updates.some((update) => update.editedAt),
      'an update an editor corrected',
    );
    assert.equal(new Date(live.updated_at ?? '').getTime(), Math.max(...times, ...page.updates.map((update) => update.editedAt?.getTime() ?? 0)));
    // The counter is where a page and its stream start from: every change numbered once.
    assert.equal(page.coverage.lastSequence, running.updates.length + running.updates.filter((update) => update.editedMinutesAfter).length + 1);
    const changes = await t.deps.live.changesSince(live.id, 0);
    assert.equal(changes.kind === 'changes' && changes.updates.length, running.updates.length);

    const over = await story(ended.story);
    assert.equal(over.type_label, 'News');
    const overPage = await t.deps.live.page(over.id);
    assert.ok(overPage.coverage.endedAt && overPage.coverage.endedAt < t.clock.now());
    assert.equal(overPage.coverage.endedSequence, overPage.coverage.lastSequence);
    assert.equal(overPage.pinned.length + overPage.updates.length, ended.updates.length);
    assert.ok(overPage.keyEvents.length >= 3);
    for (const entry of [running, ended]) {
      const html = await t.app.inject(`/article/${entry.story}`);
      assert.equal(html.statusCode, 200, entry.story);
    }
  });
});
