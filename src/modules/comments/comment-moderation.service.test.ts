import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MODERATION_STEPS, blocklistMatch, checkModerationSettings, parseBlocklist } from './comment-moderation.service.js';

describe('comment moderation rules', () => {
  it('reads the blocklist one entry a line: trimmed, blank lines dropped, repeats kept once whatever their case', () => {
    assert.deepEqual(parseBlocklist('  Spam \r\n\r\nscam link\rSPAM\n\n  \nfree  money\n'), ['Spam', 'scam link', 'free  money']);
    assert.deepEqual(parseBlocklist(''), []);
  });

  it('accepts the three modes and at most 500 entries of up to 100 characters, naming each wrong field', () => {
    assert.deepEqual(checkModerationSettings({ commentsMode: 'closed', commentBlocklist: 'a\nb' }), {
      ok: true,
      settings: { commentsMode: 'closed', commentBlocklist: ['a', 'b'] },
    });
    assert.deepEqual(checkModerationSettings({ commentsMode: 'Open', commentBlocklist: 'x'.repeat(101) }), {
      ok: false,
      problems: ['commentsMode', 'commentBlocklist'],
    });
    const many = Array.from({ length: 501 }, (_, i) => `w${i}`).join('\n');
    assert.deepEqual(checkModerationSettings({ commentsMode: 'open', commentBlocklist: many }), { ok: false, problems: ['commentBlocklist'] });
    assert.equal(
      checkModerationSettings({ commentsMode: 'pre-moderated', commentBlocklist: `${'x'.repeat(100)}\n${many.split('\n').slice(0, 498).join('\n')}` })
        .ok,
      true,
    );
  });

  it('finds the blocklist entry a comment contains, ignoring case', () => {
    assert.equal(blocklistMatch('Click this SCAM link now', ['spam', 'scam link']), 'scam link');
    assert.equal(blocklistMatch('A fair point', ['spam']), null);
  });

  it('never brings a deleted comment back, and approves only what waits or was hidden', () => {
    for (const step of Object.values(MODERATION_STEPS)) assert.ok(!(step.from as readonly string[]).includes('deleted'));
    assert.deepEqual([...MODERATION_STEPS.approve.from], ['pending', 'hidden']);
  });
});
