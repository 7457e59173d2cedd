import type { PublicationSettings } from '../../modules/settings/index.js';
import type { DemoAuthorSlug, DemoSectionSlug } from './demo-content.types.js';

export const demoPublication: PublicationSettings = {
  name: 'The Dateline Daily',
  tagline: 'Asia and the world, from Seoul',
  description: 'The Dateline Daily is an independent English-language daily reporting on Korea, Asia and the world.',
  language: 'en',
  timeZone: 'Asia/Seoul',
  contactEmail: 'newsroom@dateline-daily.example',
  copyrightHolder: 'The Dateline Daily',
  foundedYear: 2019,
  popularNowHours: 3,
  weeklyBestMaxAgeDays: 7,
  commentsMode: 'open',
  commentBlocklist: [],
  feedContent: 'full',
  newsletterTime: '07:00',
  weeklyNewsletterDay: 1,
};

export const demoSections: Array<{ slug: DemoSectionSlug; name: string; description: string }> = [
  { slug: 'world', name: 'World', description: 'Diplomacy, conflict, elections and the forces reshaping countries far from Seoul.' },
  { slug: 'asia', name: 'Asia', description: 'Reporting from across East, South and Southeast Asia, and the Korean Peninsula.' },
  { slug: 'debate', name: 'Debate', description: 'Columns, editorials and analysis that argue a case. Opinions are the writers’ own.' },
  { slug: 'latest', name: 'Latest', description: 'Breaking and national news from Korea, updated through the day.' },
  { slug: 'business', name: 'Business', description: 'Markets, trade, technology and the companies that drive Asia’s economies.' },
];

export const demoAuthors: Array<{ slug: DemoAuthorSlug; name: string; email: string; jobTitle: string; bio: string }> = [
  {
    slug: 'min-ji-park',
    name: 'Park Min-ji',
    email: 'minji.park@dateline-daily.example',
    jobTitle: 'Asia correspondent',
    bio: 'Park Min-ji covers Korea and East Asia, with a focus on demographics, regional politics and the coastal towns of the south. She joined The Dateline Daily in 2020 after eight years at a Busan regional daily.',
  },
  {
    slug: 'daniel-okafor',
    name: 'Daniel Okafor',
    email: 'daniel.okafor@dateline-daily.example',
    jobTitle: 'World and business reporter',
    bio: 'Daniel Okafor reports on trade, shipping and global markets from Seoul. Before moving to Korea he covered commodities and West African economies for a wire service in Lagos and London.',
  },
  {
    slug: 'hana-lee',
    name: 'Lee Hana',
    email: 'hana.lee@dateline-daily.example',
    jobTitle: 'Opinion editor',
    bio: 'Lee Hana edits the Debate section and writes on education, cities and work. She was previously a policy researcher on labour and housing and has taught journalism in Seoul.',
  },
];

export const demoSeries = {
  slug: 'last-ferry' as const,
  title: 'The Last Ferry',
  description: 'A two-part series on the island communities off Korea’s southern coast, and what happens when the boats stop coming.',
};
