import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LatestLoad } from './latest-load.js';

describe('LatestLoad', () => {
  it('lets only the latest load apply, whatever order they finish in', () => {
    const loads = new LatestLoad();
    const first = loads.begin();
    const second = loads.begin();
    assert.equal(first(), false);
    assert.equal(second(), true);
  });

  it('a change made in memory supersedes loads under way, not later ones', () => {
    const loads = new LatestLoad();
    const before = loads.begin();
    loads.supersede();
    assert.equal(before(), false);
    assert.equal(loads.begin()(), true);
  });
});
