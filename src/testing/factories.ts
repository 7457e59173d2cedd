import type { Deps } from '../deps.js';
import type { ArticleBody } from '../shared/article-body.js';
import type { ArticleEditDraft } from '../modules/articles/article-input.js';
import { insertArticle, insertCorrection, updateArticleStatus } from '../modules/articles/article.repository.js';
import type { ArticleInput, ArticleStatus } from '../modules/articles/article.types.js';
import { addViewCounts } from '../modules/audience/view-count.repository.js';
import { insertAuthor } from '../modules/authors/author.repository.js';
import { insertMediaAsset } from '../modules/media/media.repository.js';
import { saveStaticPage } from '../modules/pages/static-page.repository.js';
import { insertPick } from '../modules/rankings/pick.repository.js';
import { insertSection } from '../modules/sections/section.repository.js';
import type { Section } from '../modules/sections/section.types.js';
import { insertSeries } from '../modules/series/series.repository.js';
import type { Series } from '../modules/series/series.types.js';
import { ensureTags } from '../modules/tags/tag.repository.js';
import type { Role } from '../modules/users/permissions.js';
import type { User } from '../modules/users/user.types.js';
import { HOUR_MS } from '../shared/clock.js';
import type { DomainEvent } from '../shared/events.js';
import { newId } from '../shared/ids.js';
import { findReaderById, insertReader } from '../modules/readers/reader.repository.js';
import { hashPassword } from '../modules/users/password.js';
import { READER_COOKIE } from '../web/shared/reader-cookie.js';

let sequence = 0;
const next = () => ++sequence;

export interface ArticleOverrides extends Partial<Omit<ArticleInput, 'sectionId' | 'authorIds' | 'tagIds'>> {
  section?: Section;
  authorIds?: string[];
  tags?: string[];
  /** Hours before the clock's now; default 1. Ignored when publishedAt is given. */
  hoursAgo?: number;
  corrections?: Array<{ kind: 'correction' | 'update'; text: string }>;
}

export type Factories = ReturnType<typeof createFactories>;

/**
 * Builders with sensible defaults, so a test states only what it is about. Each write announces a
 * content change, exactly as the newsroom will, so caches and lists behave as in production.
 */
