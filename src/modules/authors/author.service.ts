import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { isValidSlug } from '../../shared/slug.js';
import { validateText } from '../../shared/text.js';
import type { AuditService } from '../audit/index.js';
import type { MediaLibrary } from '../media/index.js';
import { authorSlugTaken, findAuthorById, findAuthorBySlug, insertAuthor, listAuthors, updateAuthor } from './author.repository.js';
import type { Author, AuthorInput } from './author.types.js';

/** What an editor submits for an author profile; the e-mail is shown on bylines, so it is required; an empty photo means none. */
export interface AuthorFields {
  name: string;
  slug: string;
  email: string;
  jobTitle: string;
  bio: string;
  photoMediaId: string;
}

const EmailSchema = z.email().max(254);
const MAX_NAME_LENGTH = 100;
const MAX_JOB_TITLE_LENGTH = 100;
const MAX_BIO_LENGTH = 2000;

/** Author profiles (bylines) managed from the newsroom; every change reaches readers at once via taxonomy.changed. */
export class AuthorService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly audit: AuditService,
    private readonly media: Pick<MediaLibrary, 'find'>,
  ) {}

  list(): Promise<Author[]> {
    return listAuthors(this.db);
  }

  /** An author by the slug of their page, or undefined. */
  findBySlug(slug: string): Promise<Author | undefined> {
    return findAuthorBySlug(this.db, slug);
  }

  async require(id: string): Promise<Author> {
    const author = await findAuthorById(this.db, id);
    if (!author) throw new AppError('ERR_AUTHOR_NOT_FOUND');
    return author;
  }

  async create(input: AuthorFields, actorUserId: string | null): Promise<string> {
    const fields = await this.check(input);
    const id = await inTransaction(this.db, async (trx) => {
      if (await authorSlugTaken(trx, fields.slug)) throw new AppError('ERR_AUTHOR_SLUG_TAKEN');
      const created = await insertAuthor(trx, fields, this.clock.now());
      await this.audit.record(
        { actorUserId, action: 'author.created', subjectType: 'author', subjectId: created, details: { slug: fields.slug } },
        trx,
      );
      return created;
    });
    await this.events.emit({ name: 'taxonomy.changed', kind: 'author', ids: [id] });
    return id;
  }

  async update(id: string, input: AuthorFields, actorUserId: string | null): Promise<void> {
    const fields = await this.check(input);
    await inTransaction(this.db, async (trx) => {
      if (!(await findAuthorById(trx, id))) throw new AppError('ERR_AUTHOR_NOT_FOUND');
      if (await authorSlugTaken(trx, fields.slug, id)) throw new AppError('ERR_AUTHOR_SLUG_TAKEN');
      await updateAuthor(trx, id, fields);
      await this.audit.record({ actorUserId, action: 'author.updated', subjectType: 'author', subjectId: id, details: { slug: fields.slug } }, trx);
    });
    await this.events.emit({ name: 'taxonomy.changed', kind: 'author', ids: [id] });
  }

  private async check(input: AuthorFields): Promise<Omit<AuthorInput, 'id'>> {
    const name = validateText(input.name, { field: 'name', code: 'ERR_AUTHOR_NAME_INVALID', min: 1, max: MAX_NAME_LENGTH });
    const slug = input.slug.trim();
    if (!isValidSlug(slug)) throw new AppError('ERR_SLUG_INVALID');
    const email = input.email.trim().toLowerCase();
    if (!EmailSchema.safeParse(email).success) throw new AppError('ERR_EMAIL_INVALID');
    const jobTitle = validateText(input.jobTitle, { field: 'jobTitle', code: 'ERR_AUTHOR_BIO_TOO_LONG', max: MAX_JOB_TITLE_LENGTH });
    const bio = validateText(input.bio, { field: 'bio', code: 'ERR_AUTHOR_BIO_TOO_LONG', max: MAX_BIO_LENGTH, multiline: true });
    const photoMediaId = input.photoMediaId.trim();
    if (photoMediaId !== '' && !(await this.media.find(photoMediaId))) throw new AppError('ERR_MEDIA_NOT_FOUND');
    return { name, slug, email, jobTitle, bio, photoMediaId: photoMediaId === '' ? null : photoMediaId };
  }
}
