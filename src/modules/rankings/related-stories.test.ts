import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RelatedStoriesIndex } from './related-stories-index.js';
import { foldEnglishPlural, tokenize, type RelatedStoryDocument } from './related-stories.js';

const BASE_TIME = Date.parse('2026-11-01T00:00:00.000Z');

/** A story with defaults; a test states only the fields it is about. `hoursAfter` orders by time. */
function story(id: string, fields: Partial<Omit<RelatedStoryDocument, 'id' | 'publishedAt'>> & { hoursAfter?: number } = {}): RelatedStoryDocument {
  const { hoursAfter = 0, ...rest } = fields;
  return {
    id,
    headline: '',
    standfirst: '',
    bodyText: '',
    tagIds: [],
    sectionId: `section-of-${id}`,
    seriesId: null,
    publishedAt: new Date(BASE_TIME + hoursAfter * 3_600_000),
    ...rest,
  };
}

/** Stories on other subjects, so words shared by the stories under test are not in every story. */
const unrelated = [
  story('budget', { headline: 'Parliament passes the budget', bodyText: 'Lawmakers approved spending on schools and hospitals.' }),
  story('football', { headline: 'Derby ends in a draw', bodyText: 'The home side equalised in the final minute of the match.' }),
  story('weather', { headline: 'First frost arrives early', bodyText: 'Forecasters expect cold nights across the region this week.' }),
  story('museum', { headline: 'Museum reopens its modern wing', bodyText: 'Curators rehung paintings after a two-year renovation.' }),
];

/** The full build's computation, in memory, over these stories and the unrelated ones. */
async function indexOf(docs: RelatedStoryDocument[]): Promise<RelatedStoriesIndex> {
  const index = new RelatedStoriesIndex();
  for (const doc of [...docs, ...unrelated]) index.add(doc);
  await index.compile();
  return index;
}

