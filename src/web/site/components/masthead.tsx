import type { MediaAsset } from '../../../modules/media/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { paths } from '../../shared/paths.js';
import { FragmentCache } from './fragment.js';
import { languageName } from '../../../shared/i18n/index.js';
import { siteTranslator } from '../../shared/site-translator.js';

/** The masthead's HTML, kept beside the site context it was made from (fragment.tsx). */
const rendered = new FragmentCache<SiteContext>();

/**
 * The publication's name or logo, search, and the section navigation: on every page, and the same
 * until the settings or sections change (a new site context), so rendered once per change.
 */
export function Masthead({ site }: { site: SiteContext }) {
  return rendered.render(site, 'masthead', () => <MastheadMarkup site={site} />);
}

/** Exported for the test comparing it with the cached copy. */
export function MastheadMarkup({ site }: { site: SiteContext }) {
  const { t } = siteTranslator(site);
  return (
    <header class="masthead">
      <div class="masthead-inner">
        <a class="masthead-name" href={paths.home()}>
          {site.logo ? <MastheadLogo logo={site.logo} name={site.publication.name} /> : site.publication.name}
        </a>
        <p class="masthead-tagline">{site.publication.tagline}</p>
        <form class="masthead-search" role="search" aria-label={t('masthead.searchLabel')} action={paths.search()} method="get">
          <label for="masthead-search-q">{t('masthead.search')}</label>
          <input id="masthead-search-q" type="search" name="q" maxLength={200} autoComplete="off" />
          <button type="submit">{t('masthead.search')}</button>
        </form>
        <a class="masthead-account" href={paths.account.home()}>
          {t('masthead.account')}
        </a>
        {site.editions.length > 1 && <EditionSwitcher site={site} label={t('masthead.editions')} />}
      </div>
      {site.navigation.length > 0 && (
        <nav class="section-nav" aria-label={t('masthead.sections')}>
          <ul>
            {site.navigation.map((section) => (
              <li key={section.id}>
                <a href={paths.section(section.slug)}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

/**
 * Links to each edition's home page, each named in its own language ("English", "한국어") and marked
 * with it, so a reader who cannot read this page's language still finds theirs.
 */
function EditionSwitcher({ site, label }: { site: SiteContext; label: string }) {
  return (
    <nav class="edition-switcher" aria-label={label}>
      <ul>
        {site.editions.map((edition) => (
          <li key={edition.id}>
            <a
              href={paths.editionHome(edition.pathPrefix)}
              lang={edition.code}
              hrefLang={edition.code}
              aria-current={edition.id === site.edition.id ? 'true' : undefined}
            >
              {languageName(edition.code)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The logo stands for the name, so the name is its alt text (not the image's own description). */
function MastheadLogo({ logo, name }: { logo: MediaAsset; name: string }) {
  const variant = [...logo.variants].filter((v) => v.format !== 'avif').sort((a, b) => a.width - b.width)[0];
  if (!variant) return <>{name}</>;
  return <img class="masthead-logo" src={paths.media(variant.file)} width={variant.width} height={variant.height} alt={name} />;
}
