import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { findAuthorsForArticles } from '../authors/index.js';
import type { ArticleStatus, DeskListPage, DeskListQuery, DeskStory } from './article.types.js';

/**
 * The newsroom's story list: stories of every status, filtered, sorted and paged (migration 0018
 * has the indexes). Without a search, a page walks the index of its sort (led by the status or the
 * section when filtered by one) and stops at the LIMIT; filtered by author, it sorts that author's
 * stories. With a search, `candidates` holds the newest matches from the full-text index (at most
 * a few thousand): each is looked up by primary key and only they are filtered and sorted.
 */

/** The last update: a new draft has none, so its creation (the expression indexed by 0018). */
const UPDATED = sql<string>`coalesce(${sql.ref('articles.updated_at')}, ${sql.ref('articles.created_at')})`;

type DeskQueryBuilder = SelectQueryBuilder<Database, 'articles', object>;

/** A subquery of story ids (`article_id`), such as a search's matches. */
export type DeskCandidates = RawBuilder<{ article_id: string }>;

/**
 * The stories matching, read up to `countLimit`: counting every story of a common filter would
 * read the whole index (the page links say "more than …" instead).
 */
export async function listDeskStories(
  db: Db,
  query: DeskListQuery,
  options: { countLimit: number; candidates?: DeskCandidates },
): Promise<DeskListPage> {
  const candidates = options.candidates ?? datedByHeadline(db, query, options.countLimit);
  const base = () => deskQuery(db, query, candidates);
  const sortKey = query.sort === 'updated' ? UPDATED : sql.ref(query.sort === 'published' ? 'articles.published_at' : 'articles.headline');
  const rows = await base()
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.status',
      'articles.type_label',
      'articles.published_at',
      'articles.embargo_until',
      'sections.name as section_name',
      'articles.edition_id',
      UPDATED.as('updated'),
    ])
    .orderBy(sortKey, query.order)
    .orderBy('articles.id', query.order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await db
    .selectFrom(
      base()
        .select(sql.lit(1).as('one'))
        .limit(options.countLimit + 1)
        .as('matching'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirst();
  const count = Number(counted?.count ?? 0);
  const authors = await findAuthorsForArticles(
    db,
    rows.map((row) => row.id),
  );
  const stories = rows.map((row): DeskStory => ({
    id: row.id,
    headline: row.headline,
    status: row.status as ArticleStatus,
    typeLabel: row.type_label,
    sectionName: row.section_name,
    editionId: row.edition_id,
    authorNames: (authors.get(row.id) ?? []).map((author) => author.name),
    updatedAt: new Date(row.updated),
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
    embargoUntil: row.embargo_until === null ? null : new Date(row.embargo_until),
  }));
  return { stories, totalItems: Math.min(count, options.countLimit), countCapped: count > options.countLimit };
}

/**
 * Sorted by headline within dates, no index gives the order: the most recently updated
 * `countLimit` + 1 stories of the dates are taken from the update index and only they are sorted
 * (the count then says "more than …", as it does anyway).
 */
function datedByHeadline(db: Db, query: DeskListQuery, countLimit: number): DeskCandidates | undefined {
  if (query.sort !== 'headline' || (!query.from && !query.before)) return undefined;
  let dated = db.selectFrom('articles').select('articles.id as article_id');
  if (query.from) dated = dated.where(UPDATED, '>=', query.from.toISOString());
  if (query.before) dated = dated.where(UPDATED, '<', query.before.toISOString());
  return sql<{ article_id: string }>`(${dated
    .orderBy(UPDATED, 'desc')
    .orderBy('articles.id', 'desc')
    .limit(countLimit + 1)})`;
}

/**
 * The stories a query keeps. Without candidates each filter is a plain column, for the indexes.
 * With them, the stories are reached by primary key from the candidates (CROSS JOIN keeps that
 * order on SQLite; PostgreSQL plans it as an inner join) and each filter is written so that no
 * index serves it (`|| ''`): otherwise SQLite may read a whole section's or status's stories for
 * every candidate.
 */
function deskQuery(db: Db, query: DeskListQuery, candidates: DeskCandidates | undefined): DeskQueryBuilder {
  const plain = candidates === undefined;
  const column = (name: 'articles.status' | 'articles.section_id' | 'articles.edition_id') => (plain ? sql.ref(name) : sql`${sql.ref(name)} || ''`);
  let builder: DeskQueryBuilder = plain
    ? db.selectFrom('articles')
    : db.selectFrom(candidates.as('c')).crossJoin('articles').whereRef('articles.id', '=', 'c.article_id');
  if (query.status) builder = builder.where(column('articles.status'), '=', query.status);
  // Literally, so the partial indexes of stories not published (migration 0018) serve the others.
  if (plain && query.status && query.status !== 'published') builder = builder.where('articles.status', '<>', sql.lit('published'));
  if (query.sectionId) builder = builder.where(column('articles.section_id'), '=', query.sectionId);
  // A section is of one edition: its own index serves, and the edition's would only compete with it.
  else if (query.editionId) builder = builder.where(column('articles.edition_id'), '=', query.editionId);
  if (query.authorId) {
    const authorId = query.authorId;
    builder = plain
      ? builder.where('articles.id', 'in', (eb) =>
          eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.author_id', '=', authorId),
        )
      : builder.where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_authors')
              .select('article_authors.article_id')
              .whereRef('article_authors.article_id', '=', 'articles.id')
              .where('article_authors.author_id', '=', authorId),
          ),
        );
  }
  const dated = query.sort === 'published' ? sql.ref('articles.published_at') : UPDATED;
  const date = plain ? dated : sql`${dated} || ''`;
  if (query.sort === 'published') builder = builder.where('articles.published_at', 'is not', null);
  if (query.from) builder = builder.where(date, '>=', query.from.toISOString());
  if (query.before) builder = builder.where(date, '<', query.before.toISOString());
  return builder;
}
