import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafeLink } from './curation.service.js';

describe('banner links', () => {
  it('allows http(s) addresses and paths on this site only', () => {
    for (const link of ['/section/world', '/', 'https://example.com/a?b=c', 'http://example.com']) assert.ok(isSafeLink(link), link);
    for (const link of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      '//evil.example',
      '/\\evil.example',
      'vbscript:x',
      'mailto:a@b.c',
      'example.com',
    ]) {
      assert.ok(!isSafeLink(link), link);
    }
  });
});
