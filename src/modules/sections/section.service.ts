import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { isValidSlug } from '../../shared/slug.js';
import { validateText } from '../../shared/text.js';
import type { AuditService } from '../audit/index.js';
import { DEFAULT_EDITION_ID } from '../editions/index.js';
import {
  editionExists,
  findSectionById,
  insertSection,
  listSections,
  nextSectionPosition,
  sectionHasStories,
  sectionSlugTaken,
  updateSection,
  updateSectionPosition,
} from './section.repository.js';
import type { Section } from './section.types.js';

/** What an editor submits for a section; checked by `SectionService`. */
export interface SectionFields {
  name: string;
  slug: string;
  description: string;
  inNavigation: boolean;
  /** The edition it belongs to; empty: the default edition. */
  editionId: string;
}

const MAX_NAME_LENGTH = 80;
const MAX_DESCRIPTION_LENGTH = 500;

/**
 * Managing sections from the newsroom. Every change emits `taxonomy.changed`, which reloads the
 * in-memory navigation and clears the page cache, so readers see it on their next request.
 */
export class SectionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly audit: AuditService,
  ) {}

  /** In display order. */
  list(): Promise<Section[]> {
    return listSections(this.db);
  }

  async require(id: string): Promise<Section> {
    const section = await findSectionById(this.db, id);
    if (!section) throw new AppError('ERR_SECTION_NOT_FOUND');
    return section;
  }

  /** A new section at the end of the order; nothing is written when a field is wrong. */
  async create(input: SectionFields, actorUserId: string | null): Promise<Section> {
    const fields = checkFields(input);
    const section = await inTransaction(this.db, async (trx) => {
      if (!(await editionExists(trx, fields.editionId))) throw new AppError('ERR_SECTION_EDITION_INVALID');
      if (await sectionSlugTaken(trx, fields.editionId, fields.slug)) throw new AppError('ERR_SECTION_SLUG_TAKEN');
      const created = await insertSection(trx, { ...fields, position: await nextSectionPosition(trx, fields.editionId) }, this.clock.now());
      await this.audit.record(
        { actorUserId, action: 'section.created', subjectType: 'section', subjectId: created.id, details: { slug: fields.slug } },
        trx,
      );
      return created;
    });
    await this.events.emit({ name: 'taxonomy.changed', kind: 'section', ids: [section.id] });
    return section;
  }

  async update(id: string, input: SectionFields, actorUserId: string | null): Promise<Section> {
    const fields = checkFields(input);
    await inTransaction(this.db, async (trx) => {
      const current = await findSectionById(trx, id);
      if (!current) throw new AppError('ERR_SECTION_NOT_FOUND');
      if (!(await editionExists(trx, fields.editionId))) throw new AppError('ERR_SECTION_EDITION_INVALID');
      // Its stories would be left in the other edition, in a section that is not of theirs.
      if (fields.editionId !== current.editionId && (await sectionHasStories(trx, id))) throw new AppError('ERR_SECTION_EDITION_IN_USE');
      if (await sectionSlugTaken(trx, fields.editionId, fields.slug, id)) throw new AppError('ERR_SECTION_SLUG_TAKEN');
      await updateSection(trx, id, fields);
      await this.audit.record({ actorUserId, action: 'section.updated', subjectType: 'section', subjectId: id, details: { slug: fields.slug } }, trx);
    });
    await this.events.emit({ name: 'taxonomy.changed', kind: 'section', ids: [id] });
    return this.require(id);
  }

  /**
   * Swaps a section with its neighbour in its edition's order. That edition's positions are
   * renumbered 1..n in the same transaction, so gaps or ties left by older data cannot make a move do nothing.
   */
  async move(id: string, direction: 'up' | 'down', actorUserId: string | null): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const all = await listSections(trx);
      const editionId = all.find((section) => section.id === id)?.editionId;
      const sections = all.filter((section) => section.editionId === editionId);
      const index = sections.findIndex((section) => section.id === id);
      if (index === -1) throw new AppError('ERR_SECTION_NOT_FOUND');
      const target = direction === 'up' ? index - 1 : index + 1;
      if (target < 0 || target >= sections.length) return;
      const order = [...sections];
      [order[index], order[target]] = [order[target] as Section, order[index] as Section];
      for (const [position, section] of order.entries()) {
        if (section.position !== position + 1) await updateSectionPosition(trx, section.id, position + 1);
      }
      await this.audit.record({ actorUserId, action: 'section.moved', subjectType: 'section', subjectId: id, details: { direction } }, trx);
    });
    await this.events.emit({ name: 'taxonomy.changed', kind: 'section', ids: [id] });
  }
}

/** Checks every field before anything is written; text goes through the shared rule (no control characters, NFC). */
function checkFields(input: SectionFields): SectionFields {
  const name = validateText(input.name, { field: 'name', code: 'ERR_SECTION_NAME_INVALID', min: 1, max: MAX_NAME_LENGTH });
  const slug = input.slug.trim();
  if (!isValidSlug(slug)) throw new AppError('ERR_SLUG_INVALID');
  const description = validateText(input.description, {
    field: 'description',
    code: 'ERR_DESCRIPTION_TOO_LONG',
    max: MAX_DESCRIPTION_LENGTH,
    multiline: true,
  });
  return { name, slug, description, inNavigation: input.inNavigation, editionId: input.editionId.trim() || DEFAULT_EDITION_ID };
}
