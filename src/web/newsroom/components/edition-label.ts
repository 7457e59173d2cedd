import type { Edition } from '../../../modules/editions/index.js';

/** How the newsroom names an edition: its name and language, `The Dateline Daily (ko)`. */
export function editionLabel(edition: Pick<Edition, 'name' | 'code'>): string {
  return `${edition.name} (${edition.code})`;
}

/** Where an edition's pages start: `/` for the default edition, `/ko/` for one under a prefix. */
export function editionRoot(edition: Pick<Edition, 'pathPrefix'> | undefined): string {
  return edition?.pathPrefix ? `/${edition.pathPrefix}` : '';
}
