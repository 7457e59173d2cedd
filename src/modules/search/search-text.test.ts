import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSnippet } from './search-snippet.js';
import { koreanStem } from './search-korean.js';
import { findMatches, indexText, MAX_QUERY_TERMS, parseQuery, stemWord } from './search-text.js';

describe('search text: tokens, queries, snippets', () => {
  it('stems English lightly and folds case and Latin accents', () => {
    const stems = ['elections', 'election', 'running', 'runs', 'policies', 'policy', 'agreed', 'hoped', 'news', 'this', 'bus'].map(stemWord);
    assert.deepEqual(stems, ['election', 'election', 'run', 'run', 'polici', 'polici', 'agree', 'hope', 'new', 'this', 'bus']);
    assert.equal(indexText('Café ÉLECTIONS'), 'cafe election');
    assert.equal(indexText('ＡＢＣ'), 'abc', 'full-width letters are NFKC-folded');
  });

  it('indexes Hangul and Han runs as overlapping bigrams, beside the words around them', () => {
    // A Korean word also gives its stem (search-korean.ts), marked apart from the bigrams.
    assert.equal(indexText('서울에서 AI 칩'), 'k서울 서울 울에 에서 ai k칩 칩');
    assert.equal(indexText('東京タワー'), '東京 京タ タワ ワー');
  });

  it('turns a query into quoted-token clauses; operators and punctuation are words or nothing', () => {
    assert.deepEqual(parseQuery('부동산 정책 Elections 집'), {
      terms: ['부동산', '정책', 'elections', '집'],
      clauses: [
        {
          kind: 'any',
          terms: [
            { kind: 'phrase', tokens: ['부동', '동산'] },
            { kind: 'token', token: 'k부동산' },
          ],
        },
        {
          kind: 'any',
          terms: [
            { kind: 'token', token: '정책' },
            { kind: 'token', token: 'k정책' },
          ],
        },
        { kind: 'token', token: 'election' },
        {
          kind: 'any',
          terms: [
            { kind: 'prefix', token: '집' },
            { kind: 'token', token: 'k집' },
          ],
        },
      ],
    });
    assert.deepEqual(parseQuery('" ( ) * ^ : - ! \' \\ %').clauses, []);
    assert.deepEqual(parseQuery('NEAR(a b) OR "c').terms, ['near', 'a', 'b', 'or', 'c']);
    assert.deepEqual(parseQuery('x x X').terms, ['x'], 'repeated words count once');
    assert.equal(parseQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).clauses.length, MAX_QUERY_TERMS);
  });

  it('strips Korean particles and endings to a stem, never below what keeps the word', () => {
    const stems = [
      '시민들이',
      '시민의',
      '시민단체들은',
      '서울시청에서',
      '집에서',
      '정부가',
      '발표했다',
      '발표한',
      '제도',
      '대한',
      '전문가들은',
      '어린이들의',
      '경기도의',
    ];
    assert.deepEqual(stems.map(koreanStem), [
      '시민',
      '시민',
      '시민단체',
      '서울시청',
      '집',
      '정부',
      '발표',
      '발표',
      '제도',
      '대한',
      '전문가',
      '어린이',
      '경기도',
    ]);
    assert.equal(indexText('시민들이 시민의'), 'k시민 시민 민들 들이 k시민 시민 민의');
    assert.deepEqual(parseQuery('은 의 들이').clauses, [], 'particles alone are not searched');
    assert.deepEqual(parseQuery('시민들이').clauses, [
      {
        kind: 'any',
        terms: [
          { kind: 'token', token: '시민' },
          { kind: 'token', token: 'k시민' },
        ],
      },
    ]);
  });

  it('finds matches by stem for words and as substrings for Korean', () => {
    const text = 'Elections: 서울에서 the election';
    assert.deepEqual(
      findMatches(text, ['election', '서울']).map(([s, e]) => text.slice(s, e)),
      ['Elections', '서울', 'election'],
    );
    const korean = '시민의 목소리';
    assert.deepEqual(
      findMatches(korean, ['시민들이']).map(([s, e]) => korean.slice(s, e)),
      ['시민'],
    );
  });

  it('builds a snippet of about 30 words around the best match, marking it', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`);
    words[60] = 'harbour';
    const snippet = buildSnippet([words.join(' ')], ['harbour']);
    const text = snippet.map((part) => part.text).join('');
    assert.ok(text.startsWith('… word52 '), text);
    assert.ok(text.endsWith(' …'));
    assert.equal(text.replace(/…/g, '').trim().split(/\s+/).length, 30);
    assert.deepEqual(
      snippet.filter((part) => part.match),
      [{ text: 'harbour', match: true }],
    );
    assert.deepEqual(buildSnippet(['', 'Only a standfirst.'], ['absent']), [{ text: 'Only a standfirst.', match: false }]);
    assert.deepEqual(buildSnippet([], ['x']), []);
  });

  it('finds matches in a long body past its opening, and marks every match in the window', () => {
    const body = (at: number[]) => {
      const words = Array.from({ length: 1500 }, (_, i) => `word${i}`);
      for (const i of at) words[i] = 'harbour';
      return words.join(' ');
    };
    const marked = (snippet: ReturnType<typeof buildSnippet>) => snippet.filter((part) => part.match).length;
    const late = buildSnippet([body([1200])], ['harbour']);
    assert.match(late.map((part) => part.text).join(''), /^… word1192 .* …$/);
    assert.equal(marked(late), 1);
    // One match near the end of the opening searched first, another just past it: both shown.
    const last = body([]).slice(0, 3000).split(' ').length - 1; // the word cut at 3,000 characters
    const straddling = buildSnippet([body([last - 3, last + 6])], ['harbour']);
    assert.equal(marked(straddling), 2, JSON.stringify(straddling));
  });
});
