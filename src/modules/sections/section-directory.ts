import type { Db } from '../../db/database.js';
import { listSections } from './section.repository.js';
import type { Section } from './section.types.js';

/** Every section, in memory: the navigation is on every page and must cost nothing to render. */
export class SectionDirectory {
  private sections: Section[] = [];

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    this.sections = await listSections(this.db);
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
