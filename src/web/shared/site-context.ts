import type { Edition } from '../../modules/editions/index.js';
import type { MediaAsset } from '../../modules/media/index.js';
import type { BreakingBanner } from '../../modules/rankings/index.js';
import type { Section } from '../../modules/sections/index.js';
import type { PublicationSettings } from '../../modules/settings/index.js';

/** What every page needs besides its own content; built once per render from in-memory state. */
export interface SiteContext {
  publication: PublicationSettings;
  /** The masthead logo chosen in the settings, if any. */
  logo?: MediaAsset | null;
  navigation: readonly Section[];
  /** Origin for absolute URLs (canonical links), without a trailing slash. */
  siteUrl: string;
  /** Versioned URL of a file in public/assets. */
  assetUrl(name: string): string;
  /** Versioned URLs of the site icon, for `<link rel="icon">` (icon-links.tsx). */
  icons: IconLinks;
  /** Static pages that exist, for the footer. */
  staticPages: ReadonlySet<string>;
  /** The breaking-news banner while it runs; shown at the top of every public page. */
  banner?: BreakingBanner;
  /**
   * The edition the page belongs to. Its `publication` already carries the edition's name, tagline,
   * language and time zone (site-context.provider.ts), so pages read those from there as before.
   */
  edition: Edition;
  /** The switched-on editions, in their order, for the masthead's switcher (shown when there are two or more). */
  editions: readonly Edition[];
}

/** The site icon's URLs: the ICO every browser takes, the default's SVG, the home-screen PNG. */
export interface IconLinks {
  ico: string;
  /** Only for the default icon, drawn from an SVG; a chosen image has none. */
  svg?: string;
  touch: string;
}

/** Where web code gets the current site context; the provider in deps.ts is the one implementation. */
export interface SiteContextSource {
  /** The default edition's context, or `edition`'s. */
  current(edition?: Edition): SiteContext;
}
