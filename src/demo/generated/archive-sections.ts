import { cultureTopics, lifeTopics, scienceTopics, sportsTopics, techTopics } from './archive-topics-features.js';
import { asiaTopics, businessTopics, nationalTopics, worldTopics } from './archive-topics-news.js';
import type { ArchiveSectionPlan } from './archive-topics.types.js';

/**
 * The sections a generated archive may have, in navigation order. A small archive takes the first
 * few (at least five), a large one all ten; Debate argues about the other sections' topics.
 */
export const ARCHIVE_SECTIONS: readonly ArchiveSectionPlan[] = [
  {
    slug: 'national',
    name: 'National',
    description: 'Politics, society and the courts in Korea: housing, schools, transport and the people they shape.',
    weight: 5,
    topics: nationalTopics,
  },
  {
    slug: 'world',
    name: 'World',
    description: 'Diplomacy, conflict, elections and the forces reshaping countries far from Seoul.',
    weight: 4,
    topics: worldTopics,
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Markets, trade, chips and the companies that drive Asia’s economies.',
    weight: 4,
    topics: businessTopics,
  },
  {
    slug: 'asia',
    name: 'Asia',
    description: 'Reporting from across East, South and Southeast Asia, and the Korean Peninsula.',
    weight: 3,
    topics: asiaTopics,
  },
  {
    slug: 'debate',
    name: 'Debate',
    description: 'Columns, editorials and analysis that argue a case. Opinions are the writers’ own.',
    weight: 2,
    topics: [],
  },
  {
    slug: 'tech',
    name: 'Tech',
    description: 'Artificial intelligence, batteries, platforms and the people building them.',
    weight: 2,
    topics: techTopics,
  },
  { slug: 'sports', name: 'Sports', description: 'Football, baseball and the Olympic sports, at home and abroad.', weight: 2, topics: sportsTopics },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Film, music, books and heritage: what Korea makes, and what it watches.',
    weight: 2,
    topics: cultureTopics,
  },
  { slug: 'science', name: 'Science', description: 'Space, health and the environment, explained.', weight: 1, topics: scienceTopics },
  { slug: 'life', name: 'Life', description: 'Food, travel and the way we work and live now.', weight: 1, topics: lifeTopics },
];