describe('related stories: tokenizer', () => {
  it('lower-cases, splits on anything but letters and digits, drops stop words and one-letter tokens', () => {
    assert.deepEqual(tokenize('The Ferry’s crew: 2026 strike, a NEW deal!'), ['ferry', 'crew', '2026', 'strike', 'deal']);
  });

  it('keeps Korean words whole, split on spaces and punctuation', () => {
    assert.deepEqual(tokenize('부산항 노동자, 파업 돌입.'), ['부산항', '노동자', '파업', '돌입']);
  });

  it('splits exactly as lower-casing and the Unicode regex would, in every script', () => {
    // The definition the scanner is a faster form of.
    const reference = (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((token) => [...token].length >= 2 && !['the', 'new', 'and'].includes(token))
        .map(foldEnglishPlural);
    for (const text of [
      'The Ferry’s crew: 2026 strike, a NEW deal! CLASSES Ferries Bus',
      '부산항 노동자들이, 파업에 돌입했다.',
      'İstanbul ΟΔΟΣ Ｆｕｌｌｗｉｄｔｈ ﬁnance x 𝐀𝐁 a𝐀 😀😀 東京 ab-cd_ef',
      'Ünïcödé naïve café façade 12,000 3.5% e-mail',
    ]) {
      assert.deepEqual(tokenize(text), reference(text), text);
    }
  });

  it('folds simple English plurals and leaves other endings alone', () => {
    assert.deepEqual(['ferries', 'strikes', 'classes', 'bus', 'crisis', 'ports', 'gas'].map(foldEnglishPlural), [
      'ferry',
      'strike',
      'class',
      'bus',
      'crisis',
      'port',
      'gas',
    ]);
  });
});

describe('related stories: ranking', () => {
  it('ranks the other stories about a ferry strike first, and leaves out stories sharing nothing', async () => {
    const index = await indexOf([
      story('strike-day-1', { headline: 'Ferry crews walk out over pay', bodyText: 'The ferry strike stopped crossings to the islands.' }),
      story('strike-day-2', { headline: 'Ferry strike enters second day', bodyText: 'Islanders queue for the few boats still crossing.' }),
      story('strike-talks', { headline: 'Talks to end ferry strike resume', standfirst: 'Union and operator meet as crews stay out.' }),
    ]);
    const related = index.relatedTo('strike-day-1', 5);
    assert.deepEqual(new Set(related.slice(0, 2)), new Set(['strike-day-2', 'strike-talks']));
    assert.deepEqual(
      related.filter((id) => unrelated.some((other) => other.id === id)),
      [],
    );
  });

  it('relates Korean stories by their words', async () => {
    const index = await indexOf([
      story('busan-strike', { headline: '부산항 노동자 파업', bodyText: '부산항 크레인 노동자들이 임금 협상 결렬로 파업에 들어갔다.' }),
      story('busan-talks', { headline: '부산항 파업 협상 재개', bodyText: '노사가 다시 만났다.' }),
      story('seoul-heat', { headline: '서울 폭염 경보', bodyText: '기온이 35도를 넘었다.' }),
    ]);
    assert.deepEqual(index.relatedTo('busan-strike', 5), ['busan-talks']);
  });

  it('puts the newest first among stories that score the same', async () => {
    const sameWords = { headline: 'Harbour crane collapses', bodyText: 'Dockers escaped unhurt.' };
    const index = await indexOf([
      story('subject', { ...sameWords, hoursAfter: 0 }),
      story('older', { ...sameWords, hoursAfter: 1 }),
      story('newest', { ...sameWords, hoursAfter: 3 }),
      story('middle', { ...sameWords, hoursAfter: 2 }),
    ]);
    assert.deepEqual(index.relatedTo('subject', 5), ['newest', 'middle', 'older']);
  });

  it('never lists the story itself or another part of its own series, but other series are fine', async () => {
    const sameWords = { headline: 'Inside the shipyard', bodyText: 'Welders build the new icebreaker.' };
    const index = await indexOf([
      story('part-1', { ...sameWords, seriesId: 'shipyard-series' }),
      story('part-2', { ...sameWords, seriesId: 'shipyard-series' }),
      story('other-series', { ...sameWords, seriesId: 'another-series' }),
      story('standalone', sameWords),
    ]);
    const related = index.relatedTo('part-1', 5);
    assert.deepEqual(new Set(related), new Set(['other-series', 'standalone']));
  });

  it('weighs a shared tag above a shared body word, and a shared section breaks an otherwise even match', async () => {
    const index = await indexOf([
      story('subject', { headline: 'Port fees rise', bodyText: 'Shipping lines object to the increase.', tagIds: ['ports'], sectionId: 'business' }),
      story('same-tag', { headline: 'Quay wall repaired', tagIds: ['ports'] }),
      story('body-word', { headline: 'Airline fares climb', bodyText: 'Travellers object.', hoursAfter: 5 }),
      story('same-section', { headline: 'Ferry lines merge', bodyText: 'Shipping consolidates.', sectionId: 'business' }),
      story('other-section', { headline: 'Rail lines merge', bodyText: 'Shipping consolidates.', hoursAfter: 9 }),
    ]);
    const related = index.relatedTo('subject', 5);
    assert.ok(related.indexOf('same-tag') < related.indexOf('body-word'), related.join(', '));
    assert.ok(related.indexOf('same-section') < related.indexOf('other-section'), related.join(', '));
  });

  it('follows stories added and removed, and relates a story that is not indexed (a draft)', async () => {
    const keeper = story('lighthouse', { headline: 'Lighthouse keeper retires' });
    const named = story('lighthouse-2', { headline: 'New lighthouse keeper named' });
    assert.deepEqual((await indexOf([keeper])).relatedTo('lighthouse', 5), []);
    assert.deepEqual((await indexOf([keeper, named])).relatedTo('lighthouse', 5), ['lighthouse-2']);
    const alone = await indexOf([keeper]);
    assert.deepEqual(alone.relatedToDocument(story('draft', { headline: 'Lighthouse lamps replaced' }), 5), ['lighthouse']);
  });

  it('finds the related story of a long one through its most telling words, and respects the limit', async () => {
    const filler = Array.from({ length: 80 }, (_, n) => `filler${n}`).join(' ');
    const index = await indexOf([
      story('subject', { headline: 'Tsunami warning lifted for the east coast', bodyText: filler }),
      story('warning', { headline: 'Tsunami warning issued after undersea quake', hoursAfter: -1 }),
      ...Array.from({ length: 6 }, (_, n) => story(`coast-${n}`, { headline: `East coast towns count the cost ${n}`, hoursAfter: n })),
    ]);
    const related = index.relatedTo('subject', 3);
    assert.equal(related[0], 'warning');
    assert.equal(related.length, 3);
  });
});
