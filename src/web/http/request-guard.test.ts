import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/errors.js';
import { MAX_URL_LENGTH, assertReadableUrl } from './request-guard.js';

const codeOf = (url: string) => {
  try {
    assertReadableUrl(url);
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
};

describe('request guard', () => {
  it('passes ordinary and Korean percent-encoded URLs', () => {
    assert.equal(codeOf('/article/harbour-reopens?page=2'), 'ok');
    assert.equal(codeOf('/tag/%ED%95%9C%EA%B5%AD'), 'ok');
  });

  it('refuses broken escapes, invalid UTF-8, raw bytes and over-long URLs', () => {
    assert.equal(codeOf('/article/%zz'), 'ERR_URL_MALFORMED');
    assert.equal(codeOf('/article/%C3%28'), 'ERR_URL_MALFORMED');
    assert.equal(codeOf('/article/%'), 'ERR_URL_MALFORMED');
    assert.equal(codeOf('/article/\u00e9'), 'ERR_URL_MALFORMED');
    assert.equal(codeOf(`/${'a'.repeat(MAX_URL_LENGTH)}`), 'ERR_URL_TOO_LONG');
  });
});
