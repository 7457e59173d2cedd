import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { insertArticle, updateArticleStatus } from '../articles/article.repository.js';

const headlines = (stories: Array<{ headline: string }>) => stories.map((story) => story.headline);
const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

describe('You May Also Like, computed from content', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lists stories about the same subject, and follows a story published or withdrawn by id', async () => {
    const section = await t.factories.section();
    const subject = await t.factories.article({
      section,
      headline: 'Lighthouse keepers strike over night shifts',
      body: paragraph('Keepers at the northern lighthouse stopped work on Monday.'),
    });
    await t.factories.article({ headline: 'Lighthouse strike spreads to the south', body: paragraph('More keepers joined.'), hoursAgo: 2 });
    await t.factories.article({ headline: 'Orchestra tours Japan', body: paragraph('Concerts in Osaka and Tokyo.') });
    assert.deepEqual(headlines((await t.deps.reading.article(subject.slug)).related), ['Lighthouse strike spreads to the south']);

    // Written without the factory, so only the event naming the story can make it known.
    const newStory = await insertArticle(
      t.deps.db,
      {
        slug: 'lighthouse-strike-ends',
        headline: 'Lighthouse keepers end their strike',
        standfirst: 'Night shifts will be shorter.',
        body: paragraph('The keepers return to the lighthouse tonight.'),
        sectionId: section.id,
        authorIds: [],
        tagIds: [],
        typeLabel: 'News',
        status: 'published',
        publishedAt: new Date(t.clock.now().getTime() - HOUR_MS / 2),
      },
      t.clock.now(),
    );
    assert.ok(!t.deps.related.relatedTo(subject.id).includes(newStory));
    await t.deps.events.emit({ name: 'story.published', articleIds: [newStory], scheduled: false });
    assert.equal(t.deps.related.relatedTo(subject.id)[0], newStory);
    const page = await t.app.inject(`/article/${subject.slug}`);
    assert.match(page.body, /Lighthouse keepers end their strike/);

    await updateArticleStatus(t.deps.db, newStory, 'unpublished', t.clock.now());
    await t.deps.events.emit({ name: 'story.unpublished', articleIds: [newStory] });
    assert.ok(!t.deps.related.relatedTo(subject.id).includes(newStory));
    assert.deepEqual(t.deps.related.relatedTo(newStory), []);
    const after = await t.app.inject(`/article/${subject.slug}`);
    assert.doesNotMatch(after.body, /Lighthouse keepers end their strike/);
  });

  it('takes in a story whose embargo passes, with no event to say so', async () => {
    const subject = await t.factories.article({ headline: 'Glacier retreat measured from space' });
    const embargoed = await t.factories.article({
      headline: 'Glacier retreat doubles, study finds',
      embargoUntil: new Date(t.clock.now().getTime() + HOUR_MS),
    });
    assert.deepEqual(t.deps.related.relatedTo(subject.id), []);
    t.clock.advance(2 * HOUR_MS);
    t.deps.related.relatedTo(subject.id); // notices the embargo has passed and reloads in the background
    await t.deps.related.load(); // queued behind that reload, so both are done after this
    assert.deepEqual(t.deps.related.relatedTo(subject.id), [embargoed.id]);
  });

  it('relates a draft in the newsroom preview without indexing it', async () => {
    const published = await t.factories.article({ headline: 'Tram line to the airport approved' });
    const draft = await t.factories.article({
      headline: 'Airport tram line costs questioned',
      body: paragraph('Councillors want a fresh estimate.'),
      status: 'draft',
    });
    assert.ok(!t.deps.related.relatedTo(published.id).includes(draft.id));
    const preview = await t.deps.reading.preview(draft.id);
    assert.deepEqual(headlines(preview.related), ['Tram line to the airport approved']);
  });
});
