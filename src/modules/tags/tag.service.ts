import { inTransaction, type Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { validateText } from '../../shared/text.js';
import type { AuditService } from '../audit/index.js';
import { ensureTags, findTagById, findTagBySlug, findTagsForArticles, listTagsWithCounts, updateTagName } from './tag.repository.js';
import type { Tag } from './tag.types.js';

const MAX_TAG_NAME_LENGTH = 60;

/**
 * Tags from the newsroom. Renaming keeps the slug: tag pages keep their address, and
 * `ensureIn` still finds the tag by the slug its stories were tagged with.
 */
export class TagService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly audit: AuditService,
  ) {}

  listWithCounts(): Promise<Array<Tag & { storyCount: number }>> {
    return listTagsWithCounts(this.db);
  }

  /** A tag by the slug of its page, or undefined. */
  findBySlug(slug: string): Promise<Tag | undefined> {
    return findTagBySlug(this.db, slug);
  }

  /** Each story's tags, by article id, in one query. */
  findForArticles(articleIds: readonly string[]): Promise<Map<string, Tag[]>> {
    return findTagsForArticles(this.db, articleIds);
  }

  /**
   * The tags with these names, creating those that do not exist yet, inside the caller's
   * transaction (the articles module saves a story's tags with the story).
   */
  ensureIn(trx: Db, names: readonly string[]): Promise<Tag[]> {
    return ensureTags(trx, names);
  }

  async rename(id: string, rawName: string, actorUserId: string | null): Promise<void> {
    const name = validateText(rawName, { field: 'name', code: 'ERR_TAG_NAME_INVALID', min: 1, max: MAX_TAG_NAME_LENGTH });
    await inTransaction(this.db, async (trx) => {
      const tag = await findTagById(trx, id);
      if (!tag) throw new AppError('ERR_TAG_NOT_FOUND');
      await updateTagName(trx, id, name);
      await this.audit.record({ actorUserId, action: 'tag.renamed', subjectType: 'tag', subjectId: id, details: { from: tag.name, to: name } }, trx);
    });
    await this.events.emit({ name: 'taxonomy.changed', kind: 'tag', ids: [id] });
  }
}
