import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** The newsroom's sign-in form; `notice` confirms a sign-out. */
export function SignInPage({
  site,
  next,
  email = '',
  errors = [],
  notice,
}: {
  site: SiteContext;
  next: string;
  email?: string;
  errors?: readonly FieldError[];
  notice?: string;
}) {
  const { t } = newsroomTranslator(site);
  const title = t('nr.signIn.signIn');
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}>
      <div class="newsroom-form-page">
        <h1>{t('nr.common.signInToNewsroom')}</h1>
        <Notice text={notice} />
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.signIn()} class="newsroom-form">
          <input type="hidden" name="next" value={next} />
          <RequiredNote />
          <TextField
            id="email"
            label={t('nr.common.emailAddress')}
            type="email"
            autoComplete="username"
            value={email}
            maxLength={254}
            errors={errors}
          />
          <TextField id="password" label={t('nr.common.password')} type="password" autoComplete="current-password" maxLength={256} errors={errors} />
          <button type="submit">{t('nr.signIn.signIn')}</button>
        </form>
        <p>
          <a href={newsroomPaths.forgotPassword()}>{t('nr.signIn.forgotten')}</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}
