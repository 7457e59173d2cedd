import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES, formatDate, formatDateTime, translatorFor, type CatalogueLanguage, type Message } from './index.js';

const LANGUAGES = Object.keys(CATALOGUES) as CatalogueLanguage[];
const PLACEHOLDER = /\{(\w+)\}|<(\w+)>/g;

function texts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((text): text is string => text !== undefined);
}

/** Every placeholder and tag a message uses, in any of its forms. */
function placeholders(message: Message): string[] {
  const found = new Set<string>();
  for (const text of texts(message)) for (const match of text.matchAll(PLACEHOLDER)) found.add(match[1] ?? `<${match[2]}>`);
  return [...found].sort();
}

describe('message catalogues', () => {
  const reference = CATALOGUES.en;
  for (const language of LANGUAGES) {
    const catalogue = CATALOGUES[language];
    it(`${language} has exactly the English keys`, () => {
      const missing = Object.keys(reference).filter((key) => !(key in catalogue));
      const extra = Object.keys(catalogue).filter((key) => !(key in reference));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });
    it(`${language} keeps every placeholder, link and message kind`, () => {
      for (const [key, english] of Object.entries(reference)) {
        const message = catalogue[key as keyof typeof catalogue];
        assert.equal(typeof message, typeof english, `${language} ${key}: plain or plural, as in English`);
        assert.deepEqual(placeholders(message), placeholders(english), `${language} ${key}: placeholders`);
        for (const text of texts(message)) assert.ok(text.trim().length > 0, `${language} ${key}: empty text`);
      }
    });
    it(`${language} has every plural category its language uses`, () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalogue)) {
        if (typeof message === 'string') continue;
        for (const category of categories) assert.ok(category in message, `${language} ${key}: no "${category}" form`);
        for (const category of Object.keys(message))
          assert.ok(categories.includes(category as Intl.LDMLPluralRule), `${language} ${key}: "${category}" is never used`);
      }
    });
  }
});

describe('translator', () => {
  it('picks the plural form with Intl.PluralRules: en one/other, ko other', () => {
    const en = translatorFor('en');
    assert.equal(en.t('article.aboutAuthors', { count: 1 }), 'About the author');
    assert.equal(en.t('article.aboutAuthors', { count: 2 }), 'About the authors');
    assert.equal(en.t('list.commentCount', { count: 1234 }), 'Comments 1,234');
    const ko = translatorFor('ko');
    assert.equal(ko.t('list.commentCount', { count: 1 }), '댓글 1개');
    assert.equal(ko.t('list.commentCount', { count: 12345 }), '댓글 12,345개');
    assert.equal(ko.t('article.aboutAuthors', { count: 3 }), '기자 소개');
  });

  it('fills placeholders as plain text (escaping is the renderer’s) and chooses the catalogue by primary language', () => {
    assert.equal(translatorFor('en-GB').t('list.sectionLatest', { section: '<b>World</b>' }), '[<b>World</b>] Latest Stories');
    assert.equal(translatorFor('ko-KR').t('layout.skipToMain'), '본문 바로가기');
    assert.equal(translatorFor('fr').language, 'en');
  });

  it('splits a rich message at its tags', () => {
    const parts = translatorFor('ko').rich('error.wayBack', { link: (text) => ({ link: text }) });
    assert.deepEqual(parts, [{ link: '첫 화면으로 가거나' }, ' 위의 섹션에서 최신 기사를 찾아보세요.']);
  });
});

describe('dates and numbers', () => {
  const at = new Date('2026-12-02T09:00Z');
  it('writes Korean dates as Korean newspapers do', () => {
    assert.equal(formatDateTime(at, { language: 'ko', timeZone: 'Asia/Seoul' }), '2026년 12월 2일 오후 6:00');
    assert.equal(formatDateTime(new Date('2026-12-01T15:05Z'), { language: 'ko-KR', timeZone: 'Asia/Seoul' }), '2026년 12월 2일 오전 12:05');
    assert.equal(formatDate(at, { language: 'ko', timeZone: 'Asia/Seoul' }), '2026년 12월 2일');
    assert.equal(translatorFor('ko').dateTime(at, 'Asia/Seoul'), '2026년 12월 2일 오후 6:00');
  });
  it('keeps the English format the site has always used', () => {
    assert.equal(formatDateTime(at, { language: 'en', timeZone: 'Asia/Seoul' }), 'Dec 2, 2026, 6:00 PM GMT+9');
    assert.equal(formatDate(at, { language: 'en', timeZone: 'Asia/Seoul' }), 'Dec 2, 2026');
    assert.equal(translatorFor('en').number(1234567), '1,234,567');
  });
});
