import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleBody } from '../../shared/article-body.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { KOREAN_QUERIES, KOREAN_STORIES } from './korean-corpus.fixture.js';
import { scanText, stemWord, type SearchClause } from './search-text.js';
import { findNewestMatches } from './search.repository.js';

const paragraph = (text: string): ArticleBody => [{ type: 'paragraph', content: [{ text }] }];

describe('Korean search: stems, compounds, precision and ranking', () => {
  let t: TestApp;
  const keyById = new Map<string, string>();
  const keys = async (text: string, pageSize = 50) =>
    (await t.deps.search.search({ text, page: 1, pageSize })).hits.map((hit) => keyById.get(hit.story.id) ?? hit.story.headline);

  before(async () => {
    t = await createTestApp();
    const section = await t.factories.section();
    for (const [i, story] of KOREAN_STORIES.entries()) {
      const article = await t.factories.article({
        section,
        headline: story.headline,
        standfirst: story.standfirst,
        body: paragraph(story.body),
        hoursAgo: i + 1,
      });
      keyById.set(article.id, story.key);
    }
  });
  after(() => t.close());

  it('finds a word in its inflected forms, and a word inside compounds', async () => {
    const citizens = await keys('시민들이');
    assert.ok(citizens.includes('citizens'), 'the same form and 시민들은');
    assert.ok(citizens.includes('citizen-voice'), '시민의');
    assert.deepEqual(await keys('서울시'), ['city-hall'], '서울시청에서, and 서울시는');
    assert.deepEqual(await keys('부산항의'), ['busan-port']);
    assert.deepEqual(await keys('"시민들이"'), citizens, 'quotes change nothing');
  });

  it('does not match a story that shares only a syllable', async () => {
    assert.ok(!(await keys('시민')).includes('city-hall'), '서울시청 shares 시, not 시민');
    assert.ok(!(await keys('시장')).includes('citizens'), '시민 shares 시, not 시장');
    assert.deepEqual(await keys('의대'), ['medical-school'], '의료 and 의사 share 의 only');
  });

  it('ignores particles searched alone, and never reads operators or quotes as syntax', async () => {
    for (const text of ['은', '의', '들이', '은 의 를']) assert.deepEqual(await keys(text), [], text);
    assert.deepEqual(await keys('의 반도체'), ['chips']);
    for (const text of [
      '시민" OR "서울',
      '반도체*',
      '(서울) AND',
      "시민' | '서울",
      '서울:*',
      'NEAR(시민 서울)',
      '시민 -서울',
      '"',
      '시민^2',
      '\\시민',
    ]) {
      const result = await t.deps.search.search({ text, page: 1 });
      assert.ok(Array.isArray(result.hits), text);
    }
    assert.deepEqual(await keys('반도체*'), ['chips']);
  });

  it('finds mixed Korean and English, and English as before', async () => {
    assert.deepEqual(await keys('samsung 스마트폰'), ['samsung']);
    assert.deepEqual(await keys('BTS 공연'), ['kpop']);
    assert.deepEqual(await keys('AI 삼성전자는'), ['samsung']);
    assert.deepEqual(await keys('Samsung'), ['samsung']);
  });

  it('marks the stem in snippets, whatever form was searched', async () => {
    const [hit] = (await t.deps.search.search({ text: '시민단체들이', page: 1 })).hits;
    assert.deepEqual(
      hit?.snippet.filter((part) => part.match).map((part) => part.text),
      ['시민단체'],
    );
  });

  it('measures precision@5 and recall over the corpus, against plain bigrams', async () => {
    const now = t.clock.now();
    const ranked = async (clauses: SearchClause[]) =>
      (await findNewestMatches(t.deps.db, t.deps.database.fullText, clauses, {}, { now, limit: 200 }))
        .sort((a, b) => b.score - a.score)
        .map((match) => keyById.get(match.id) ?? '');
    const analysed = await measure(async (text) => keys(text, 100));
    // What search did before: each Korean word as a phrase of its bigrams, unstemmed.
    const bigramsOnly = await measure((text) => ranked(scanText(text).map(plainClause)));
    console.log(`Korean search over ${KOREAN_STORIES.length} stories, ${KOREAN_QUERIES.length} queries (${t.deps.database.description}):`);
    console.log(`  stems + bigrams: ${describeFigures(analysed)}`);
    console.log(`  bigrams only:    ${describeFigures(bigramsOnly)}`);
    for (const miss of analysed.misses) console.log(`  ${miss}`);
    assert.ok(analysed.precisionAt5 >= 0.9, describeFigures(analysed));
    assert.ok(analysed.recall >= 0.95, describeFigures(analysed));
    assert.ok(analysed.recall > bigramsOnly.recall);
  });

  describe('ranking', () => {
    let r: TestApp;
    before(async () => {
      r = await createTestApp();
      await r.factories.article({ headline: '단체 성명 발표', body: paragraph('시민단체 관계자들이 모였다.'), hoursAgo: 1 });
      await r.factories.article({ headline: '정책 설명회 열려', body: paragraph('시청 앞에서 시민의 의견을 들었다.'), hoursAgo: 2 });
      await r.factories.article({ headline: '시민 안전 대책 발표', body: paragraph('구청이 대책을 내놓았다.'), hoursAgo: 3 });
    });
    after(() => r.close());

    it('ranks the stem in a headline first, then the exact stem in a body above it inside a compound', async () => {
      const hits = (await r.deps.search.search({ text: '시민들이', page: 1 })).hits.map((hit) => hit.story.headline);
      assert.deepEqual(hits, ['시민 안전 대책 발표', '정책 설명회 열려', '단체 성명 발표']);
    });

    it('is re-indexed after migration 0026 by the catch-up, and found by stem again', async () => {
      // What migration 0026 does: the index emptied at once; the catch-up at the next start refills it.
      await r.deps.database.fullText.discardDocuments(r.deps.db);
      assert.equal(await r.deps.database.fullText.countDocuments(r.deps.db), 0);
      assert.deepEqual((await r.deps.search.search({ text: '시민', page: 1 })).hits, []);
      await r.deps.search.refreshIndex();
      assert.equal(await r.deps.database.fullText.countDocuments(r.deps.db), 3);
      const hits = (await r.deps.search.search({ text: '시민의', page: 1 })).hits.map((hit) => hit.story.headline);
      assert.deepEqual(hits, ['시민 안전 대책 발표', '정책 설명회 열려', '단체 성명 발표']);
    });
  });
});

