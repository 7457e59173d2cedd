import { MIN_PASSWORD_LENGTH } from '../../../modules/users/index.js';
import { MAX_READER_NAME_LENGTH } from '../../../modules/readers/index.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { NewPasswordFields } from '../../shared/password-fields.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { Notice } from '../../shared/notice.js';
import { AccountLayout } from './account-layout.js';

/** Signing in to a reader account; `next` is where to go afterwards (already made safe). */
export function SignInPage(props: { site: SiteContext; next: string; email?: string; errors?: readonly FieldError[]; notice?: string }) {
  const { t, rich } = siteTranslator(props.site);
  const errors = props.errors ?? [];
  const signUp = paths.account.signUp(props.next === paths.account.home() ? undefined : props.next);
  return (
    <AccountLayout site={props.site} title={t('account.signIn')} hasErrors={errors.length > 0}>
      <h1>{t('account.signIn')}</h1>
      <Notice text={props.notice} />
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.signIn()} class="newsroom-form">
        <input type="hidden" name="next" value={props.next} />
        <RequiredNote />
        <TextField
          id="email"
          label={t('account.email')}
          type="email"
          autoComplete="username"
          value={props.email ?? ''}
          maxLength={254}
          errors={errors}
        />
        <TextField id="password" label={t('account.password')} type="password" autoComplete="current-password" maxLength={256} errors={errors} />
        <button type="submit">{t('account.signIn')}</button>
      </form>
      <p>{rich('account.newHere', { link: (text) => <a href={signUp}>{text}</a> })}</p>
      <p>
        <a href={paths.account.forgotPassword()}>{t('account.forgotten')}</a>
      </p>
    </AccountLayout>
  );
}

/** Creating a reader account: display name, e-mail address and password, nothing else. */
export function SignUpPage(props: { site: SiteContext; next: string; displayName?: string; email?: string; errors?: readonly FieldError[] }) {
  const { t, rich } = siteTranslator(props.site);
  const errors = props.errors ?? [];
  const signIn = paths.account.signIn(props.next === paths.account.home() ? undefined : props.next);
  return (
    <AccountLayout site={props.site} title={t('account.signUp')} hasErrors={errors.length > 0}>
      <h1>{t('account.signUp')}</h1>
      <p>{t('account.signUpIntro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.signUp()} class="newsroom-form">
        <input type="hidden" name="next" value={props.next} />
        <RequiredNote />
        <TextField
          id="display-name"
          label={t('account.displayName')}
          type="text"
          autoComplete="nickname"
          hint={t('account.displayNameHint', { max: String(MAX_READER_NAME_LENGTH) })}
          value={props.displayName ?? ''}
          maxLength={MAX_READER_NAME_LENGTH}
          errors={errors}
        />
        <TextField
          id="email"
          label={t('account.email')}
          type="email"
          autoComplete="email"
          value={props.email ?? ''}
          maxLength={254}
          errors={errors}
        />
        <TextField
          id="password"
          label={t('account.password')}
          type="password"
          autoComplete="new-password"
          hint={t('account.passwordHint', { min: String(MIN_PASSWORD_LENGTH) })}
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={256}
          errors={errors}
        />
        <button type="submit">{t('account.createAccount')}</button>
      </form>
      <p>{rich('account.haveAccount', { link: (text) => <a href={signIn}>{text}</a> })}</p>
    </AccountLayout>
  );
}

/** Choosing a new password from a one-time reset link. */
export function ResetPasswordPage(props: { site: SiteContext; token: string; errors?: readonly FieldError[] }) {
  const { t } = siteTranslator(props.site);
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title={t('account.choosePassword')} hasErrors={errors.length > 0}>
      <h1>{t('account.choosePassword')}</h1>
      <p>{t('account.resetIntro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.reset(props.token)} class="newsroom-form">
        <RequiredNote />
        <NewPasswordFields
          label={t('account.newPassword')}
          againLabel={t('account.newPasswordAgain')}
          hint={t('account.passwordHint', { min: String(MIN_PASSWORD_LENGTH) })}
          errors={errors}
        />
        <button type="submit">{t('account.saveNewPassword')}</button>
      </form>
    </AccountLayout>
  );
}
