import type { Db } from '../../db/database.js';
import { DEFAULT_EDITION_ID } from '../editions/index.js';
import { LatestLoad } from '../../shared/latest-load.js';
import { listSections } from './section.repository.js';
import type { Section } from './section.types.js';

/** Every section, in memory: the navigation is on every page and must cost nothing to render. */
export class SectionDirectory {
  private sections: Section[] = [];
  /** Two taxonomy changes in quick succession reload twice, side by side: the later load wins. */
  private readonly loads = new LatestLoad();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    const isLatest = this.loads.begin();
    const sections = await listSections(this.db);
    if (isLatest()) this.sections = sections;
  }

  /** Every edition's sections (the newsroom's choices). */
  get all(): readonly Section[] {
    return this.sections;
  }

  /** One edition's sections, in order; the default edition's by default. */
  inEdition(editionId: string = DEFAULT_EDITION_ID): readonly Section[] {
    return this.sections.filter((section) => section.editionId === editionId);
  }

  /** The default edition's navigation: another edition's sections stay out of its masthead. */
  get navigation(): readonly Section[] {
    return this.navigationOf(DEFAULT_EDITION_ID);
  }

  /** One edition's navigation, in order (its pages' masthead). */
  navigationOf(editionId: string): readonly Section[] {
    return this.sections.filter((section) => section.inNavigation && section.editionId === editionId);
  }

  /** A section by slug, which is unique within an edition only (0028): the default edition's by default. */
  bySlug(slug: string, editionId: string = DEFAULT_EDITION_ID): Section | undefined {
    return this.sections.find((section) => section.slug === slug && section.editionId === editionId);
  }
}