export function createFactories(deps: Deps) {
  const { db, clock } = deps;
  // Rows written here bypass the services, so each write announces itself as they would.
  const changed = (event: DomainEvent) => deps.events.emit(event);

  const factories = {
    async section(overrides: Partial<Section> = {}): Promise<Section> {
      const n = next();
      const section = await insertSection(
        db,
        { slug: `section-${n}`, name: `Section ${n}`, description: `Stories of section ${n}.`, position: n, inNavigation: true, ...overrides },
        clock.now(),
      );
      await changed({ name: 'taxonomy.changed', kind: 'section', ids: [section.id] });
      return section;
    },

    async author(overrides: Partial<{ slug: string; name: string; email: string; bio: string; jobTitle: string }> = {}) {
      const n = next();
      const input = {
        slug: `author-${n}`,
        name: `Author ${n}`,
        email: `author${n}@news.example`,
        bio: `Author ${n} covers everything.`,
        jobTitle: 'Reporter',
        ...overrides,
      };
      const id = await insertAuthor(db, input, clock.now());
      return { id, ...input };
    },

    async series(overrides: Partial<Series> = {}): Promise<Series> {
      const n = next();
      return insertSeries(db, { slug: `series-${n}`, title: `Series ${n}`, description: `A series, number ${n}.`, ...overrides }, clock.now());
    },

    async media(overrides: Partial<{ alt: string; caption: string; credit: string }> = {}): Promise<string> {
      const id = newId();
      await insertMediaAsset(
        db,
        {
          id,
          mimeType: 'image/png',
          width: 1600,
          height: 900,
          alt: 'A test image',
          caption: 'A caption',
          credit: 'Test Agency',
          variants: [
            { width: 480, height: 270, format: 'webp', file: `${id}-480.webp` },
            { width: 1200, height: 675, format: 'jpeg', file: `${id}-1200.jpg` },
          ],
          ...overrides,
        },
        clock.now(),
      );
      return id;
    },

    async article(overrides: ArticleOverrides = {}) {
      const n = next();
      const section = overrides.section ?? (await factories.section());
      const authorIds = overrides.authorIds ?? [(await factories.author()).id];
      const tags = await ensureTags(db, overrides.tags ?? []);
      const body: ArticleBody = overrides.body ?? [{ type: 'paragraph', content: [{ text: `Body of story ${n}.` }] }];
      const status: ArticleStatus = overrides.status ?? 'published';
      const publishedAt = overrides.publishedAt ?? new Date(clock.now().getTime() - (overrides.hoursAgo ?? 1) * HOUR_MS);
      const slug = overrides.slug ?? `story-${n}`;
      const id = await insertArticle(
        db,
        {
          slug,
          headline: `Headline ${n}`,
          standfirst: `Standfirst ${n}.`,
          typeLabel: 'News',
          ...overrides,
          body,
          status,
          publishedAt,
          sectionId: section.id,
          authorIds,
          tagIds: tags.map((tag) => tag.id),
        },
        clock.now(),
      );
      for (const correction of overrides.corrections ?? []) {
        await insertCorrection(db, id, { ...correction, createdAt: clock.now() });
      }
      await changed({ name: 'content.imported' });
      return { id, slug, section, authorIds };
    },

    async setStatus(articleId: string, status: ArticleStatus): Promise<void> {
      await updateArticleStatus(db, articleId, status, clock.now());
      await changed({ name: 'content.imported' });
    },

    /**
     * Stored views of a story in the hour `hoursAgo` hours before the clock's current hour (0: the
     * current hour), as if counted and flushed. Lists pick them up on their next refresh.
     */
    async views(
      articleId: string,
      views: number,
      options: { hoursAgo?: number; hourStart?: Date; viaPopularNow?: number; viaWeeklyBest?: number } = {},
    ): Promise<void> {
      const currentHour = Math.floor(clock.now().getTime() / HOUR_MS) * HOUR_MS;
      const hourStart = options.hourStart ?? new Date(currentHour - (options.hoursAgo ?? 0) * HOUR_MS);
      await addViewCounts(db, [
        { articleId, hourStart, views, viaPopularNow: options.viaPopularNow ?? 0, viaWeeklyBest: options.viaWeeklyBest ?? 0 },
      ]);
    },

    async pick(articleId: string, position: number, expiresAt: Date | null = null): Promise<void> {
      await insertPick(db, { articleId, position, expiresAt }, clock.now());
      await changed({ name: 'curation.changed', part: 'picks' });
    },

    /** A staff account; the password is returned so a test can sign in with it. */
    async staff(
      overrides: Partial<{ role: Role; email: string; displayName: string; password: string }> = {},
    ): Promise<{ user: User; password: string }> {
      const n = next();
      const password = overrides.password ?? `correct horse battery ${n}`;
      const user = await deps.users.createUser({
        email: overrides.email ?? `staff${n}@news.example`,
        displayName: overrides.displayName ?? `Staff Member ${n}`,
        role: overrides.role ?? 'reporter',
        password,
      });
      return { user, password };
    },

    /** A signed-in session for a user, as the `Cookie` header a browser would send. */
    async sessionCookie(userId: string): Promise<string> {
      const session = await deps.sessions.create(userId);
      return `dateline_session=${session.token}`;
    },

    async staticPage(slug: string, title = 'About us'): Promise<void> {
      await saveStaticPage(db, { slug, title, body: [{ type: 'paragraph', content: [{ text: `${title} text.` }] }], updatedAt: clock.now() });
      await changed({ name: 'static-page.changed', slug });
    },

    /**
     * A staff account for acting in the newsroom, written straight to the users table (the user
     * service lives in modules/users). The password hash is a dummy: such a user cannot sign in.
     */
    async staffUser(overrides: Partial<{ role: string; email: string; displayName: string; authorId: string | null }> = {}) {
      const n = next();
      const user = {
        id: newId(),
        role: overrides.role ?? 'reporter',
        email: overrides.email ?? `staff${n}@news.example`,
        displayName: overrides.displayName ?? `Staff ${n}`,
        authorId: overrides.authorId ?? null,
      };
      const now = clock.now().toISOString();
      await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          password_hash: 'factory:not-a-password-hash',
          author_id: user.authorId,
          created_at: now,
          password_changed_at: now,
        })
        .execute();
      return user;
    },

    /** Valid editor input for ArticleEditingService (a new section and author unless given). */
    async articleInput(overrides: Partial<ArticleEditDraft> = {}): Promise<ArticleEditDraft> {
      const n = next();
      return {
        headline: `Draft headline ${n}`,
        standfirst: `Draft standfirst ${n}.`,
        body: [{ type: 'paragraph', content: [{ text: `Draft body ${n}.` }] }],
        sectionId: overrides.sectionId ?? (await factories.section()).id,
        authorIds: overrides.authorIds ?? [(await factories.author()).id],
        typeLabel: 'News',
        ...overrides,
      };
    },

    /**
     * A reader account with a signed-in session: `cookie` is the `Cookie` header a browser would
     * send. Confirmed (may comment) unless `confirmed: false`.
     */
    async reader(overrides: Partial<{ email: string; displayName: string; password: string; confirmed: boolean }> = {}) {
      const n = next();
      const password = overrides.password ?? `reader passphrase ${n}`;
      const id = newId();
      const email = overrides.email ?? `reader${n}@mail.example`;
      const passwordHash = await hashPassword(password);
      await insertReader(
        db,
        { id, email, displayName: overrides.displayName ?? `Reader ${n}`, passwordHash },
        clock.now(),
        overrides.confirmed === false ? null : clock.now(),
      );
      const reader = await findReaderById(db, id);
      if (!reader) throw new Error('the reader factory could not read back its reader');
      const session = await deps.readerSessions.create(id);
      return { reader, password, cookie: `${READER_COOKIE}=${session.token}` };
    },
  };
  return factories;
}
