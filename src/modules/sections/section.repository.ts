import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SectionsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import type { Section, SectionInput } from './section.types.js';

export async function listSections(db: Db): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map(toSection);
}

export async function insertSection(db: Db, input: SectionInput, createdAt: Date): Promise<Section> {
  const id = input.id ?? newId();
  await db
    .insertInto('sections')
    .values({
      id,
      slug: input.slug,
      name: input.name,
      description: input.description,
      position: input.position,
      in_navigation: input.inNavigation ? 1 : 0,
      created_at: createdAt.toISOString(),
    })
    .execute();
  return { ...input, id };
}

function toSection(row: Selectable<SectionsTable>): Section {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    position: row.position,
    inNavigation: row.in_navigation === 1,
  };
}
