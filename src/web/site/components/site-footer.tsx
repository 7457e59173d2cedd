import type { SiteContext } from '../../shared/site-context.js';
import { paths } from '../../shared/paths.js';
import { FragmentCache } from './fragment.js';

const FOOTER_PAGES: Array<{ slug: string; label: string }> = [
  { slug: 'about', label: 'About us' },
  { slug: 'contact', label: 'Contact' },
  { slug: 'standards', label: 'Editorial standards and corrections policy' },
  { slug: 'privacy', label: 'Privacy' },
];

/** The footer's HTML, kept beside the site context it was made from, per year (fragment.tsx). */
const rendered = new FragmentCache<SiteContext>();

/** On every page, and the same until the settings or static pages change: rendered once per change. */
export function SiteFooter({ site }: { site: SiteContext }) {
  const year = new Date().getUTCFullYear();
  return rendered.render(site, String(year), () => <SiteFooterMarkup site={site} year={year} />);
}

/** Exported for the test comparing it with the cached copy. */
export function SiteFooterMarkup({ site, year }: { site: SiteContext; year: number }) {
  const { publication } = site;
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p class="site-footer-name">{publication.name}</p>
        <p>{publication.description}</p>
        <nav aria-label="About this publication">
          <ul>
            {FOOTER_PAGES.filter((page) => site.staticPages.has(page.slug)).map((page) => (
              <li key={page.slug}>
                <a href={paths.staticPage(page.slug)}>{page.label}</a>
              </li>
            ))}
            <li>
              <a href={`mailto:${publication.contactEmail}`}>{publication.contactEmail}</a>
            </li>
            <li>
              <a href={paths.feeds.site('rss')} type="application/rss+xml">
                RSS feed
              </a>
            </li>
            <li>
              <a href={paths.feeds.site('atom')} type="application/atom+xml">
                Atom feed
              </a>
            </li>
          </ul>
        </nav>
        <p class="copyright">
          © {publication.foundedYear < year ? `${publication.foundedYear}–${year}` : year} {publication.copyrightHolder}. All rights reserved.
        </p>
      </div>
      {/* Inside the footer landmark, still the last link on the page. */}
      <p class="back-to-main">
        <a href="/">Back to the main page (bottom)</a>
      </p>
    </footer>
  );
}
