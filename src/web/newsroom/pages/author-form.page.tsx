import type { AuthorFields } from '../../../modules/authors/index.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import type { User } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, FieldLabel, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

function FieldErrorText({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = useTranslator();
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span class="visually-hidden">{t('form.errorPrefix')}</span>
      {error.message}
    </p>
  );
}

/** Creating an author (no `authorId`) or editing one, and choosing the staff account behind the byline. */
export function AuthorFormPage({
  site,
  viewer,
  authorId,
  fields,
  media,
  staff = [],
  errors = [],
  saved = false,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  authorId?: string;
  fields: AuthorFields;
  media: readonly MediaAsset[];
  /** Active staff accounts, for linking; only when editing. */
  staff?: readonly User[];
  errors?: readonly FieldError[];
  saved?: boolean;
}) {
  const { t } = newsroomTranslator(site, viewer);
  const heading = authorId ? t('nr.authors.editHeading', { name: fields.name }) : t('nr.authors.new');
  const errorOf = (field: string) => errors.find((error) => error.field === field);
  const linked = staff.find((user) => user.authorId === authorId);
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title: heading }) : heading}
      viewer={viewer}
      current={newsroomPaths.authors()}
    >
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.authors()}>{t('nr.authors.all')}</a>
        </p>
        <h1>{heading}</h1>
        <Notice text={saved && t('nr.authors.saved')} />
        <ErrorSummary errors={errors} />
        <form method="post" action={authorId ? newsroomPaths.author(authorId) : newsroomPaths.authorNew()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField id="name" label={t('nr.authors.name')} type="text" autoComplete="off" value={fields.name} maxLength={100} errors={errors} />
          <TextField
            id="slug"
            label={t('nr.authors.slug')}
            type="text"
            autoComplete="off"
            value={fields.slug}
            hint={t('nr.authors.slugHint')}
            maxLength={120}
            errors={errors}
          />
          <div class={errorOf('email') ? 'field field-has-error' : 'field'}>
            <FieldLabel for="email" label={t('nr.authors.email')} required />
            <FieldErrorText id="email" error={errorOf('email')} />
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="off"
              value={fields.email}
              maxLength={254}
              required
              aria-invalid={errorOf('email') ? 'true' : undefined}
              aria-describedby={errorOf('email') ? 'email-error' : undefined}
            />
          </div>
          <div class={errorOf('job-title') ? 'field field-has-error' : 'field'}>
            <label for="job-title">{t('nr.authors.jobTitle')}</label>
            <FieldErrorText id="job-title" error={errorOf('job-title')} />
            <input
              id="job-title"
              name="job-title"
              type="text"
              autoComplete="off"
              value={fields.jobTitle}
              maxLength={100}
              aria-invalid={errorOf('job-title') ? 'true' : undefined}
              aria-describedby={errorOf('job-title') ? 'job-title-error' : undefined}
            />
          </div>
          <div class={errorOf('bio') ? 'field field-has-error' : 'field'}>
            <label for="bio">{t('nr.authors.bio')}</label>
            <FieldErrorText id="bio" error={errorOf('bio')} />
            <textarea
              id="bio"
              name="bio"
              rows={4}
              maxLength={2000}
              aria-invalid={errorOf('bio') ? 'true' : undefined}
              aria-describedby={errorOf('bio') ? 'bio-error' : undefined}
            >
              {fields.bio}
            </textarea>
          </div>
          <div class={errorOf('photo') ? 'field field-has-error' : 'field'}>
            <label for="photo">{t('nr.authors.photo')}</label>
            <FieldErrorText id="photo" error={errorOf('photo')} />
            <select id="photo" name="photo" aria-describedby={errorOf('photo') ? 'photo-error' : undefined}>
              <option value="" selected={fields.photoMediaId === ''}>
                {t('nr.authors.noPhoto')}
              </option>
              {media.map((asset) => (
                <option key={asset.id} value={asset.id} selected={fields.photoMediaId === asset.id}>
                  {asset.alt}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{authorId ? t('nr.authors.save') : t('nr.authors.create')}</button>
        </form>
        {authorId && (
          <>
            <h2>{t('nr.authors.accountHeading')}</h2>
            <p>{t('nr.authors.accountIntro')}</p>
            <form method="post" action={newsroomPaths.authorAccount(authorId)} class="newsroom-form">
              <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
              <div class="field">
                <label for="user-id">{t('nr.authors.linkedAccount')}</label>
                <select id="user-id" name="user-id">
                  <option value="" selected={!linked}>
                    {t('nr.authors.noAccount')}
                  </option>
                  {staff.map((user) => (
                    <option key={user.id} value={user.id} selected={linked?.id === user.id}>
                      {`${user.displayName} (${user.email})`}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('nr.authors.link')}</button>
            </form>
          </>
        )}
      </div>
    </NewsroomLayout>
  );
}
