import type { Edition, EditionService } from '../../modules/editions/index.js';
import type { StaticPageService } from '../../modules/pages/index.js';
import type { CurationService } from '../../modules/rankings/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import type { PublicationIconService, SettingsService } from '../../modules/settings/index.js';
import { LatestLoad } from '../../shared/latest-load.js';
import { DEFAULT_ICON_ASSET, type AssetRegistry } from '../http/assets.js';
import { paths } from './paths.js';
import type { IconLinks, SiteContext, SiteContextSource } from './site-context.js';

/** Assembles the per-page context from state already in memory; reloads it when content changes. */
export class SiteContextProvider implements SiteContextSource {
  private staticPages: ReadonlySet<string> = new Set();
  private built: { inputs: readonly unknown[]; context: SiteContext } | undefined;
  /** Each other edition's context, built from the default one's and the edition's own fields. */
  private readonly builtForEditions = new Map<string, { base: SiteContext; fields: string; context: SiteContext }>();
  /** The switched-on editions, the same array while none of them changes (the context's identity depends on it). */
  private switchedOn: { fingerprint: string; editions: readonly Edition[] } = { fingerprint: '', editions: [] };
  /** Pages created or removed in quick succession reload side by side: the later load wins. */
  private readonly loads = new LatestLoad();

  constructor(
    private readonly deps: {
      pages: Pick<StaticPageService, 'slugs'>;
      settings: SettingsService;
      sections: SectionDirectory;
      assets: AssetRegistry;
      curation: CurationService;
      icon: Pick<PublicationIconService, 'current'>;
      editions: Pick<EditionService, 'defaultEdition' | 'all'>;
      siteUrl: string;
    },
  ) {}

  async load(): Promise<void> {
    const isLatest = this.loads.begin();
    const slugs = await this.deps.pages.slugs();
    if (isLatest()) this.staticPages = new Set(slugs);
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

  /**
   * The same object for as long as what it is made of is the same objects: the masthead and footer
   * are rendered once per site context (web/site/components/fragment.tsx), and each reload replaces
   * what changed whole (settings, sections, static pages, the icon, the banner, or its end).
   */
  current(edition?: Edition): SiteContext {
    const base = this.defaultContext();
    if (!edition || edition.isDefault) return base;
    return this.editionContext(base, edition);
  }

  private defaultContext(): SiteContext {
    const inputs = [
      this.deps.settings.publication,
      this.deps.settings.logo,
      this.deps.sections.all,
      this.staticPages,
      this.deps.icon.current,
      this.deps.curation.activeBanner(),
      this.switchedOnEditions(),
    ] as const;
    if (this.built && inputs.every((input, index) => input === this.built?.inputs[index])) return this.built.context;
    const [publication, logo, , staticPages, , banner, editions] = inputs;
    const context: SiteContext = {
      publication,
      logo,
      navigation: this.deps.sections.navigation,
      siteUrl: this.deps.siteUrl,
      assetUrl: (name) => this.deps.assets.url(name),
      icons: this.iconLinks(),
      staticPages,
      banner,
      edition: this.deps.editions.defaultEdition,
      editions,
    };
    this.built = { inputs, context };
    return context;
  }

  private switchedOnEditions(): readonly Edition[] {
    const editions = this.deps.editions.all.filter((edition) => edition.enabled);
    const fingerprint = JSON.stringify(editions.map((edition) => [edition.id, edition.code, edition.pathPrefix, edition.name]));
    if (fingerprint !== this.switchedOn.fingerprint) this.switchedOn = { fingerprint, editions };
    return this.switchedOn.editions;
  }

  /**
   * Another edition's pages: the publication's context with the edition's name, tagline, language
   * and time zone, so the masthead, dates and the interface's words follow the edition. The same
   * object while neither changes, so its masthead and footer are rendered once too.
   */
  private editionContext(base: SiteContext, edition: Edition): SiteContext {
    const fields = JSON.stringify([edition.code, edition.pathPrefix, edition.name, edition.tagline, edition.timeZone]);
    const built = this.builtForEditions.get(edition.id);
    if (built && built.base === base && built.fields === fields) return built.context;
    // The publication's description is written in its language: the edition's pages, feeds and
    // meta descriptions say the edition's tagline instead (or its name), never the other language's.
    const description = edition.tagline !== '' ? edition.tagline : edition.name;
    const publication = {
      ...base.publication,
      name: edition.name,
      tagline: edition.tagline,
      description,
      language: edition.code,
      timeZone: edition.timeZone,
    };
    const context: SiteContext = { ...base, publication, edition, navigation: this.deps.sections.navigationOf(edition.id) };
    this.builtForEditions.set(edition.id, { base, fields, context });
    return context;
  }
}
