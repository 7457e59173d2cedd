import type { DemoAuthorSlug, DemoSectionSlug, DemoTypeLabel } from './demo-content.types.js';

/**
 * The demo publication's Korean edition, at /ko/: its name, sections, author bylines and labels,
 * seeded by demo-korean-edition.ts (docs/editions.md). Stories are in stories-ko.ts.
 */
export const koreanEdition = {
  language: 'ko',
  pathPrefix: 'ko',
  timeZone: 'Asia/Seoul',
  name: '더 데이트라인 데일리',
  tagline: '서울에서 전하는 아시아와 세계',
  description:
    '더 데이트라인 데일리는 서울에서 한국과 아시아, 세계 소식을 전하는 독립 일간지입니다. 한국어판은 영문판 기사 번역과 한국어판 자체 기사를 함께 싣습니다.',
} as const;

/**
 * Korean sections. `slug` is the Korean edition's own (romanized, URL-safe); `englishSection` is the
 * English section it corresponds to, which is also what a Korean story's `section` field holds.
 */
export const koreanSections: Array<{ slug: string; englishSection: DemoSectionSlug; name: string; description: string }> = [
  {
    slug: 'segye',
    englishSection: 'world',
    name: '세계',
    description: '외교와 분쟁, 선거, 그리고 서울에서 멀리 떨어진 나라들을 바꾸는 흐름을 전합니다.',
  },
  { slug: 'asia', englishSection: 'asia', name: '아시아', description: '동아시아와 남아시아, 동남아시아, 한반도 곳곳의 소식을 전합니다.' },
  { slug: 'opinion', englishSection: 'debate', name: '오피니언', description: '사설과 칼럼, 주장을 담은 분석. 칼럼의 견해는 필자 개인의 것입니다.' },
  { slug: 'sahoe', englishSection: 'latest', name: '사회', description: '속보와 전국 소식을 하루 내내 전합니다.' },
  { slug: 'gyeongje', englishSection: 'business', name: '경제', description: '시장과 무역, 기술, 그리고 아시아 경제를 움직이는 기업들을 다룹니다.' },
];

/** Bylines as a Korean daily prints them: the name in Hangul, then the role. */
export const koreanAuthors: Record<DemoAuthorSlug, { name: string; jobTitle: string }> = {
  'min-ji-park': { name: '박민지', jobTitle: '아시아 담당 기자' },
  'daniel-okafor': { name: '대니얼 오카포', jobTitle: '국제·경제 담당 기자' },
  'hana-lee': { name: '이하나', jobTitle: '오피니언 에디터' },
};

/**
 * Korean stories keep the English typeLabel values (one vocabulary for both editions, so the seeder
 * and filters need no second list); the reading site shows them in Korean from the interface's
 * catalogue (`type.*` in src/shared/i18n/messages.ko.ts), whose words these are.
 */
export const koreanTypeLabels: Record<DemoTypeLabel, string> = {
  News: '뉴스',
  Analysis: '분석',
  Opinion: '칼럼',
  Editorial: '사설',
  Feature: '기획',
  Interview: '인터뷰',
  Live: '라이브',
};

/**
 * The Korean edition's own series (a series slug is unique across the publication); `englishSeries`
 * is the English series it translates, which is what a Korean story's `series.slug` holds.
 */
export const koreanSeries = {
  slug: 'majimak-bae',
  englishSeries: 'last-ferry' as const,
  title: '마지막 배',
  description: '남해안 섬마을 공동체, 그리고 배가 끊기면 그곳에 무슨 일이 일어나는지를 다룬 2부작 기획.',
};

/** Image credits used by the Korean stories: the paper's own desks, never an outside agency. */
export const koreanCredits = {
  illustration: 'Dateline 일러스트',
  graphics: 'Dateline 그래픽팀',
  photo: 'Dateline 사진부',
  archive: 'Dateline 자료사진',
} as const;
