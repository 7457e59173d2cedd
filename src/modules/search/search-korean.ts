/**
 * Korean analysis without a dictionary (no morphological analyser runs here: docs/search.md,
 * "Korean"). A Korean word as written (어절) is a stem followed by particles (조사) or a verbal
 * ending; this strips the common ones by rule, so "시민들이", "시민의" and "시민" share the stem
 * "시민". Stripping only ever removes a suffix, so a stem is always the start of its word: the
 * stem's bigrams are found inside every form of the word, and inside compounds ("서울시" inside
 * "서울시청에서"). The same function runs on stories and on queries, so a wrong cut ("어린이" →
 * "어린") is made on both sides and costs precision, not recall.
 */

/**
 * Verbal endings after a noun (하다/되다 verbs, the copula), longest first. Stripped only when at
 * least two syllables remain: "발표했다" → "발표", but "대한" (Korea) keeps its 한.
 */
const ENDINGS = [
  '했습니다',
  '됐습니다',
  '하겠다고',
  '했다고',
  '한다고',
  '된다고',
  '했으며',
  '했지만',
  '하겠다',
  '이었다',
  '합니다',
  '됩니다',
  '입니다',
  '했다',
  '했고',
  '했던',
  '한다',
  '하는',
  '하고',
  '하며',
  '하기',
  '하지',
  '하면',
  '해야',
  '된다',
  '됐다',
  '되는',
  '되고',
  '되며',
  '되어',
  '됐고',
  '이다',
  '였다',
  '한',
  '할',
  '된',
];

/**
 * Particles, compounds before their parts (longest first). A one-syllable particle is stripped only
 * when two syllables remain ("제도" keeps its 도, "정부가" → "정부"); a longer one leaves at least one
 * ("집에서" → "집").
 */
const PARTICLES = [
  '으로부터',
  '에서부터',
  '에게서',
  '에서는',
  '에서도',
  '에서의',
  '에게는',
  '에게도',
  '으로서',
  '으로써',
  '으로는',
  '으로도',
  '까지는',
  '까지도',
  '부터는',
  '이라는',
  '이라고',
  '에서',
  '에게',
  '한테',
  '께서',
  '으로',
  '에는',
  '에도',
  '에의',
  '와는',
  '과는',
  '와의',
  '과의',
  '로는',
  '로도',
  '로서',
  '로써',
  '만큼',
  '처럼',
  '보다',
  '까지',
  '부터',
  '마저',
  '조차',
  '이나',
  '라는',
  '라고',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
];

/** A query word that is only a particle, searched alone: no word to look for. */
const LONE_PARTICLES = new Set([...PARTICLES, '들', '들이', '들은', '들의', '들을', '들도']);

/**
 * Common words whose last syllable looks like a particle but belongs to the word (家, the 이 of
 * 어린이, 道 of a province): kept whole.
 */
const WHOLE_WORDS = new Set([
  '전문가',
  '정치가',
  '예술가',
  '작곡가',
  '사업가',
  '투자가',
  '건축가',
  '평론가',
  '어린이',
  '고양이',
  '원숭이',
  '젊은이',
  '늙은이',
  '경기도',
  '강원도',
  '충청도',
  '전라도',
  '경상도',
  '제주도',
  '울릉도',
]);

/**
 * Suffixes by their last syllable, longest first: a word is compared with the few that end as it
 * does (comparing every suffix made indexing Korean text five times slower).
 */
function byLastSyllable(suffixes: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const suffix of [...suffixes].sort((a, b) => b.length - a.length)) {
    const last = suffix.slice(-1);
    map.set(last, [...(map.get(last) ?? []), suffix]);
  }
  return map;
}

const ENDINGS_BY_LAST = byLastSyllable(ENDINGS);
const PARTICLES_BY_LAST = byLastSyllable(PARTICLES);

const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;

/** Whether the analysis applies: a run of Hangul syllables only (not jamo, not mixed with Han). */
export function isHangulWord(run: string): boolean {
  return HANGUL_WORD.test(run);
}

/** A Hangul word's stem: one verbal ending, or one particle then a plural 들, stripped. */
export function koreanStem(word: string): string {
  if (WHOLE_WORDS.has(word)) return word;
  const ending = ENDINGS_BY_LAST.get(word.slice(-1))?.find((suffix) => word.endsWith(suffix) && word.length - suffix.length >= 2);
  if (ending) return word.slice(0, -ending.length);
  let stem = word;
  const particle = PARTICLES_BY_LAST.get(stem.slice(-1))?.find(
    (suffix) => stem.endsWith(suffix) && stem.length - suffix.length >= (suffix.length === 1 ? 2 : 1),
  );
  if (particle) stem = stem.slice(0, -particle.length);
  if (WHOLE_WORDS.has(stem)) return stem;
  if (stem.endsWith('들') && stem.length >= 3) stem = stem.slice(0, -1);
  return stem;
}

/** Whether a query word is only a particle ("은", "의", "들이"), with nothing to search for. */
export function isLoneParticle(word: string): boolean {
  return LONE_PARTICLES.has(word);
}

/**
 * The token a stem is indexed as, beside the word's bigrams. The Latin prefix keeps it apart from
 * every bigram ("시민" the stem is not "시민" the bigram of "시민단체", so an exact stem can rank
 * higher) and from every word: no other token mixes Latin and Hangul, as text is split between
 * scripts before it is tokenised.
 */
export function stemToken(stem: string): string {
  return `k${stem}`;
}
