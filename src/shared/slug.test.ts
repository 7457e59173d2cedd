import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidSlug, slugify } from './slug.js';

describe('slugify', () => {
  it('makes lower-case kebab-case slugs, dropping accents and apostrophes', () => {
    assert.equal(slugify('  Café in Zürich: the Mayor’s "Plan"! '), 'cafe-in-zurich-the-mayors-plan');
    assert.equal(slugify('a'.repeat(90)), 'a'.repeat(80));
  });

  it('keeps Hangul and kana as whole characters, not decomposed into jamo or marks', () => {
    const hangul = slugify('서울 지하철 요금 인상');
    assert.equal(hangul, '서울-지하철-요금-인상');
    assert.equal(hangul.normalize('NFC'), hangul);
    assert.equal([...slugify('서울')].length, 2);
    assert.equal(slugify('がっこう ニュース'), 'がっこう-ニュース');
    assert.ok(isValidSlug(hangul));
  });
});
