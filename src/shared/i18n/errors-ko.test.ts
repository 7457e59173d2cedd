import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import { koErrors } from './errors.ko.js';
import { translatorFor } from './index.js';

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The numbers a message states (`20`, `1,000`, `12,000`, the `8` of UTF-8), in order of size. */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:,\d{3})*/g)].map(([number]) => number).sort();
}

describe('coded error messages in Korean', () => {
  it('has a Korean message for every code, with the numbers of the English one', () => {
    const missing = CODES.filter((code) => !(code in koErrors));
    const extra = Object.keys(koErrors).filter((code) => !(code in ERROR_CATALOGUE));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    for (const code of CODES) {
      const korean = koErrors[code];
      assert.ok(korean.trim().length > 0, `${code}: empty`);
      assert.ok(/[가-힣]/.test(korean), `${code}: not Korean`);
      assert.notEqual(korean, ERROR_CATALOGUE[code].message, `${code}: still English`);
      assert.deepEqual(numbersIn(korean), numbersIn(ERROR_CATALOGUE[code].message), `${code}: numbers`);
    }
  });

  it('is what the Korean translator gives; English keeps the catalogue’s own text', () => {
    const ko = translatorFor('ko-KR');
    const en = translatorFor('en-GB');
    for (const code of CODES) {
      assert.equal(ko.error(code), koErrors[code], code);
      assert.equal(en.error(code), ERROR_CATALOGUE[code].message, code);
    }
    assert.equal(translatorFor('ko').error('ERR_MEDIA_FILE_TOO_LARGE'), '파일이 너무 큽니다. 이미지는 20MB까지 올릴 수 있습니다.');
  });
});
