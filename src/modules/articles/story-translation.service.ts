import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { isValidSlug, slugify } from '../../shared/slug.js';
import type { RevisionService } from '../revisions/index.js';
import { mayEditStory, roleHas } from '../users/index.js';
import type { Actor } from './article-editing.service.js';
import { isArticleSlugTaken, isStoryOwnedBy, isTranslationClash, isTranslationTaken, setArticleOwner } from './article-editing.repository.js';
import { insertArticle } from './article.repository.js';
import {
  ensureTranslationGroup,
  findEditionSwitch,
  findFirstSectionOf,
  findOutdatedTranslations,
  findTranslationLinks,
  findTranslationSource,
  linkTranslation,
  type TranslationSource,
} from './story-translation.repository.js';

/** What the editor shows of a story's translations: its source beside it, and what it may be translated into. */
export interface StoryTranslationView {
  /** The story it translates (read-only beside it), or null when it is no translation or the source is gone. */
  source: TranslationSource | null;
  /** Published, and its source saved since the translation was last saved or published. */
  outdated: boolean;
  /** Editions that already hold a story of its translation group, its own included. */
  groupEditionIds: string[];
}

/**
 * Translating a story into another edition (docs/editions.md): a draft in that edition starting
 * from the source's text, linked to it by the translation group and `translated_from_id`, and the
 * "outdated" rule. Every refusal is a coded AppError with nothing written.
 */
export class StoryTranslationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly revisions: Pick<RevisionService, 'recordIn'>,
  ) {}

  /** Creates the translation's draft, owned by the actor; returns its id. */
  async translate(actor: Actor, sourceId: string, editionId: string): Promise<string> {
    if (!roleHas(actor.role, 'story.create')) throw new AppError('ERR_STORY_FORBIDDEN');
    const source = await findTranslationSource(this.db, sourceId);
    if (!source) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    // Its text is copied: only someone who may open the source in the editor may translate it.
    if (!mayEditStory(actor.role, await isStoryOwnedBy(this.db, source.id, actor.id))) throw new AppError('ERR_STORY_FORBIDDEN');
    const edition = await findEditionSwitch(this.db, editionId);
    if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
    if (!edition.enabled) throw new AppError('ERR_TRANSLATION_EDITION_OFF');
    if (editionId === source.editionId) throw new AppError('ERR_TRANSLATION_SAME_EDITION');
    if (source.translationGroupId && (await isTranslationTaken(this.db, source.translationGroupId, editionId, source.id))) {
      throw new AppError('ERR_STORY_TRANSLATION_TAKEN');
    }
    // A story is filed in a section of its own edition: the first one, which the translator may change.
    const sectionId = await findFirstSectionOf(this.db, editionId);
    if (!sectionId) throw new AppError('ERR_TRANSLATION_NO_SECTION');
    const slug = await this.freeSlug(`${source.slug}-${edition.code.toLowerCase()}`);
    const id = newId();
    const now = this.clock.now();
    const content = { slug, headline: source.headline, standfirst: source.standfirst, body: source.body, sectionId, authorIds: source.authorIds };
    await inTransaction(this.db, async (trx) => {
      const groupId = await ensureTranslationGroup(trx, source.id, newId());
      await insertArticle(trx, { ...content, id, tagIds: [], typeLabel: source.typeLabel, status: 'draft', editionId }, now);
      await linkTranslation(trx, id, { groupId, sourceId: source.id, sourceVersion: source.editVersion });
      await setArticleOwner(trx, id, actor.id);
      const snapshot = { ...content, tags: [], seriesId: null, seriesPart: null, heroMediaId: null, typeLabel: source.typeLabel };
      await this.revisions.recordIn(trx, {
        articleId: id,
        authorUserId: actor.id,
        snapshot: { ...snapshot, seoTitle: null, seoDescription: null, embargoUntil: null },
        createdAt: now,
      });
    }).catch((error: unknown) => {
      // Another translation into that edition was made since the check: the index refuses ours.
      throw isTranslationClash(error) ? new AppError('ERR_STORY_TRANSLATION_TAKEN') : error;
    });
    await this.events.emit({ name: 'story.saved', articleIds: [id, source.id] });
    return id;
  }

  /** A story's translation links for its editor (404 for a story that does not exist). */
  async view(id: string): Promise<StoryTranslationView> {
    const links = await findTranslationLinks(this.db, id);
    if (!links) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    const source = links.translatedFromId ? ((await findTranslationSource(this.db, links.translatedFromId)) ?? null) : null;
    const outdated =
      source !== null && links.status === 'published' && links.translatedFromVersion !== null && source.editVersion > links.translatedFromVersion;
    return { source, outdated, groupEditionIds: links.groupEditionIds };
  }

  /** Which of these stories are outdated translations (the story list's label). */
  async outdatedAmong(ids: readonly string[]): Promise<Set<string>> {
    return findOutdatedTranslations(this.db, ids);
  }

  /** `base`, else `base-2`, `base-3` …: the source's slug with the language, which the translator may change. */
  private async freeSlug(wanted: string): Promise<string> {
    const base = isValidSlug(wanted) ? wanted : slugify(wanted) || 'story';
    for (let attempt = 1; attempt <= 50; attempt++) {
      const slug = attempt === 1 ? base : `${base}-${attempt}`;
      if (!(await isArticleSlugTaken(this.db, slug))) return slug;
    }
    return `${base}-${newId().slice(0, 8)}`;
  }
}
