import { isFixedStaticPage } from '../../modules/pages/index.js';
import { editionBase } from './request-edition.js';

/**
 * Every public URL of the site, built in one place. The reading site's pages are built in the
 * current request's edition (`/ko/article/…` on a page of the edition at `/ko`; request-edition.ts).
 */
export const paths = {
  home: () => `${editionBase()}/`,
  /** An edition's home page, whichever edition the current page is in (the masthead's switcher). */
  editionHome: (pathPrefix: string) => (pathPrefix ? `/${pathPrefix}/` : '/'),
  article: (slug: string) => `${editionBase()}/article/${encodeURIComponent(slug)}`,
  /** A story in a given edition (a translation's address, whichever edition this page is in). */
  articleInEdition: (pathPrefix: string, slug: string) => `${pathPrefix ? `/${pathPrefix}` : ''}/article/${encodeURIComponent(slug)}`,
  /** A story's link inside a ranked list, marked so the view is not counted towards that list. */
  articleFromList: (slug: string, list: string) => `${editionBase()}/article/${encodeURIComponent(slug)}?via=${encodeURIComponent(list)}`,
  /** Where the view beacon reports (POST), and the pixel for readers without JavaScript (GET). */
  views: () => '/views',
  viewPixel: (articleId: string) => `/views/pixel.gif?article=${encodeURIComponent(articleId)}`,
  section: (slug: string, page = 1) => withPage(`${editionBase()}/section/${encodeURIComponent(slug)}`, page),
  author: (slug: string, page = 1) => withPage(`${editionBase()}/author/${encodeURIComponent(slug)}`, page),
  /** An author's page in a given edition (its hreflang alternates). */
  authorInEdition: (pathPrefix: string, slug: string) => `${pathPrefix ? `/${pathPrefix}` : ''}/author/${encodeURIComponent(slug)}`,
  tag: (slug: string, page = 1) => withPage(`${editionBase()}/tag/${encodeURIComponent(slug)}`, page),
  /** The search page (search.routes.ts); its JSON twin is the same with `.json` (`/ko/search.json`). */
  search: () => `${editionBase()}/search`,
  series: (slug: string) => `${editionBase()}/series/${encodeURIComponent(slug)}`,
  /** The fixed pages at `/about` …; any other static page (an imported one) at `/pages/<slug>`. */
  staticPage: (slug: string) => `${editionBase()}${isFixedStaticPage(slug) ? `/${slug}` : `/pages/${encodeURIComponent(slug)}`}`,
  /** The route of free-standing static pages (site.routes.ts). */
  staticPages: () => '/pages/:slug',
  /** The sitemap index (named in robots.txt) and each sitemap it lists (src/web/system/sitemap.routes.ts). */
  sitemapIndex: () => '/sitemap.xml',
  sitemap: (name: string) => `/sitemaps/${encodeURIComponent(name)}`,
  media: (file: string) => `/media/${encodeURIComponent(file)}`,
  /** The site icon at the names browsers ask for unlinked; `version` pins a link to one drawing (favicon.routes.ts). */
  icon: (version?: string) => (version ? `/favicon.ico?v=${encodeURIComponent(version)}` : '/favicon.ico'),
  touchIcon: (version?: string) => (version ? `/apple-touch-icon.png?v=${encodeURIComponent(version)}` : '/apple-touch-icon.png'),
  /** RSS 2.0 (`.xml`) and Atom 1.0 (`.atom`) feeds: the whole site, a section, an author, a series. */
  feeds: {
    site: (format: 'rss' | 'atom') => `${editionBase()}/feed.${feedExtension(format)}`,
    section: (slug: string, format: 'rss' | 'atom') => `${editionBase()}/section/${encodeURIComponent(slug)}/feed.${feedExtension(format)}`,
    author: (slug: string, format: 'rss' | 'atom') => `${editionBase()}/author/${encodeURIComponent(slug)}/feed.${feedExtension(format)}`,
    series: (slug: string, format: 'rss' | 'atom') => `${editionBase()}/series/${encodeURIComponent(slug)}/feed.${feedExtension(format)}`,
  },
  /** Reader accounts (src/web/account): never cached, never in the page cache. */
  account: {
    home: (notice?: 'name' | 'password' | 'reply-mail' | 'confirmation-sent' | 'confirmed') =>
      notice ? `${editionBase()}/account?saved=${notice}` : `${editionBase()}/account`,
    signUp: (next?: string) => withNext(`${editionBase()}/account/sign-up`, next),
    signIn: (next?: string) => withNext(`${editionBase()}/account/sign-in`, next),
    signedOut: () => `${editionBase()}/account/sign-in?signed-out`,
    accountDeleted: () => `${editionBase()}/account/sign-in?deleted`,
    signOut: () => `${editionBase()}/account/sign-out`,
    profile: () => `${editionBase()}/account/profile`,
    password: () => `${editionBase()}/account/password`,
    comments: (page = 1) => withPage(`${editionBase()}/account/comments`, page),
    delete: () => `${editionBase()}/account/delete`,
    reset: (token: string) => `${editionBase()}/account/reset/${encodeURIComponent(token)}`,
    /** The sign-up link mailed to a new reader (account-mail.routes.ts). */
    confirm: (token: string) => `${editionBase()}/account/confirm/${encodeURIComponent(token)}`,
    /** The page after signing up: "check your inbox", the same for every address. */
    signUpSent: () => `${editionBase()}/account/sign-up/check-your-inbox`,
    resendConfirmation: () => `${editionBase()}/account/confirm`,
    forgotPassword: () => `${editionBase()}/account/forgot-password`,
    forgotPasswordSent: () => `${editionBase()}/account/forgot-password?sent`,
    replyMail: () => `${editionBase()}/account/reply-mail`,
  },
};

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

function feedExtension(format: 'rss' | 'atom'): string {
  return format === 'rss' ? 'xml' : 'atom';
}