interface Figures {
  precisionAt5: number;
  strictPrecisionAt5: number;
  recall: number;
  misses: string[];
}

/**
 * Precision@5: the share of relevant stories among the first five shown (fewer when fewer were
 * found; a query that finds nothing counts 0). Strict: over five, whatever was found. Recall: the
 * share of each query's relevant stories found at all.
 */
async function measure(search: (text: string) => Promise<string[]>): Promise<Figures> {
  let precision = 0;
  let strict = 0;
  let recall = 0;
  const misses: string[] = [];
  for (const query of KOREAN_QUERIES) {
    const found = await search(query.text);
    const top = found.slice(0, 5);
    const relevantTop = top.filter((key) => query.relevant.includes(key)).length;
    precision += top.length === 0 ? 0 : relevantTop / top.length;
    strict += relevantTop / 5;
    recall += query.relevant.filter((key) => found.includes(key)).length / query.relevant.length;
    const wrong = top.filter((key) => !query.relevant.includes(key));
    const missing = query.relevant.filter((key) => !found.includes(key));
    if (wrong.length > 0 || missing.length > 0) misses.push(`${query.text}: extra [${wrong.join(', ')}], missing [${missing.join(', ')}]`);
  }
  const n = KOREAN_QUERIES.length;
  return { precisionAt5: precision / n, strictPrecisionAt5: strict / n, recall: recall / n, misses };
}

function describeFigures(f: Figures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `precision@5 ${pct(f.precisionAt5)} (strict, over 5: ${pct(f.strictPrecisionAt5)}), recall ${pct(f.recall)}`;
}

/** The clause search made before Korean analysis: a phrase of a run's bigrams, one character a prefix. */
function plainClause(segment: ReturnType<typeof scanText>[number]): SearchClause {
  if (segment.kind === 'word') return { kind: 'token', token: stemWord(segment.text) };
  const chars = Array.from(segment.text);
  if (chars.length === 1) return { kind: 'prefix', token: segment.text };
  const tokens = chars.slice(0, -1).map((char, i) => char + (chars[i + 1] ?? ''));
  return tokens.length === 1 ? { kind: 'token', token: tokens[0] ?? segment.text } : { kind: 'phrase', tokens };
}
