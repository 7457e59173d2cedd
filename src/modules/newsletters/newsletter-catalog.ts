import type { SectionDirectory } from '../sections/index.js';
import type { NewsletterInfo } from './newsletter.types.js';

/**
 * The newsletters a reader can subscribe to: the Morning Briefing, breaking-news alerts and one
 * weekly newsletter per section, read from the sections in memory (so a new section has one at once).
 */
export class NewsletterCatalog {
  constructor(private readonly sections: Pick<SectionDirectory, 'all'>) {}

  async list(): Promise<NewsletterInfo[]> {
    return this.listNow();
  }

  async get(key: string): Promise<NewsletterInfo | undefined> {
    return this.listNow().find((info) => info.key === key);
  }

  /** The same list, synchronously (pages that render forms). */
  listNow(): NewsletterInfo[] {
    return newslettersOf(this.sections.all);
  }
}

/** The briefing, breaking alerts and the weekly newsletter of each of `sections`. */
export function newslettersOf(sections: readonly { id: string; name: string }[]): NewsletterInfo[] {
  return [
    {
      key: 'briefing',
      name: 'The Morning Briefing',
      description: 'Every morning: the must-reads, what is popular and the latest from each section.',
      sectionId: null,
    },
    { key: 'breaking', name: 'Breaking news', description: 'An alert when major news breaks.', sectionId: null },
    ...sections.map((section): NewsletterInfo => ({
      key: `weekly-${section.id}`,
      name: `${section.name} weekly`,
      description: `The week’s best from ${section.name}, every week.`,
      sectionId: section.id,
    })),
  ];
}
