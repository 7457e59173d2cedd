import type { Db } from '../../db/database.js';
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

  get all(): readonly Section[] {
    return this.sections;
  }

  get navigation(): readonly Section[] {
    return this.sections.filter((section) => section.inNavigation);
  }

  bySlug(slug: string): Section | undefined {
    return this.sections.find((section) => section.slug === slug);
  }
}
