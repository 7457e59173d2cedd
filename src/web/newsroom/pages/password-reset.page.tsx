import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewPasswordFields } from '../../shared/password-fields.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** "Forgot password" for staff: an address in, the same answer out for every address. */
export function StaffForgotPasswordPage(props: { site: SiteContext; sent: boolean; email?: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  const { t } = newsroomTranslator(props.site);
  const title = t('nr.password.forgottenTitle');
  return (
    <NewsroomLayout site={props.site} title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}>
      <div class="newsroom-form-page">
        <h1>{t('nr.signIn.forgotten')}</h1>
        <Notice text={props.sent && t('nr.password.sent')} />
        <p>{t('nr.password.forgottenIntro')}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.forgotPassword()} class="newsroom-form">
          <RequiredNote />
          <TextField
            id="email"
            label={t('nr.common.emailAddress')}
            type="email"
            autoComplete="username"
            value={props.email ?? ''}
            maxLength={254}
            errors={errors}
          />
          <button type="submit">{t('nr.password.sendLink')}</button>
        </form>
        <p>
          <a href={newsroomPaths.signIn()}>{t('nr.password.backToSignIn')}</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}

/** Choosing a new password from the mailed link. */
export function StaffResetPasswordPage(props: { site: SiteContext; token: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  const { t } = newsroomTranslator(props.site);
  const title = t('nr.password.resetTitle');
  return (
    <NewsroomLayout site={props.site} title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}>
      <div class="newsroom-form-page">
        <h1>{title}</h1>
        <p>{t('nr.password.resetIntro')}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.passwordReset(props.token)} class="newsroom-form">
          <RequiredNote />
          <NewPasswordFields errors={errors} />
          <button type="submit">{t('nr.password.saveNew')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
