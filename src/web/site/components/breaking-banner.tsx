import type { BreakingBanner } from '../../../modules/rankings/index.js';

/**
 * The breaking-news strip above the masthead. A labelled region rather than role="alert": it is in
 * the page from the start, and alerts would interrupt every page load for screen-reader users.
 * The link was checked when saved (http(s) or a site path only).
 */
export function BreakingBannerStrip({ banner }: { banner: BreakingBanner }) {
  return (
    <aside class="breaking-banner" aria-label="Breaking news">
      <p>
        <strong class="breaking-banner-label">Breaking</strong> {banner.link ? <a href={banner.link}>{banner.text}</a> : banner.text}
      </p>
    </aside>
  );
}
