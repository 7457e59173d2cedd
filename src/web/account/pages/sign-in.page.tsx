import { MIN_PASSWORD_LENGTH } from '../../../modules/users/index.js';
import { MAX_READER_NAME_LENGTH } from '../../../modules/readers/index.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { NewPasswordFields, PASSWORD_HINT } from '../../shared/password-fields.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { Notice } from '../../shared/notice.js';
import { AccountLayout } from './account-layout.js';

/** Signing in to a reader account; `next` is where to go afterwards (already made safe). */
export function SignInPage(props: { site: SiteContext; next: string; email?: string; errors?: readonly FieldError[]; notice?: string }) {
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title="Sign in" hasErrors={errors.length > 0}>
      <h1>Sign in</h1>
      <Notice text={props.notice} />
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.signIn()} class="newsroom-form">
        <input type="hidden" name="next" value={props.next} />
        <RequiredNote />
        <TextField id="email" label="E-mail address" type="email" autoComplete="username" value={props.email ?? ''} maxLength={254} errors={errors} />
        <TextField id="password" label="Password" type="password" autoComplete="current-password" maxLength={256} errors={errors} />
        <button type="submit">Sign in</button>
      </form>
      <p>
        New here? <a href={paths.account.signUp(props.next === paths.account.home() ? undefined : props.next)}>Create a reader account</a>
      </p>
      <p>
        <a href={paths.account.forgotPassword()}>Forgotten your password?</a>
      </p>
    </AccountLayout>
  );
}

/** Creating a reader account: display name, e-mail address and password, nothing else. */
export function SignUpPage(props: { site: SiteContext; next: string; displayName?: string; email?: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title="Create a reader account" hasErrors={errors.length > 0}>
      <h1>Create a reader account</h1>
      <p>With an account you can comment on stories. We never show your e-mail address to anyone.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.signUp()} class="newsroom-form">
        <input type="hidden" name="next" value={props.next} />
        <RequiredNote />
        <TextField
          id="display-name"
          label="Display name"
          type="text"
          autoComplete="nickname"
          hint={`Shown beside your comments; up to ${MAX_READER_NAME_LENGTH} characters.`}
          value={props.displayName ?? ''}
          maxLength={MAX_READER_NAME_LENGTH}
          errors={errors}
        />
        <TextField id="email" label="E-mail address" type="email" autoComplete="email" value={props.email ?? ''} maxLength={254} errors={errors} />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={256}
          errors={errors}
        />
        <button type="submit">Create account</button>
      </form>
      <p>
        Already have an account? <a href={paths.account.signIn(props.next === paths.account.home() ? undefined : props.next)}>Sign in</a>
      </p>
    </AccountLayout>
  );
}

/** Choosing a new password from a one-time reset link. */
export function ResetPasswordPage(props: { site: SiteContext; token: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title="Choose a new password" hasErrors={errors.length > 0}>
      <h1>Choose a new password</h1>
      <p>This link works once. Afterwards you are signed in here and signed out everywhere else.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.reset(props.token)} class="newsroom-form">
        <RequiredNote />
        <NewPasswordFields errors={errors} />
        <button type="submit">Save new password</button>
      </form>
    </AccountLayout>
  );
}
