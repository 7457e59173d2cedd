import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../../modules/articles/article.types.js';
import type { LiveUpdate } from '../../../modules/live/index.js';
import type { MediaAsset } from '../../../modules/media/media.types.js';
import { DEFAULT_PUBLICATION } from '../../../modules/settings/settings.types.js';
import { liveBlogPostingJsonLd, type StructuredDataSite } from '../structured-data.js';
import { liveFigures, liveUpdateGist, renderLiveEndedNote, renderLiveSummary, renderLiveUpdateItem, type LiveRenderContext } from './live-update.js';

const publication = { ...DEFAULT_PUBLICATION, name: 'The Dateline Times', language: 'en', timeZone: 'Asia/Seoul' };
const context: LiveRenderContext = { publication, figures: new Map() };
const korean: LiveRenderContext = { publication: { ...publication, language: 'ko' }, figures: new Map() };

function update(overrides: Partial<LiveUpdate> = {}): LiveUpdate {
  return {
    id: 'u1',
    articleId: 'a1',
    sequence: 3,
    body: [{ type: 'paragraph', content: [{ text: 'Ferries are running again <at last>.' }] }],
    source: 'Ferries are running again <at last>.',
    authorName: 'Jane Reporter',
    authorId: null,
    userId: 'user-1',
    keyEvent: false,
    pinned: false,
    createdAt: new Date('2026-11-20T05:30:00.000Z'),
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

function asset(id: string): MediaAsset {
  return {
    id,
    mimeType: 'image/jpeg',
    width: 1200,
    height: 675,
    alt: `Alt of ${id}`,
    caption: 'The harbour at dawn',
    credit: '',
    variants: [{ width: 1200, height: 675, format: 'jpeg', file: `${id}-1200.jpg` }],
  };
}

describe('one live update (renderLiveUpdateItem: the page and the SSE frames)', () => {
  it('is one <li> with its anchor, its time in the edition zone, its author and its escaped body', () => {
    const html = renderLiveUpdateItem(update(), context);
    assert.match(html, /^<li class="live-update" id="update-u1" data-update-id="u1">/);
    assert.match(html, /<\/li>$/);
    assert.match(html, /<a class="live-update-time" href="#update-u1"><time datetime="2026-11-20T05:30:00.000Z">[^<]*2:30[^<]*<\/time><\/a>/);
    assert.match(html, /<span class="live-update-author">Jane Reporter<\/span>/);
    assert.match(html, /<div class="article-body"><p><span>Ferries are running again &lt;at last>.<\/span><\/p><\/div>/);
    assert.doesNotMatch(html, /live-mark|live-update-edited/);
  });

  it('marks pinned and key events, and shows when an update was corrected', () => {
    const html = renderLiveUpdateItem(update({ pinned: true, keyEvent: true, editedAt: new Date('2026-11-20T06:00:00.000Z') }), context);
    assert.match(html, /^<li class="live-update is-pinned is-key-event"/);
    assert.match(html, /<span class="live-mark live-mark-pinned">Pinned<\/span>/);
    assert.match(html, /<span class="live-mark live-mark-key">Key event<\/span>/);
    assert.match(html, /<p class="live-update-edited">Updated <time datetime="2026-11-20T06:00:00.000Z">/);
  });

  it('speaks the edition language', () => {
    const html = renderLiveUpdateItem(update({ pinned: true, keyEvent: true, editedAt: new Date('2026-11-20T06:00:00.000Z') }), korean);
    assert.match(html, />고정됨</);
    assert.match(html, />주요 사건</);
    assert.match(html, /수정 <time[^>]*>2026년 11월 20일 오후 3:00<\/time>/);
  });

  it('shows figures from the context, looked up once for all the updates', async () => {
    const withFigure = update({ body: [{ type: 'figure', mediaId: 'm1' }] });
    const asked: string[][] = [];
    const media = { findByIds: async (ids: readonly string[]) => (asked.push([...ids]), new Map(ids.map((id) => [id, asset(id)]))) };
    const figures = await liveFigures(media, [withFigure, withFigure, update()]);
    assert.deepEqual(asked, [['m1']]);
    assert.match(renderLiveUpdateItem(withFigure, { publication, figures }), /<figure[\s\S]*Alt of m1[\s\S]*The harbour at dawn/);
    assert.deepEqual(await liveFigures(media, [update()]), new Map());
    assert.equal(asked.length, 1, 'no look-up when no update shows a figure');
  });
});

describe('the key points box and the ended note', () => {
  it('lists the points and links each key event to its update', () => {
    const html = renderLiveSummary(['Port open', 'No injuries'], [update({ id: 'k1', keyEvent: true })], context);
    assert.match(html, /^<section class="live-summary" aria-labelledby="live-summary-heading">/);
    assert.match(html, /<ul class="live-summary-points"><li>Port open<\/li><li>No injuries<\/li><\/ul>/);
    assert.match(
      html,
      /<a href="#update-k1"><time datetime="2026-11-20T05:30:00.000Z">[^<]+<\/time> <span class="live-key-event-gist">Ferries are running again &lt;at last>.<\/span><\/a>/,
    );
  });

  it('is hidden while empty, so the stream can fill it in place', () => {
    assert.match(renderLiveSummary([], [], context), /^<section class="live-summary" aria-labelledby="live-summary-heading" hidden>/);
  });

  it('says when the coverage ended', () => {
    assert.match(
      renderLiveEndedNote(new Date('2026-11-20T09:00:00.000Z'), context),
      /^<p class="live-ended">Live coverage ended <time datetime="2026-11-20T09:00:00.000Z">/,
    );
    assert.match(renderLiveEndedNote(new Date('2026-11-20T09:00:00.000Z'), korean), /실시간 중계 종료 <time[^>]*>2026년 11월 20일 오후 6:00<\/time>/);
  });

  it('cuts a long gist at a character, never inside one', () => {
    const long = update({ body: [{ type: 'paragraph', content: [{ text: '가'.repeat(200) }] }] });
    assert.equal(Array.from(liveUpdateGist(long, 10)).length, 10);
    assert.ok(liveUpdateGist(long, 10).endsWith('…'));
  });
});

describe('a live story as LiveBlogPosting', () => {
  const site: StructuredDataSite = { publication, logo: null, siteUrl: 'https://news.example' };
  const story = {
    id: 'a1',
    slug: 'storm-live',
    headline: 'Storm: live',
    standfirst: 'The latest.',
    typeLabel: 'Live',
    section: { id: 's1', slug: 'world', name: 'World', description: '', position: 1, inNavigation: true, editionId: 'e1' },
    authors: [],
    hero: null,
    series: null,
    publishedAt: new Date('2026-11-20T01:00:00.000Z'),
    updatedAt: null,
    viewCount: 0,
    commentCount: 0,
    editionId: 'e1',
    status: 'published',
    body: [],
    tags: [],
    figures: new Map(),
    corrections: [],
    seoTitle: null,
    seoDescription: null,
    embargoUntil: null,
    commentsEnabled: true,
  } as unknown as Article;

  it('carries the coverage times and the updates on the page as BlogPostings at their anchors', () => {
    const edited = update({ id: 'u2', editedAt: new Date('2026-11-20T07:00:00.000Z') });
    const json = liveBlogPostingJsonLd(story, site, { coverage: { endedAt: null }, updates: [edited, update()] });
    assert.equal(json['@type'], 'LiveBlogPosting');
    assert.equal(json['@context'], 'https://schema.org');
    assert.equal(json.headline, 'Storm: live');
    assert.equal(json.coverageStartTime, '2026-11-20T10:00:00+09:00');
    assert.equal('coverageEndTime' in json, false, 'no end while live');
    assert.deepEqual((json.liveBlogUpdate as unknown[])[0], {
      '@type': 'BlogPosting',
      headline: 'Ferries are running again <at last>.',
      articleBody: 'Ferries are running again <at last>.',
      url: 'https://news.example/article/storm-live#update-u2',
      datePublished: '2026-11-20T14:30:00+09:00',
      dateModified: '2026-11-20T16:00:00+09:00',
      author: { '@type': 'Person', name: 'Jane Reporter' },
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Dateline Times', url: 'https://news.example/' },
      inLanguage: 'en',
    });
    assert.equal((json.liveBlogUpdate as unknown[]).length, 2);
  });

  it('ends the coverage when it ended', () => {
    const json = liveBlogPostingJsonLd(story, site, { coverage: { endedAt: new Date('2026-11-20T12:00:00.000Z') }, updates: [] });
    assert.equal(json.coverageEndTime, '2026-11-20T21:00:00+09:00');
    assert.deepEqual(json.liveBlogUpdate, []);
  });
});
