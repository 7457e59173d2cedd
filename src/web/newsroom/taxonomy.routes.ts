import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AuthorFields, AuthorService } from '../../modules/authors/index.js';
import type { EditionService } from '../../modules/editions/index.js';
import type { MediaUploadService } from '../../modules/media/index.js';
import type { SectionFields, SectionService } from '../../modules/sections/index.js';
import type { TagService } from '../../modules/tags/index.js';
import type { UserService } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { formField, type FormBody } from '../shared/form-body.js';
import { formFieldOf } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { AuthorFormPage } from './pages/author-form.page.js';
import { AuthorListPage } from './pages/author-list.page.js';
import { SectionFormPage } from './pages/section-form.page.js';
import { SectionListPage } from './pages/section-list.page.js';
import { TagListPage } from './pages/tag-list.page.js';

/** Which field each section error belongs to, so the summary links to it. */
const SECTION_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_SECTION_NAME_INVALID: 'name',
  ERR_SLUG_INVALID: 'slug',
  ERR_SECTION_SLUG_TAKEN: 'slug',
  ERR_SECTION_EDITION_INVALID: 'edition',
  ERR_SECTION_EDITION_IN_USE: 'edition',
  ERR_DESCRIPTION_TOO_LONG: 'description',
};

/** Which form field each service field is, for text refused for its characters. */
const SECTION_TEXT_FIELDS = { name: 'name', description: 'description' };

const AUTHOR_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_AUTHOR_NAME_INVALID: 'name',
  ERR_SLUG_INVALID: 'slug',
  ERR_AUTHOR_SLUG_TAKEN: 'slug',
  ERR_EMAIL_INVALID: 'email',
  ERR_AUTHOR_BIO_TOO_LONG: 'job-title',
  ERR_MEDIA_NOT_FOUND: 'photo',
};

const AUTHOR_TEXT_FIELDS = { name: 'name', jobTitle: 'job-title', bio: 'bio' };

/** Enough recent images to pick a photo from without paging. */
const PHOTO_CHOICES = 60;

function authorFieldsFrom(body: FormBody): AuthorFields {
  return {
    name: formField(body, 'name'),
    slug: formField(body, 'slug'),
    email: formField(body, 'email'),
    jobTitle: formField(body, 'job-title'),
    bio: formField(body, 'bio'),
    photoMediaId: formField(body, 'photo'),
  };
}

function sectionFieldsFrom(body: FormBody): SectionFields {
  return {
    name: formField(body, 'name'),
    slug: formField(body, 'slug'),
    description: formField(body, 'description'),
    inNavigation: formField(body, 'in-navigation') === 'yes',
    // Absent when the publication has one edition (the form has no such field): the default one.
    editionId: formField(body, 'edition'),
  };
}

/** What the section, author and tag pages use. */
export interface TaxonomyRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  sectionAdmin: SectionService;
  authors: AuthorService;
  tags: TagService;
  users: UserService;
  media: MediaUploadService;
  editions: Pick<EditionService, 'all'>;
}

