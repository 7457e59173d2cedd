import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KoreanDemoArticle } from './demo-content.types.js';
import { koreanAuthors, koreanCredits, koreanSections } from './korean-edition.js';
import { liveStories } from './live-coverage.js';
import { storiesA } from './stories-a.js';
import { storiesB } from './stories-b.js';
import { storiesKo } from './stories-ko.js';

const englishStories = [...storiesA, ...storiesB, ...liveStories];
const englishBySlug = new Map(englishStories.map((story) => [story.slug, story]));

const HANGUL = /\p{Script=Hangul}/gu;
const LETTER = /\p{L}/gu;
const URL_SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Paragraphs of running text: sub-headings and the figure marker do not count. */
function textParagraphs(story: KoreanDemoArticle): string[] {
  return story.body.filter((paragraph) => !paragraph.startsWith('## ') && paragraph !== '[figure]');
}

/** Each failing story as "slug: what is wrong", so one run names every problem. */
function failures(check: (story: KoreanDemoArticle) => string | undefined): string[] {
  return storiesKo.flatMap((story) => {
    const problem = check(story);
    return problem ? [`${story.slug}: ${problem}`] : [];
  });
}

describe('Korean demo stories', () => {
  it('are at least 20, of which at least 6 are written only for the Korean edition', () => {
    assert.ok(storiesKo.length >= 20, `${storiesKo.length} stories`);
    const koreanOnly = storiesKo.filter((story) => story.translationOf === undefined);
    assert.ok(koreanOnly.length >= 6, `${koreanOnly.length} Korean-only stories`);
  });

  it('are complete: a Korean headline and standfirst, at least 4 paragraphs and 350 Hangul syllables', () => {
    const problems = failures((story) => {
      if (count(story.headline, HANGUL) === 0) return 'headline has no Hangul';
      if (count(story.standfirst, HANGUL) === 0) return 'standfirst has no Hangul';
      if (story.standfirst.length > 220) return `standfirst is ${story.standfirst.length} characters`;
      if (textParagraphs(story).length < 4) return `${textParagraphs(story).length} paragraphs`;
      const hangul = count(story.body.join('\n'), HANGUL);
      return hangul < 350 ? `body has ${hangul} Hangul syllables` : undefined;
    });
    assert.deepEqual(problems, []);
  });

  it('are written in Korean: Hangul is at least 60% of the letters of each body', () => {
    const problems = failures((story) => {
      const body = story.body.join('\n');
      const share = count(body, HANGUL) / count(body, LETTER);
      return share < 0.6 ? `Hangul is ${(share * 100).toFixed(0)}% of letters` : undefined;
    });
    assert.deepEqual(problems, []);
  });

  it('have unique, URL-safe ASCII slugs that no English story uses', () => {
    const problems = failures((story) => {
      if (!URL_SAFE_SLUG.test(story.slug) || story.slug.length > 80) return 'slug is not lower-case ASCII kebab-case of at most 80 characters';
      return englishBySlug.has(story.slug) ? 'slug is an English story’s' : undefined;
    });
    assert.deepEqual(problems, []);
    assert.equal(new Set(storiesKo.map((story) => story.slug)).size, storiesKo.length, 'duplicate slugs');
  });

  it('translate existing English stories, each at most once, published with or shortly after the original', () => {
    const problems = failures((story) => {
      if (story.translationOf === undefined) return undefined;
      const original = englishBySlug.get(story.translationOf);
      if (!original) return `translates ${story.translationOf}, which is not an English demo story`;
      if (original.section !== story.section) return `is in ${story.section}, the original in ${original.section}`;
      if (original.series?.part !== story.series?.part) return 'is not the same series part as the original';
      const delay = original.hoursAgo - story.hoursAgo;
      return delay < 0 || delay > 6 ? `is published ${delay} hours after the original` : undefined;
    });
    assert.deepEqual(problems, []);
    const translated = storiesKo.flatMap((story) => (story.translationOf ? [story.translationOf] : []));
    assert.equal(new Set(translated).size, translated.length, 'an English story is translated twice');
  });

  it('are filed under Korean sections, and every Korean section has stories', () => {
    const mapped = new Set(koreanSections.map((section) => section.englishSection));
    assert.deepEqual(
      failures((story) => (mapped.has(story.section) ? undefined : `section ${story.section} has no Korean section`)),
      [],
    );
    for (const section of koreanSections) {
      assert.match(section.slug, URL_SAFE_SLUG);
      assert.ok(
        storiesKo.some((story) => story.section === section.englishSection),
        `no story in ${section.name}`,
      );
    }
    assert.equal(mapped.size, koreanSections.length, 'two Korean sections map to one English section');
  });

  it('have Korean tags, captions and the paper’s own credits, and a figure exactly where the body places one', () => {
    const credits = new Set<string>(Object.values(koreanCredits));
    const problems = failures((story) => {
      if (story.tags.length < 2 || story.tags.length > 4) return `${story.tags.length} tags`;
      if (story.tags.some((tag) => count(tag, HANGUL) === 0)) return 'a tag has no Hangul';
      if (story.authors.some((author) => !koreanAuthors[author])) return 'an author has no Korean byline';
      for (const image of [story.hero, story.figure]) {
        if (!image) continue;
        if (count(image.caption, HANGUL) === 0) return `caption "${image.caption}" has no Hangul`;
        if (!credits.has(image.credit)) return `credit "${image.credit}" is not one of the paper’s`;
      }
      const figureMarks = story.body.filter((paragraph) => paragraph === '[figure]').length;
      return figureMarks !== (story.figure ? 1 : 0) ? `${figureMarks} figure marks` : undefined;
    });
    assert.deepEqual(problems, []);
  });
});
