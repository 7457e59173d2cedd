import type { ComponentChildren } from 'preact';
import type { SiteContext } from '../site-context.js';
import { BreakingBannerStrip } from './breaking-banner.js';
import { Masthead } from './masthead.js';
import { SiteFooter } from './site-footer.js';

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the canonical URL; omitted for error pages. */
  canonicalPath?: string;
  /** Tells search engines to keep the page out of their index (error pages). */
  noindex?: boolean;
}

export function Layout({ site, meta, children }: { site: SiteContext; meta: PageMeta; children: ComponentChildren }) {
  const { publication } = site;
  const fullTitle = meta.title === publication.name ? meta.title : `${meta.title} | ${publication.name}`;
  return (
    <html lang={publication.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        {meta.canonicalPath !== undefined && <link rel="canonical" href={`${site.siteUrl}${meta.canonicalPath}`} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <link rel="stylesheet" href={site.assetUrl('site.css')} />
        <script src={site.assetUrl('site.js')} defer />
      </head>
      <body>
        <div class="skip-links">
          <a class="skip-link" href="#main-content">
            Skip to main content
          </a>
          <a class="skip-link" href="/">
            Go to the main page (top)
          </a>
        </div>
        {site.banner && <BreakingBannerStrip banner={site.banner} />}
        <Masthead site={site} />
        <main id="main-content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter site={site} />
        <p class="back-to-main">
          <a href="/">Back to the main page (bottom)</a>
        </p>
      </body>
    </html>
  );
}
