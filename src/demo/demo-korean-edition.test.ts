import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Edition } from '../modules/editions/index.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { koreanAuthors, koreanEdition, koreanSections } from './content/korean-edition.js';
import { liveCoverageKo } from './content/live-coverage-ko.js';
import { storiesKo } from './content/stories-ko.js';
import { seedDemoIfEmpty } from './demo-seeder.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** The demo's Korean edition (docs/editions.md), on both databases: what a first start at /ko/ shows. */
describe('demo publication: the Korean edition', () => {
  let t: TestApp;
  let ko: Edition;
  before(async () => {
    t = await createTestApp({ now: new Date().toISOString() });
    await seedDemoIfEmpty(t.deps);
    const found = t.deps.editions.all.find((edition) => edition.code === 'ko');
    assert.ok(found, 'the demo has a Korean edition');
    ko = found;
  });
  after(() => t.close());

  it('is switched on at /ko/, with its name, tagline and time zone', () => {
    assert.equal(ko.pathPrefix, 'ko');
    assert.equal(ko.name, koreanEdition.name);
    assert.equal(ko.tagline, koreanEdition.tagline);
    assert.equal(ko.timeZone, 'Asia/Seoul');
    assert.ok(ko.enabled);
    assert.equal(t.deps.editions.all.length, 2);
  });

  it('has Korean sections in its own navigation, each with stories, and at least 20 published Korean stories', async () => {
    assert.deepEqual(
      t.deps.sections.navigationOf(ko.id).map((section) => section.name),
      koreanSections.map((section) => section.name),
    );
    const published = await t.deps.db
      .selectFrom('articles')
      .select(['id', 'section_id'])
      .where('edition_id', '=', ko.id)
      .where('status', '=', 'published')
      .execute();
    assert.equal(published.length, storiesKo.length);
    assert.ok(published.length >= 20);
    for (const section of t.deps.sections.navigationOf(ko.id)) {
      assert.ok(
        published.some((story) => story.section_id === section.id),
        `${section.slug} has stories`,
      );
      assert.ok(t.deps.lists.sectionLatest(section.id).length > 0, `${section.slug} has its Latest Stories`);
    }
  });

  it('has its own ranked lists, none of them holding an English story', () => {
    const lists = t.deps.lists.currentFor(ko.id);
    assert.ok(lists.latest.length >= 10);
    assert.equal(lists.popularNow.length, 5);
    assert.equal(lists.mustReads.length, 5);
    assert.ok(lists.weeklyBest.length >= 10);
    for (const story of [...lists.latest, ...lists.popularNow, ...lists.mustReads, ...lists.weeklyBest]) {
      assert.equal(story.editionId, ko.id, story.slug);
    }
  });

  it('serves its home page, sections and feed in Korean, linking only within the edition', async () => {
    const home = await t.app.inject('/ko/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="ko"/);
    assert.ok(home.body.includes(koreanEdition.name));
    assert.ok(!/href="\/article\//.test(home.body), 'no English story on the Korean home page');
    for (const section of koreanSections) {
      const page = await t.app.inject(`/ko/section/${section.slug}`);
      assert.equal(page.statusCode, 200, section.slug);
      assert.match(page.body, /href="\/ko\/article\//, section.slug);
    }
    const feed = await t.app.inject('/ko/feed.xml');
    assert.equal(feed.statusCode, 200);
    assert.ok((feed.body.match(/<item>/g) ?? []).length >= 20);
  });

  it('links each translation and its English original both ways, with Korean captions and credits', async () => {
    const translations = storiesKo.filter((story) => story.translationOf);
    assert.ok(translations.length >= 10);
    for (const story of translations) {
      const korean = await t.app.inject(`/ko/article/${story.slug}`);
      assert.equal(korean.statusCode, 200, story.slug);
      assert.ok(korean.body.includes(`href="/article/${story.translationOf}" hreflang="en"`), `${story.slug} links its original`);
      assert.ok(korean.body.includes(`hreflang="en" href="https://news.example/article/${story.translationOf}"`), story.slug);
      const english = await t.app.inject(`/article/${story.translationOf}`);
      assert.ok(english.body.includes(`href="/ko/article/${story.slug}" hreflang="ko"`), `${story.translationOf} links its translation`);
      assert.ok(english.body.includes(`hreflang="ko" href="https://news.example/ko/article/${story.slug}"`), story.translationOf);
    }
    const links = await t.deps.db
      .selectFrom('articles')
      .select(['translated_from_id', 'translation_group_id'])
      .where('edition_id', '=', ko.id)
      .where('translated_from_id', 'is not', null)
      .execute();
    assert.equal(links.length, translations.length, 'each translation records its source');

    const korean = await t.app.inject(`/ko/article/${storiesKo[0]?.slug}`);
    const caption = /<figcaption>(.*?)<\/figcaption>/s.exec(korean.body)?.[1] ?? '';
    assert.match(caption, HANGUL, 'the caption is Korean');
    assert.match(caption, /ⓒ Dateline 일러스트/);
    assert.match(/<img[^>]*alt="([^"]*)"/.exec(korean.body)?.[1] ?? '', HANGUL, 'the alt text is Korean');
    const commented = await t.app.inject('/ko/article/yogeum-insangmaneuro-jihacheol-jaejeong-mot-sallinda');
    assert.match(commented.body, /<span class="comment-count"[^>]*>4<\/span>/, 'Korean readers comment under Korean stories');
    assert.ok(commented.body.includes('국비로 보전'), 'in Korean');
    const feature = await t.app.inject('/ko/article/jumin-43-myeong-seom-majimak-bae-tteonanda');
    assert.match(feature.body, /class="type-label"> · 기획</, 'the type label in Korean');
  });

  it('has a live story in Korean, with its updates and key points, linked to the English one', async () => {
    const [coverage] = liveCoverageKo;
    assert.ok(coverage);
    const story = await t.deps.db
      .selectFrom('articles')
      .select(['id', 'type_label', 'edition_id', 'translated_from_id'])
      .where('slug', '=', coverage.story)
      .executeTakeFirstOrThrow();
    assert.equal(story.type_label, 'Live');
    assert.equal(story.edition_id, ko.id);
    assert.ok(story.translated_from_id, 'it translates the English live story');
    const page = await t.deps.live.page(story.id);
    assert.equal(page.coverage.endedAt, null);
    assert.deepEqual(page.coverage.summary, coverage.summary);
    for (const point of page.coverage.summary) assert.match(point, HANGUL);
    assert.equal(page.pinned.length + page.updates.length, coverage.updates.length);
    assert.ok(page.keyEvents.length >= 3);
    const names = new Set(Object.values(koreanAuthors).map((author) => author.name));
    for (const update of [...page.pinned, ...page.updates]) {
      assert.ok(names.has(update.authorName), `${update.authorName} is a Korean byline`);
      assert.ok(update.createdAt <= t.clock.now());
      assert.match(update.source, HANGUL);
    }
    assert.equal((await t.app.inject(`/ko/article/${coverage.story}`)).statusCode, 200);
  });
});
