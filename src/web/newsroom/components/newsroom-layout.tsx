import type { ComponentChildren } from 'preact';
import { roleHas } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { IconLinks } from '../../shared/icon-links.js';
import type { MessageKey, Translator } from '../../../shared/i18n/index.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { TranslatorContext } from '../../shared/translator-context.js';
import { newsroomPaths } from '../newsroom-paths.js';

export interface NewsroomViewer {
  displayName: string;
  role: string;
  csrfToken: string;
  /** The account's chosen newsroom language; null: the publication's (newsroomTranslator). */
  language: string | null;
}

const ROLE_KEYS = {
  contributor: 'nr.role.contributor',
  reporter: 'nr.role.reporter',
  editor: 'nr.role.editor',
  admin: 'nr.role.admin',
} as const satisfies Record<string, MessageKey>;

/** A role's name in the page's language; a role Dateline does not know is shown as stored. */
export function roleLabel(role: string, translator: Pick<Translator, 't'>): string {
  const key = ROLE_KEYS[role as keyof typeof ROLE_KEYS] as MessageKey | undefined;
  return key ? translator.t(key as 'nr.role.admin') : role;
}

/**
 * Every newsroom page: the site's skip links, the newsroom's own header and navigation, and who
 * is signed in. Kept out of search engines; no script needed.
 */
export function NewsroomLayout({
  site,
  title,
  viewer,
  current,
  stylesheets = [],
  children,
}: {
  site: SiteContext;
  title: string;
  viewer?: NewsroomViewer;
  /** Path of the page, to mark its navigation link with aria-current. */
  current?: string;
  /** Extra assets' names (the editor's own CSS), so other pages do not carry them. */
  stylesheets?: readonly string[];
  children: ComponentChildren;
}) {
  const translator = newsroomTranslator(site, viewer);
  const { t, rich } = translator;
  const links = viewer
    ? [
        { href: newsroomPaths.home(), label: t('nr.nav.home') },
        { href: newsroomPaths.media(), label: t('nr.nav.media') },
        ...(roleHas(viewer.role, 'curation.manage') ? [{ href: newsroomPaths.curation(), label: t('nr.nav.curation') }] : []),
        ...(roleHas(viewer.role, 'comments.moderate') ? [{ href: newsroomPaths.comments(), label: t('nr.nav.comments') }] : []),
        { href: newsroomPaths.stories(), label: t('nr.nav.stories') },
        ...(roleHas(viewer.role, 'audience.view') ? [{ href: newsroomPaths.audience(), label: t('nr.nav.audience') }] : []),
        ...(roleHas(viewer.role, 'taxonomy.manage')
          ? [
              { href: newsroomPaths.sections(), label: t('nr.nav.sections') },
              { href: newsroomPaths.authors(), label: t('nr.nav.authors') },
              { href: newsroomPaths.tags(), label: t('nr.nav.tags') },
            ]
          : []),
        ...(roleHas(viewer.role, 'staff.manage') ? [{ href: newsroomPaths.staff(), label: t('nr.nav.staff') }] : []),
        ...(roleHas(viewer.role, 'readers.manage') ? [{ href: newsroomPaths.readers(), label: t('nr.nav.readers') }] : []),
        ...(roleHas(viewer.role, 'subscribers.manage') ? [{ href: newsroomPaths.subscribers(), label: t('nr.nav.subscribers') }] : []),
        ...(roleHas(viewer.role, 'settings.manage')
          ? [
              { href: newsroomPaths.settings(), label: t('nr.nav.settings') },
              { href: newsroomPaths.editions(), label: t('nr.nav.editions') },
            ]
          : []),
        ...(roleHas(viewer.role, 'integrations.manage') ? [{ href: newsroomPaths.apiKeys(), label: t('nr.nav.apiKeys') }] : []),
        ...(roleHas(viewer.role, 'integrations.manage') ? [{ href: newsroomPaths.webhooks(), label: t('nr.nav.webhooks') }] : []),
        ...(roleHas(viewer.role, 'newsletters.send') ? [{ href: newsroomPaths.newsletters(), label: t('nr.nav.newsletters') }] : []),
        ...(roleHas(viewer.role, 'mail.view') ? [{ href: newsroomPaths.outbox(), label: t('nr.nav.outbox') }] : []),
        ...(roleHas(viewer.role, 'redirects.manage') ? [{ href: newsroomPaths.redirects(), label: t('nr.nav.redirects') }] : []),
        ...(roleHas(viewer.role, 'imports.run') ? [{ href: newsroomPaths.import(), label: t('nr.nav.import') }] : []),
        ...(roleHas(viewer.role, 'audit.view') ? [{ href: newsroomPaths.audit(), label: t('nr.nav.audit') }] : []),
        ...(roleHas(viewer.role, 'system.view') ? [{ href: newsroomPaths.system(), label: t('nr.nav.system') }] : []),
        { href: newsroomPaths.password(), label: t('nr.nav.account') },
      ]
    : [];
  return (
    <html lang={translator.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('nr.layout.titleSuffix', { title, publication: site.publication.name })}</title>
        <meta name="robots" content="noindex, nofollow" />
        <IconLinks icons={site.icons} />
        <link rel="stylesheet" href={site.assetUrl('site.css')} />
        {stylesheets.map((name) => (
          <link key={name} rel="stylesheet" href={site.assetUrl(name)} />
        ))}
      </head>
      <body class="newsroom">
        {/* Named landmarks around everything, as on the reading site (see its Layout). */}
        <nav class="skip-links" aria-label={t('layout.skipLinks')}>
          <a class="skip-link" href="#main-content">
            {t('layout.skipToMain')}
          </a>
          <a class="skip-link" href="/">
            {t('layout.goToMainTop')}
          </a>
        </nav>
        <header class="newsroom-header">
          <div class="newsroom-header-inner">
            <a class="newsroom-name" href={newsroomPaths.home()}>
              {site.publication.name} <span>{t('nr.layout.newsroom')}</span>
            </a>
            {viewer && (
              <p class="newsroom-viewer">
                {rich(
                  'nr.layout.signedInAs',
                  { name: (name) => <strong>{name}</strong>, role: (role) => <span class="newsroom-role">{role}</span> },
                  { name: viewer.displayName, role: roleLabel(viewer.role, translator) },
                )}
              </p>
            )}
          </div>
          {viewer && (
            <nav class="newsroom-nav" aria-label={t('nr.layout.navLabel')}>
              <ul>
                {links.map((link) => (
                  <li key={link.href}>
                    <a href={link.href} aria-current={current === link.href ? 'page' : undefined}>
                      {link.label}
                    </a>
                  </li>
                ))}
                <li>
                  <form method="post" action={newsroomPaths.signOut()} class="newsroom-sign-out">
                    <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                    <button type="submit">{t('nr.layout.signOut')}</button>
                  </form>
                </li>
              </ul>
            </nav>
          )}
        </header>
        <main id="main-content" tabIndex={-1} class="newsroom-main">
          <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
        </main>
        <footer class="newsroom-footer">
          <p class="back-to-main">
            <a href="/">{t('layout.backToMainBottom')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
