import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewPasswordFields } from '../../shared/password-fields.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** "Forgot password" for staff: an address in, the same answer out for every address. */
export function StaffForgotPasswordPage(props: { site: SiteContext; sent: boolean; email?: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <NewsroomLayout site={props.site} title={errors.length > 0 ? 'Error: Forgotten password' : 'Forgotten password'}>
      <div class="newsroom-form-page">
        <h1>Forgotten your password?</h1>
        <Notice
          text={
            props.sent
              ? 'If that address has a newsroom account, we have sent it a link to choose a new password. The link works once, for one hour.'
              : undefined
          }
        />
        <p>Give the address of your newsroom account and we will mail you a link to choose a new password.</p>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.forgotPassword()} class="newsroom-form">
          <RequiredNote />
          <TextField
            id="email"
            label="E-mail address"
            type="email"
            autoComplete="username"
            value={props.email ?? ''}
            maxLength={254}
            errors={errors}
          />
          <button type="submit">Send me a link</button>
        </form>
        <p>
          <a href={newsroomPaths.signIn()}>Back to signing in</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}

/** Choosing a new password from the mailed link. */
export function StaffResetPasswordPage(props: { site: SiteContext; token: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <NewsroomLayout site={props.site} title={errors.length > 0 ? 'Error: Choose a new password' : 'Choose a new password'}>
      <div class="newsroom-form-page">
        <h1>Choose a new password</h1>
        <p>This link works once. Afterwards you are signed in here and signed out everywhere else.</p>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.passwordReset(props.token)} class="newsroom-form">
          <RequiredNote />
          <NewPasswordFields errors={errors} />
          <button type="submit">Save new password</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
