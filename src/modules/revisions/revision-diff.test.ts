import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffLines, diffSnapshots } from './revision-diff.js';
import type { RevisionSnapshot } from './revision.types.js';

const ops = (changes: Array<{ op: string; text: string }>) => changes.map((c) => `${c.op === 'same' ? ' ' : c.op === 'added' ? '+' : '-'}${c.text}`);

describe('revision diff', () => {
  it('marks nothing when the lines are equal', () => {
    assert.deepEqual(ops(diffLines(['a', 'b'], ['a', 'b'])), [' a', ' b']);
    assert.deepEqual(diffLines([], []), []);
  });

  it('finds lines added, removed and replaced, keeping the common ones in order', () => {
    assert.deepEqual(ops(diffLines(['a', 'b', 'c'], ['a', 'x', 'c'])), [' a', '-b', '+x', ' c']);
    assert.deepEqual(ops(diffLines(['a', 'c'], ['a', 'b', 'c'])), [' a', '+b', ' c']);
    assert.deepEqual(ops(diffLines(['a', 'b', 'c'], ['b'])), ['-a', ' b', '-c']);
    assert.deepEqual(ops(diffLines([], ['a'])), ['+a']);
    assert.deepEqual(ops(diffLines(['a'], [])), ['-a']);
  });

  it('finds a longest common run when paragraphs move', () => {
    const result = diffLines(['p1', 'p2', 'p3', 'p4'], ['p2', 'p3', 'p4', 'p1']);
    assert.equal(result.filter((c) => c.op === 'same').length, 3);
    assert.deepEqual(ops(result), ['-p1', ' p2', ' p3', ' p4', '+p1']);
  });

  it('lists changed fields and compares the body block by block as plain text', () => {
    const before: RevisionSnapshot = {
      slug: 's',
      headline: 'Old',
      standfirst: '',
      body: [
        { type: 'heading', text: 'Intro' },
        { type: 'paragraph', content: [{ text: 'First ' }, { text: 'para', marks: ['em'] }] },
      ],
      sectionId: 'sec',
      tags: ['a'],
      authorIds: ['x'],
      seriesId: null,
      seriesPart: null,
      heroMediaId: null,
      typeLabel: 'News',
      seoTitle: null,
      seoDescription: null,
      embargoUntil: null,
    };
    const after: RevisionSnapshot = {
      ...before,
      headline: 'New',
      tags: ['a', 'b'],
      body: [...before.body, { type: 'figure', mediaId: 'm1' }],
    };
    const diff = diffSnapshots(before, after);
    assert.deepEqual(diff.fields, [
      { field: 'headline', before: 'Old', after: 'New' },
      { field: 'tags', before: ['a'], after: ['a', 'b'] },
    ]);
    assert.deepEqual(ops(diff.body), [' ## Intro', ' First para', '+[figure m1]']);
  });
});
