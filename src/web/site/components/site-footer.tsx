import type { SiteContext } from '../../shared/site-context.js';
import { paths } from '../../shared/paths.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { FragmentCache } from './fragment.js';
import { siteTranslator } from '../../shared/site-translator.js';

const FOOTER_PAGES: Array<{ slug: string; label: MessageKey }> = [
  { slug: 'about', label: 'footer.page.about' },
  { slug: 'contact', label: 'footer.page.contact' },
  { slug: 'standards', label: 'footer.page.standards' },
  { slug: 'privacy', label: 'footer.page.privacy' },
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
  const { t } = siteTranslator(site);
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p class="site-footer-name">{publication.name}</p>
        <p>{publication.description}</p>
        <nav aria-label={t('footer.aboutNav')}>
          <ul>
            {FOOTER_PAGES.filter((page) => site.staticPages.has(page.slug)).map((page) => (
              <li key={page.slug}>
                <a href={paths.staticPage(page.slug)}>{t(page.label)}</a>
              </li>
            ))}
            <li>
              <a href={`mailto:${publication.contactEmail}`}>{publication.contactEmail}</a>
            </li>
            <li>
              <a href={paths.feeds.site('rss')} type="application/rss+xml">
                {t('footer.rssFeed')}
              </a>
            </li>
            <li>
              <a href={paths.feeds.site('atom')} type="application/atom+xml">
                {t('footer.atomFeed')}
              </a>
            </li>
          </ul>
        </nav>
        <p class="copyright">
          {t('footer.copyright', {
            years: publication.foundedYear < year ? `${publication.foundedYear}–${year}` : String(year),
            holder: publication.copyrightHolder,
          })}
        </p>
      </div>
      {/* Inside the footer landmark, still the last link on the page. */}
      <p class="back-to-main">
        <a href={paths.home()}>{t('layout.backToMainBottom')}</a>
      </p>
    </footer>
  );
}
