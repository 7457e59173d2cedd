import { HOUR_MS } from '../../shared/clock.js';

/**
 * Google News's rules for a news sitemap (Google Search Central, "Create a news sitemap"): only
 * stories published in the last two days, at most 1,000 URLs in one sitemap.
 */
export const NEWS_WINDOW_MS = 48 * HOUR_MS;
export const NEWS_MAX_STORIES = 1_000;

/**
 * The publication's language as `<news:language>` wants it: an ISO 639 code of two or three
 * letters, except Chinese, which is `zh-cn` (Simplified) or `zh-tw` (Traditional). The settings
 * hold a BCP 47 tag (`en-GB`, `ko-KR`, `zh-Hant-HK`), so region and script are dropped, except
 * that they tell the two Chinese scripts apart.
 */
export function googleNewsLanguage(tag: string): string {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.replace(/_/g, '-')).maximize();
  } catch {
    // Not a valid tag: its first subtag, if it looks like a language code at all.
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    return /^[a-z]{2,3}$/.test(primary) ? primary : 'und';
  }
  const language = locale.language.toLowerCase();
  if (language === 'zh') return locale.script === 'Hant' ? 'zh-tw' : 'zh-cn';
  return /^[a-z]{2,3}$/.test(language) ? language : 'und';
}