/** Sections, authors and tags: `taxonomy.manage`. */
export function registerTaxonomyRoutes(scope: FastifyInstance, deps: TaxonomyRoutesDeps): void {
  const site = () => deps.site.current();
  const editions = () => deps.editions.all;

  /** Saves a section form, or shows it again with the problem beside its field and nothing written. */
  async function saveSection(request: FastifyRequest<{ Body: FormBody }>, reply: FastifyReply, staff: StaffContext, sectionId: string | undefined) {
    const fields = sectionFieldsFrom(request.body);
    try {
      const section = sectionId
        ? await deps.sectionAdmin.update(sectionId, fields, staff.session.user.id)
        : await deps.sectionAdmin.create(fields, staff.session.user.id);
      return reply.redirect(`${newsroomPaths.section(section.id)}?saved`, 303);
    } catch (error) {
      const field = error instanceof AppError ? formFieldOf(error, SECTION_FIELDS, SECTION_TEXT_FIELDS) : undefined;
      if (!(error instanceof AppError) || !field) throw error;
      reply.header('x-error-code', error.code);
      const viewer = viewerOf(staff);
      const errors = [{ field, message: newsroomTranslator(site(), viewer).error(error.code) }];
      const page = h(SectionFormPage, { site: site(), viewer, sectionId, fields, editions: editions(), errors });
      return sendHtml(request, reply, error.status, page);
    }
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/sections',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) =>
      sendHtml(
        request,
        reply,
        200,
        h(SectionListPage, { site: site(), viewer: viewerOf(staff), sections: await deps.sectionAdmin.list(), editions: editions() }),
      ),
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/sections/new',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const fields = { name: '', slug: '', description: '', inNavigation: true, editionId: '' };
      return sendHtml(request, reply, 200, h(SectionFormPage, { site: site(), viewer: viewerOf(staff), fields, editions: editions() }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/sections/new',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => saveSection(request, reply, staff, undefined),
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/sections/:sectionId',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const { sectionId } = request.params as { sectionId: string };
      const section = await deps.sectionAdmin.require(sectionId);
      const saved = request.query.saved !== undefined;
      const page = h(SectionFormPage, { site: site(), viewer: viewerOf(staff), sectionId, fields: section, editions: editions(), saved });
      return sendHtml(request, reply, 200, page);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/sections/:sectionId',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => saveSection(request, reply, staff, (request.params as { sectionId: string }).sectionId),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/sections/:sectionId/move',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const { sectionId } = request.params as { sectionId: string };
      const direction = formField(request.body, 'direction');
      if (direction !== 'up' && direction !== 'down') throw new AppError('ERR_BAD_REQUEST');
      await deps.sectionAdmin.move(sectionId, direction, staff.session.user.id);
      return reply.redirect(newsroomPaths.sections(), 303);
    },
  });
  const photoChoices = () => deps.media.list({ limit: PHOTO_CHOICES, offset: 0 });
  const activeStaff = async () => (await deps.users.list()).filter((user) => user.active);

  /** Saves an author form, or shows it again with the problem beside its field and nothing written. */
  async function saveAuthor(request: FastifyRequest<{ Body: FormBody }>, reply: FastifyReply, staff: StaffContext, authorId: string | undefined) {
    const fields = authorFieldsFrom(request.body);
    try {
      const id = authorId ?? (await deps.authors.create(fields, staff.session.user.id));
      if (authorId) await deps.authors.update(authorId, fields, staff.session.user.id);
      return reply.redirect(`${newsroomPaths.author(id)}?saved`, 303);
    } catch (error) {
      const field = error instanceof AppError ? formFieldOf(error, AUTHOR_FIELDS, AUTHOR_TEXT_FIELDS) : undefined;
      if (!(error instanceof AppError) || !field) throw error;
      reply.header('x-error-code', error.code);
      const viewer = viewerOf(staff);
      const errors = [{ field, message: newsroomTranslator(site(), viewer).error(error.code) }];
      const staffList = authorId ? await activeStaff() : [];
      return sendHtml(
        request,
        reply,
        error.status,
        h(AuthorFormPage, { site: site(), viewer, authorId, fields, media: await photoChoices(), staff: staffList, errors }),
      );
    }
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/authors',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const [authors, users] = await Promise.all([deps.authors.list(), deps.users.list()]);
      const accounts = new Map(users.flatMap((user) => (user.authorId ? [[user.authorId, user.displayName] as const] : [])));
      return sendHtml(request, reply, 200, h(AuthorListPage, { site: site(), viewer: viewerOf(staff), authors, accounts }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/authors/new',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const fields: AuthorFields = { name: '', slug: '', email: '', jobTitle: '', bio: '', photoMediaId: '' };
      return sendHtml(request, reply, 200, h(AuthorFormPage, { site: site(), viewer: viewerOf(staff), fields, media: await photoChoices() }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/authors/new',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => saveAuthor(request, reply, staff, undefined),
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/authors/:authorId',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const { authorId } = request.params as { authorId: string };
      const author = await deps.authors.require(authorId);
      const fields: AuthorFields = { ...author, photoMediaId: author.photo?.id ?? '' };
      const [media, staffList] = await Promise.all([photoChoices(), activeStaff()]);
      const saved = request.query.saved !== undefined;
      return sendHtml(
        request,
        reply,
        200,
        h(AuthorFormPage, { site: site(), viewer: viewerOf(staff), authorId, fields, media, staff: staffList, saved }),
      );
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/authors/:authorId',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => saveAuthor(request, reply, staff, (request.params as { authorId: string }).authorId),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/authors/:authorId/account',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const { authorId } = request.params as { authorId: string };
      await deps.authors.require(authorId);
      const userId = formField(request.body, 'user-id');
      await deps.users.setAuthorAccount(authorId, userId === '' ? null : userId, staff.session.user.id);
      return reply.redirect(`${newsroomPaths.author(authorId)}?saved`, 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/tags',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) =>
      sendHtml(request, reply, 200, h(TagListPage, { site: site(), viewer: viewerOf(staff), tags: await deps.tags.listWithCounts() })),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/tags/:tagId',
    permission: 'taxonomy.manage',
    handler: async (request, reply, staff) => {
      const { tagId } = request.params as { tagId: string };
      try {
        await deps.tags.rename(tagId, formField(request.body, 'name'), staff.session.user.id);
      } catch (error) {
        if (!(error instanceof AppError) || !formFieldOf(error, { ERR_TAG_NAME_INVALID: 'name' }, { name: 'name' })) throw error;
        reply.header('x-error-code', error.code);
        const viewer = viewerOf(staff);
        const errors = [{ field: `tag-${tagId}`, message: newsroomTranslator(site(), viewer).error(error.code) }];
        return sendHtml(request, reply, error.status, h(TagListPage, { site: site(), viewer, tags: await deps.tags.listWithCounts(), errors }));
      }
      return reply.redirect(newsroomPaths.tags(), 303);
    },
  });
}
