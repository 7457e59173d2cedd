import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { AppError } from './errors.js';
import { checkText, text, TextCharactersError, textProblemOf, validateText } from './text.js';

/** NUL, BEL, two C1 controls (NEL, CSI), DEL, ESC, and both halves of a surrogate pair standing alone. */
const REFUSED_EVERYWHERE = ['\u0000', '\u0007', '\u0085', '\u009B', '\u007F', '\u001B', '\uD800', '\uDFFF'] as const;

describe('checkText: the one rule for typed text', () => {
  it('refuses C0 and C1 controls, DEL and lone surrogates in every field, one-line or not', () => {
    for (const bad of REFUSED_EVERYWHERE) {
      for (const multiline of [false, true]) {
        assert.deepEqual(
          checkText(`Fire ${bad}at the docks`, { multiline }),
          { ok: false, problem: 'characters' },
          JSON.stringify({ bad, multiline }),
        );
      }
    }
    assert.deepEqual(checkText('ends with a high surrogate \uD83D'), { ok: false, problem: 'characters' });
  });

  it('refuses line breaks and tabs inside a one-line field, and keeps them (as \\n) in a multi-line one', () => {
    for (const inner of ['\n', '\r\n', '\r', '\t', '\u2028', '\u2029']) {
      assert.deepEqual(checkText(`one${inner}two`), { ok: false, problem: 'characters' }, JSON.stringify(inner));
    }
    assert.deepEqual(checkText('one\r\ntwo\rthree\n\tfour', { multiline: true }), { ok: true, text: 'one\ntwo\nthree\n\tfour' });
  });

  it('trims edges (a pasted trailing newline is not a line break in the field) unless told not to', () => {
    assert.deepEqual(checkText('  Headline\r\n'), { ok: true, text: 'Headline' });
    assert.deepEqual(checkText(' run ', { trim: false }), { ok: true, text: ' run ' });
  });

  it('normalises to NFC and counts code points after normalising', () => {
    assert.deepEqual(checkText('Caf\u0065\u0301'), { ok: true, text: 'Caf\u00e9' });
    assert.deepEqual(checkText('e\u0301e\u0301', { max: 2 }), { ok: true, text: '\u00e9\u00e9' });
    assert.deepEqual(checkText('👍🏽', { max: 2 }), { ok: true, text: '👍🏽' }, 'an emoji pair is one character, not two UTF-16 units');
    assert.deepEqual(checkText('abc', { max: 2 }), { ok: false, problem: 'length' });
    assert.deepEqual(checkText('   ', { min: 1 }), { ok: false, problem: 'length' });
    assert.deepEqual(checkText(undefined), { ok: false, problem: 'length' });
  });

  it('keeps ordinary text in any script, with symbols and joiners, as it is', () => {
    for (const fine of ['서울 시청 앞', 'Zürich — “quoted” · 50 %', '👩‍👩‍👧 family', 'عربي', 'a\u00a0b', 'x\u200dy']) {
      assert.deepEqual(checkText(fine), { ok: true, text: fine.normalize('NFC') }, fine);
    }
  });
});

describe('validateText and text(): the same rule for hand-written checks and zod schemas', () => {
  it('validateText throws TextCharactersError naming the field for characters, the field’s own code for a length', () => {
    assert.equal(validateText(' Sport ', { field: 'name', code: 'ERR_SECTION_NAME_INVALID', max: 80 }), 'Sport');
    assert.throws(
      () => validateText('Sp\u0000ort', { field: 'name', code: 'ERR_SECTION_NAME_INVALID', max: 80 }),
      (error: unknown) =>
        error instanceof TextCharactersError && error.code === 'ERR_TEXT_INVALID_CHARACTERS' && error.status === 400 && error.field === 'name',
    );
    assert.throws(
      () => validateText('', { field: 'name', code: 'ERR_SECTION_NAME_INVALID', min: 1, max: 80 }),
      (error: unknown) => error instanceof AppError && !(error instanceof TextCharactersError) && error.code === 'ERR_SECTION_NAME_INVALID',
    );
  });

  it('text() parses to clean text and marks its issues with the problem', () => {
    const schema = z.object({ headline: text({ min: 1, max: 10 }), bio: text({ max: 50, multiline: true }).default('') });
    assert.deepEqual(schema.parse({ headline: ' Cafe\u0301 ', bio: 'line\r\nline' }), { headline: 'Café', bio: 'line\nline' });
    const bad = schema.safeParse({ headline: 'a\u009Bb', bio: 'x'.repeat(51) });
    assert.equal(bad.success, false);
    const problems = bad.error?.issues.map((issue) => [issue.path.join('.'), textProblemOf(issue)]);
    assert.deepEqual(problems, [
      ['headline', 'characters'],
      ['bio', 'length'],
    ]);
    assert.equal(textProblemOf({ code: 'too_small' }), undefined);
  });
});
