import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/errors.js';
import { countGraphemes, findBlockedPhrase, validateCommentBody } from './comment-text.js';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'accepted';
};

describe('comment text rules', () => {
  it('counts what readers see as one character: 한, é with a combining accent, 👍🏽', () => {
    assert.equal(countGraphemes('한e\u0301👍🏽'), 3);
    assert.equal(
      codeOf(() => validateCommentBody('한'.repeat(300))),
      'accepted',
    );
    assert.equal(
      codeOf(() => validateCommentBody('한'.repeat(301))),
      'ERR_COMMENT_TOO_LONG',
    );
    assert.equal(
      codeOf(() => validateCommentBody('👍🏽'.repeat(250))),
      'accepted',
    );
    assert.equal(
      codeOf(() => validateCommentBody('e\u0301'.repeat(301))),
      'ERR_COMMENT_TOO_LONG',
    );
  });

  it('refuses more than 2,000 bytes even within 300 characters (combining-mark floods)', () => {
    // "x" has no precomposed form with an acute, so NFC leaves every mark standing: 1 + 2 bytes each.
    assert.equal(
      codeOf(() => validateCommentBody(`x${'\u0301'.repeat(999)}`)),
      'accepted',
    );
    assert.equal(
      codeOf(() => validateCommentBody(`x${'\u0301'.repeat(1000)}`)),
      'ERR_COMMENT_TOO_MANY_BYTES',
    );
  });

  it('refuses empty, whitespace-only, non-string, control characters and lone surrogates; never truncates', () => {
    assert.equal(
      codeOf(() => validateCommentBody('')),
      'ERR_COMMENT_EMPTY',
    );
    assert.equal(
      codeOf(() => validateCommentBody(' \n\t\u3000')),
      'ERR_COMMENT_EMPTY',
    );
    assert.equal(
      codeOf(() => validateCommentBody(undefined)),
      'ERR_COMMENT_EMPTY',
    );
    assert.equal(
      codeOf(() => validateCommentBody(['a'])),
      'ERR_COMMENT_EMPTY',
    );
    assert.equal(
      codeOf(() => validateCommentBody('a\u0000b')),
      'ERR_COMMENT_INVALID_CHARACTERS',
    );
    assert.equal(
      codeOf(() => validateCommentBody('a\u001bb')),
      'ERR_COMMENT_INVALID_CHARACTERS',
    );
    assert.equal(
      codeOf(() => validateCommentBody('a\ud800b')),
      'ERR_COMMENT_INVALID_CHARACTERS',
    );
  });

  it('follows the shared text rule: C1 controls refused under the comments’ code, text stored as NFC', () => {
    for (const bad of ['a\u0007b', 'a\u0085b', 'a\u009bb', 'a\u007fb']) {
      assert.equal(
        codeOf(() => validateCommentBody(bad)),
        'ERR_COMMENT_INVALID_CHARACTERS',
        JSON.stringify(bad),
      );
    }
    assert.equal(validateCommentBody('Cafe\u0301'), 'Caf\u00e9');
  });

  it('keeps line breaks and tabs, normalises CRLF and trims the ends', () => {
    assert.equal(validateCommentBody('  one\r\ntwo\tthree\r\n '), 'one\ntwo\tthree');
    assert.equal(validateCommentBody('<b>as typed</b>'), '<b>as typed</b>');
  });

  it('finds blocked words and phrases case-insensitively, whole words only', () => {
    assert.equal(findBlockedPhrase('That is SPAM indeed', ['spam']), 'spam');
    assert.equal(findBlockedPhrase('spammer', ['spam']), undefined);
    assert.equal(findBlockedPhrase('buy  cheap\nwatches', ['cheap watches']), 'cheap watches');
    assert.equal(findBlockedPhrase('나쁜말 입니다', ['나쁜말']), '나쁜말');
    assert.equal(findBlockedPhrase('a.b', ['a.b']), 'a.b');
    assert.equal(findBlockedPhrase('axb', ['a.b']), undefined);
  });
});
