import type { StaticPageService } from '../../modules/pages/index.js';
import type { CurationService } from '../../modules/rankings/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import type { AssetRegistry } from '../http/assets.js';
import type { SiteContext, SiteContextSource } from './site-context.js';

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
      siteUrl: string;
    },
  ) {}

  async load(): Promise<void> {
    this.staticPages = new Set(await this.deps.pages.slugs());
  }

  current(): SiteContext {
    return {
      publication: this.deps.settings.publication,
      logo: this.deps.settings.logo,
      navigation: this.deps.sections.navigation,
      siteUrl: this.deps.siteUrl,
      assetUrl: (name) => this.deps.assets.url(name),
      staticPages: this.staticPages,
      banner: this.deps.curation.activeBanner(),
    };
  }
}
