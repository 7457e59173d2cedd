import { CATALOGUE_LANGUAGES, languageName } from '../../../shared/i18n/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, FieldWrap, RequiredNote, type FieldError } from '../../shared/form-fields.js';
import { CurrentPasswordField, NewPasswordFields } from '../../shared/password-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** The language menu's field name and id. */
export const LANGUAGE_FIELD = 'newsroom-language';

/**
 * One's own account: the newsroom's language, and the password (changing it signs every other
 * session of the account out).
 */
export function ChangePasswordPage({
  site,
  viewer,
  errors = [],
  languageErrors = [],
  changed = false,
  languageSaved = false,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  errors?: readonly FieldError[];
  languageErrors?: readonly FieldError[];
  changed?: boolean;
  languageSaved?: boolean;
}) {
  const { t } = newsroomTranslator(site, viewer);
  const failed = errors.length > 0 || languageErrors.length > 0;
  const title = t('nr.nav.account');
  return (
    <NewsroomLayout site={site} title={failed ? t('nr.layout.errorTitle', { title }) : title} viewer={viewer} current={newsroomPaths.password()}>
      <div class="newsroom-form-page">
        <h1>{t('nr.password.heading')}</h1>
        <Notice text={changed && t('nr.password.changed')} />
        <Notice text={languageSaved && t('nr.language.saved')} />
        <ErrorSummary errors={[...languageErrors, ...errors]} />
        <form method="post" action={newsroomPaths.password()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <CurrentPasswordField errors={errors} />
          <NewPasswordFields errors={errors} />
          <button type="submit">{t('nr.nav.account')}</button>
        </form>
        <section aria-labelledby="newsroom-language-heading">
          <h2 id="newsroom-language-heading">{t('nr.language.heading')}</h2>
          <form method="post" action={newsroomPaths.language()} class="newsroom-form">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <FieldWrap id={LANGUAGE_FIELD} label={t('nr.language.label')} errors={languageErrors}>
              {(describedBy, invalid) => (
                <select id={LANGUAGE_FIELD} name={LANGUAGE_FIELD} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                  <option value="" selected={viewer.language === null}>
                    {t('nr.language.publication', { language: languageName(site.publication.language) })}
                  </option>
                  {CATALOGUE_LANGUAGES.map((code) => (
                    <option key={code} value={code} lang={code} selected={viewer.language === code}>
                      {languageName(code)}
                    </option>
                  ))}
                </select>
              )}
            </FieldWrap>
            <button type="submit">{t('nr.language.save')}</button>
          </form>
        </section>
      </div>
    </NewsroomLayout>
  );
}
