import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermStatistics } from './postgres-term-statistics.js';

// As pg_stats gives them: the words' shares, then the lowest and highest share and the null share.
const statistics = new TermStatistics(['harbour', 'harvest', 'ferry', 'rare'], [0.5, 0.2, 0.1, 0.02, 0.02, 0.5, 0], 100_000);

describe('TermStatistics', () => {
  it('estimates a word from the list, and one missing from it as half the rarest listed', () => {
    assert.equal(statistics.matchShare([{ kind: 'token', token: 'harbour' }]), 0.5);
    assert.equal(statistics.matchShare([{ kind: 'token', token: 'zeppelin' }]), 0.01);
  });

  it('multiplies words that must all match, takes a phrase as its rarest word and a prefix as the words it begins', () => {
    assert.equal(
      statistics.matchShare([
        { kind: 'token', token: 'harbour' },
        { kind: 'token', token: 'ferry' },
      ]),
      0.05,
    );
    assert.equal(statistics.matchShare([{ kind: 'phrase', tokens: ['harbour', 'ferry'] }]), 0.1);
    assert.ok(Math.abs(statistics.matchShare([{ kind: 'prefix', token: 'har' }]) - 0.7) < 1e-9);
    assert.equal(statistics.matchShare([{ kind: 'prefix', token: 'zz' }]), 0.01);
  });

  it('walks from a lower share as the archive grows: every word takes the index on a small one', () => {
    const at = (documents: number) => new TermStatistics([], [], documents).walkFrom(201);
    assert.ok(Math.abs(at(100_000) - 0.12) < 0.005, String(at(100_000)));
    assert.ok(at(1_000_000) < at(100_000));
    assert.ok(at(1_000) > 1);
  });
});
