import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DemoArticle } from './demo-content.types.js';
import { liveStories } from './live-coverage.js';
import { storiesA } from './stories-a.js';
import { storiesB } from './stories-b.js';

/** Words that say nothing about what a story is about. */
const STOP_WORDS = new Set(
  'a an the of in on at to for as and or but by with from after before over under into its it is are was were be been this that these those than then their his her our not no more most up down out off about between per will would can could has have had new says said'.split(
    ' ',
  ),
);

/** The set of a text's content words, lower-cased, possessives and plural -s dropped. */
function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word && !STOP_WORDS.has(word))
      .map((word) => word.replace(/([^s])s$/, '$1')),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Above these, two stories read as one story told twice. Measured on the demo as written: distinct
 * stories share at most 0.22 of their headline words, 0.14 of their standfirsts' and 0.20 of their
 * bodies' (a news story and a column arguing about it). The near-duplicates this test was written
 * against (two reports of the same month's chip exports, of the same LNG carrier orders, of the same
 * rate decision) shared 0.50, 0.24 and 0.23 of their headline words, and 0.24–0.34 of their bodies'.
 */
const MAX_SIMILARITY = { headline: 0.3, standfirst: 0.3, body: 0.22 } as const;

const FIELDS: Record<keyof typeof MAX_SIMILARITY, { plural: string; text: (story: DemoArticle) => string }> = {
  headline: { plural: 'headlines', text: (story) => story.headline },
  standfirst: { plural: 'standfirsts', text: (story) => story.standfirst },
  body: { plural: 'bodies', text: (story) => story.body.join('\n') },
};

describe('demo stories', () => {
  const stories = [...storiesA, ...storiesB, ...liveStories];

  for (const [field, { plural, text }] of Object.entries(FIELDS) as Array<[keyof typeof MAX_SIMILARITY, (typeof FIELDS)[keyof typeof FIELDS]]>) {
    it(`are all different stories: no two ${plural} share more than ${MAX_SIMILARITY[field]} of their words`, () => {
      const sets = stories.map((story) => wordSet(text(story)));
      const tooClose: string[] = [];
      for (let i = 0; i < stories.length; i++) {
        for (let j = i + 1; j < stories.length; j++) {
          const similarity = jaccard(sets[i] ?? new Set(), sets[j] ?? new Set());
          if (similarity > MAX_SIMILARITY[field]) tooClose.push(`${similarity.toFixed(2)}: ${stories[i]?.slug} ~ ${stories[j]?.slug}`);
        }
      }
      assert.deepEqual(tooClose, []);
    });
  }

  it('tells near-identical headlines apart from merely related ones', () => {
    const similarity = (a: string, b: string) => jaccard(wordSet(a), wordSet(b));
    assert.ok(
      similarity('Korean chip exports hit a record as AI demand lifts memory prices', 'Chip exports hit monthly record on demand for AI servers') >
        MAX_SIMILARITY.headline,
    );
    assert.ok(
      similarity('Seoul subway strike averted after overnight wage deal', 'Fare rises alone will not fix Seoul’s subway finances') <=
        MAX_SIMILARITY.headline,
    );
  });
});
