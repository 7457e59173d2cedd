import type { Db } from '../../db/database.js';
import { listStaticPageSlugs } from '../../modules/pages/static-page.repository.js';
import type { CurationService } from '../../modules/rankings/curation.service.js';
import type { SectionDirectory } from '../../modules/sections/section-directory.js';
import type { SettingsService } from '../../modules/settings/settings.service.js';
import type { AssetRegistry } from '../http/assets.js';
import type { SiteContext } from './site-context.js';

/** Assembles the per-page context from state already in memory; reloads it when content changes. */
export class SiteContextProvider {
  private staticPages: ReadonlySet<string> = new Set();

  constructor(
    private readonly deps: {
      db: Db;
      settings: SettingsService;
      sections: SectionDirectory;
      assets: AssetRegistry;
      curation: CurationService;
      siteUrl: string;
    },
  ) {}

  async load(): Promise<void> {
    this.staticPages = new Set(await listStaticPageSlugs(this.deps.db));
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
