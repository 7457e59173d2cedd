import type { ComponentChildren } from 'preact';
import { roleHas } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { IconLinks } from '../../shared/icon-links.js';
import { newsroomPaths } from '../newsroom-paths.js';

export interface NewsroomViewer {
  displayName: string;
  role: string;
  csrfToken: string;
}

const ROLE_LABELS: Record<string, string> = { contributor: 'Contributor', reporter: 'Reporter', editor: 'Editor', admin: 'Admin' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
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
  const links = viewer
    ? [
        { href: newsroomPaths.home(), label: 'Newsroom home' },
        { href: newsroomPaths.media(), label: 'Media' },
        ...(roleHas(viewer.role, 'curation.manage') ? [{ href: newsroomPaths.curation(), label: 'Curation' }] : []),
        ...(roleHas(viewer.role, 'comments.moderate') ? [{ href: newsroomPaths.comments(), label: 'Comments' }] : []),
        { href: newsroomPaths.stories(), label: 'Stories' },
        ...(roleHas(viewer.role, 'audience.view') ? [{ href: newsroomPaths.audience(), label: 'Audience' }] : []),
        ...(roleHas(viewer.role, 'taxonomy.manage')
          ? [
              { href: newsroomPaths.sections(), label: 'Sections' },
              { href: newsroomPaths.authors(), label: 'Authors' },
              { href: newsroomPaths.tags(), label: 'Tags' },
            ]
          : []),
        ...(roleHas(viewer.role, 'staff.manage') ? [{ href: newsroomPaths.staff(), label: 'Staff' }] : []),
        ...(roleHas(viewer.role, 'readers.manage') ? [{ href: newsroomPaths.readers(), label: 'Readers' }] : []),
        ...(roleHas(viewer.role, 'subscribers.manage') ? [{ href: newsroomPaths.subscribers(), label: 'Subscribers' }] : []),
        ...(roleHas(viewer.role, 'settings.manage')
          ? [
              { href: newsroomPaths.settings(), label: 'Settings' },
              { href: newsroomPaths.editions(), label: 'Editions' },
            ]
          : []),
        ...(roleHas(viewer.role, 'integrations.manage') ? [{ href: newsroomPaths.apiKeys(), label: 'API keys' }] : []),
        ...(roleHas(viewer.role, 'integrations.manage') ? [{ href: newsroomPaths.webhooks(), label: 'Webhooks' }] : []),
        ...(roleHas(viewer.role, 'newsletters.send') ? [{ href: newsroomPaths.newsletters(), label: 'Newsletters' }] : []),
        ...(roleHas(viewer.role, 'mail.view') ? [{ href: newsroomPaths.outbox(), label: 'Outbox' }] : []),
        ...(roleHas(viewer.role, 'redirects.manage') ? [{ href: newsroomPaths.redirects(), label: 'Redirects' }] : []),
        ...(roleHas(viewer.role, 'imports.run') ? [{ href: newsroomPaths.import(), label: 'Import' }] : []),
        ...(roleHas(viewer.role, 'audit.view') ? [{ href: newsroomPaths.audit(), label: 'Audit log' }] : []),
        ...(roleHas(viewer.role, 'system.view') ? [{ href: newsroomPaths.system(), label: 'System' }] : []),
        { href: newsroomPaths.password(), label: 'Change password' },
      ]
    : [];
  return (
    <html lang={site.publication.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | Newsroom | ${site.publication.name}`}</title>
        <meta name="robots" content="noindex, nofollow" />
        <IconLinks icons={site.icons} />
        <link rel="stylesheet" href={site.assetUrl('site.css')} />
        {stylesheets.map((name) => (
          <link key={name} rel="stylesheet" href={site.assetUrl(name)} />
        ))}
      </head>
      <body class="newsroom">
        {/* Named landmarks around everything, as on the reading site (see its Layout). */}
        <nav class="skip-links" aria-label="Skip links">
          <a class="skip-link" href="#main-content">
            Skip to main content
          </a>
          <a class="skip-link" href="/">
            Go to the main page (top)
          </a>
        </nav>
        <header class="newsroom-header">
          <div class="newsroom-header-inner">
            <a class="newsroom-name" href={newsroomPaths.home()}>
              {site.publication.name} <span>Newsroom</span>
            </a>
            {viewer && (
              <p class="newsroom-viewer">
                Signed in as <strong>{viewer.displayName}</strong> <span class="newsroom-role">({roleLabel(viewer.role)})</span>
              </p>
            )}
          </div>
          {viewer && (
            <nav class="newsroom-nav" aria-label="Newsroom">
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
                    <button type="submit">Sign out</button>
                  </form>
                </li>
              </ul>
            </nav>
          )}
        </header>
        <main id="main-content" tabIndex={-1} class="newsroom-main">
          {children}
        </main>
        <footer class="newsroom-footer">
          <p class="back-to-main">
            <a href="/">Back to the main page (bottom)</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
