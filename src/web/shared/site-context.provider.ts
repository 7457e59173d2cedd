import type { StaticPageService } from '../../modules/pages/index.js';
import type { CurationService } from '../../modules/rankings/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import type { PublicationIconService, SettingsService } from '../../modules/settings/index.js';
import { DEFAULT_ICON_ASSET, type AssetRegistry } from '../http/assets.js';
import { paths } from './paths.js';
import type { IconLinks, SiteContext, SiteContextSource } from './site-context.js';

/** Assembles the per-page context from state already in memory; reloads it when content changes. */
export class SiteContextProvider implements SiteContextSource {
  private staticPages: ReadonlySet<string> = new Set();

  constructor(
    private readonly deps: {
      pages: Pick<StaticPageService, 'slugs'>;
      settings: SettingsService;
      sections: SectionDirectory;
      assets: AssetRegistry;
      curation: CurationService;
      icon: Pick<PublicationIconService, 'current'>;
      siteUrl: string;
    },
  ) {}

  async load(): Promise<void> {
    this.staticPages = new Set(await this.deps.pages.slugs());
  }

  /** Each URL carries its file's hash, so a browser keeps it for a year and a new icon shows at once. */
  private iconLinks(): IconLinks {
    const { ico, touch, custom } = this.deps.icon.current;
    return {
      ico: paths.icon(ico.version),
      ...(custom ? {} : { svg: this.deps.assets.url(DEFAULT_ICON_ASSET) }),
      touch: paths.touchIcon(touch.version),
    };
  }

  current(): SiteContext {
    return {
      publication: this.deps.settings.publication,
      logo: this.deps.settings.logo,
      navigation: this.deps.sections.navigation,
      siteUrl: this.deps.siteUrl,
      assetUrl: (name) => this.deps.assets.url(name),
      icons: this.iconLinks(),
      staticPages: this.staticPages,
      banner: this.deps.curation.activeBanner(),
    };
  }
}
