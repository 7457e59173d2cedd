import type { ImportTargets } from '../../modules/imports/index.js';
import { paths } from './paths.js';

/** The site's addresses for what an import brings in (its old links are redirected to them). */
export const importTargets: ImportTargets = {
  article: paths.article,
  section: (slug) => paths.section(slug),
  tag: (slug) => paths.tag(slug),
  author: (slug) => paths.author(slug),
  staticPage: paths.staticPage,
  feed: () => paths.feeds.site('rss'),
};
