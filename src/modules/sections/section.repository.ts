import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SectionsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { DEFAULT_EDITION_ID } from '../editions/index.js';
import type { Section, SectionInput } from './section.types.js';

export async function listSections(db: Db): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map(toSection);
}

export async function insertSection(db: Db, input: SectionInput, createdAt: Date): Promise<Section> {
  const id = input.id ?? newId();
  const editionId = input.editionId ?? DEFAULT_EDITION_ID;
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
      edition_id: editionId,
    })
    .execute();
  return { ...input, id, editionId };
}

function toSection(row: Selectable<SectionsTable>): Section {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    position: row.position,
    inNavigation: row.in_navigation === 1,
    editionId: row.edition_id,
  };
}

export async function findSectionById(db: Db, id: string): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSection(row) : undefined;
}

/** Whether a section of the edition other than `exceptId` already uses the slug (unique per edition, 0028). */
export async function sectionSlugTaken(db: Db, editionId: string, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('sections').select('id').where('edition_id', '=', editionId).where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** After the last section of the edition: each edition's navigation has its own order. */
export async function nextSectionPosition(db: Db, editionId: string): Promise<number> {
  const row = await db
    .selectFrom('sections')
    .where('edition_id', '=', editionId)
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 1 : Number(row.max) + 1;
}

export async function updateSection(
  db: Db,
  id: string,
  fields: { slug: string; name: string; description: string; inNavigation: boolean; editionId: string },
): Promise<void> {
  await db
    .updateTable('sections')
    .set({
      slug: fields.slug,
      name: fields.name,
      description: fields.description,
      in_navigation: fields.inNavigation ? 1 : 0,
      edition_id: fields.editionId,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateSectionPosition(db: Db, id: string, position: number): Promise<void> {
  await db.updateTable('sections').set({ position }).where('id', '=', id).execute();
}

/** Whether the edition exists (a section or story may be put only in one that does). */
export async function editionExists(db: Db, editionId: string): Promise<boolean> {
  return (await db.selectFrom('editions').select('id').where('id', '=', editionId).executeTakeFirst()) !== undefined;
}

/** Whether any story is filed in the section (its edition then cannot change under them). */
export async function sectionHasStories(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').where('section_id', '=', id).limit(1).executeTakeFirst()) !== undefined;
}
