// The articles module's public face: other modules and src/web/** import from here, never from its
// files directly. Every query of the `articles` table lives in this module: other modules compose
// publishedQuery (the readers' visibility rules) or call the named reads and writes below, and
// never select or update `articles` themselves. Row types stay private.
export type {
  Article,
  ArticleFilter,
  ArticleInput,
  ArticleStatus,
  ArticleSummary,
  Correction,
  DeskListPage,
  DeskListQuery,
  DeskSort,
  DeskStory,
  LatestStory,
  SeriesPart,
  StoryTranslation,
} from './article.types.js';
export { ARTICLE_STATUSES, DESK_SORTS, TYPE_LABELS } from './article.types.js';
export { ArticleBodySchema, bodyFigureIds, bodyPlainText, inlineText, parseStoredBody, serializeBody } from '../../shared/article-body.js';
export type { ArticleBody, BodyBlock, Inline } from '../../shared/article-body.js';
export { bodyToMarkdown, markdownToBody } from './markdown-body.js';
export { ArticleInputError, ArticleInputSchema, parseArticleInput } from './article-input.js';
export type { ArticleEditDraft, ArticleEditInput, FieldIssue } from './article-input.js';
export { STATUS_TRANSITIONS, assertTransition, canTransition } from './story-workflow.js';
export { ReadingService, LIST_PAGE_SIZE } from './reading.service.js';
export type { ArticleReading, ReadingDirectories, RelatedStoryIds, StoryPage } from './reading.service.js';
export { ArticleEditingService, CORRECTION_KINDS } from './article-editing.service.js';
export type { Actor, CorrectionKind, SavedStory, SaveOptions } from './article-editing.service.js';
export { StoryConflictError } from './story-conflict.js';
export { StoryTranslationService } from './story-translation.service.js';
export type { StoryTranslationView } from './story-translation.service.js';
export type { TranslationSource } from './story-translation.repository.js';
export type { StoryConflict } from './story-conflict.js';
export type { StoryEditState } from './story-version.repository.js';
export { StoryAltMissingError, describePicture } from './story-pictures.repository.js';
export type { PictureWithoutAlt } from './story-pictures.repository.js';
export { ScheduledPublisher, SCHEDULE_CHECK_INTERVAL_MS } from './scheduled-publisher.js';

// Published stories: the one visibility rule (publishedQuery), which other modules may compose
// (join their own table to it) but never replicate, and its hydration into domain types.
export { countPublishedArticles, findNextVisibilityChange, listPublishedArticles, publishedQuery } from './article.repository.js';
export { findArticleById } from './article-page.repository.js';
export type { ListOrder } from './article.repository.js';
// Stories of any status, for other modules: a joinable projection and named reads.
export {
  articleIdsInSection,
  articleEditions,
  articleRefs,
  findArticleBodies,
  findArticleSlug,
  findArticleTexts,
  listAllArticleIds,
  listExistingArticleIds,
} from './article-refs.repository.js';
export type { ArticleText } from './article-refs.repository.js';
export { listLatestStories } from './article-editing.repository.js';
// Live coverage's checks and its ending (src/modules/live).
export { findLiveStoryState, setStoryTypeLabel } from './live-story.repository.js';
export { touchArticle } from './article-editing.repository.js';
export type { LiveStoryState } from './live-story.repository.js';
// The newsroom's story list (any status), which the search module narrows to a search's matches.
export { listDeskStories } from './story-desk.repository.js';
export type { DeskCandidates } from './story-desk.repository.js';
// Walking the archive in slices, and what a change touches: for state stored by other modules (search, sitemaps).
export { countArticles, findPublicationTimes, listArticleIdsAfter, listBecameVisibleBetween } from './article-scan.repository.js';
// The counts other modules keep on a story's row: only these write them.
export { addArticleViews, readArticleCommentCount, setArticleCommentCount } from './article-counters.repository.js';
// Its job (src/job-list.ts).
export { SCHEDULED_PUBLISH_JOB, scheduledPublishJob } from './scheduled-publish.job.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importArticle, importArticles, importTranslationLink } from './article-import.service.js';
export { findTakenSlugs, updateImportedArticle } from './article-import.repository.js';
export type { ArticleBulkImport, ArticleImport } from './article-import.service.js';
