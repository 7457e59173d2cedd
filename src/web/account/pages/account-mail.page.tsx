import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { AccountLayout } from './account-layout.js';

/**
 * After signing up: the same page whether or not the address already had an account, so it tells
 * nobody which addresses do (the owner of a registered one gets a mail saying someone tried).
 */
export function CheckInboxPage({ site }: { site: SiteContext }) {
  return (
    <AccountLayout site={site} title="Check your inbox">
      <h1>Check your inbox</h1>
      <p>We have sent a mail to the address you gave. Open the link in it to confirm your address; then you can comment.</p>
      <p>
        Nothing there after a few minutes? Look in your spam folder. If the address already has an account, the mail says so:{' '}
        <a href={paths.account.signIn()}>sign in</a> or <a href={paths.account.forgotPassword()}>choose a new password</a>.
      </p>
    </AccountLayout>
  );
}

/**
 * A sign-up link, opened: one button confirms. Opening the link changes nothing by itself, so a
 * mail scanner that fetches every link cannot spend it.
 */
export function ConfirmAddressPage({ site, token }: { site: SiteContext; token: string }) {
  return (
    <AccountLayout site={site} title="Confirm your e-mail address">
      <h1>Confirm your e-mail address</h1>
      <p>One last step: confirm that this address is yours. You will be signed in, and can then comment on stories.</p>
      <form method="post" action={paths.account.confirm(token)} class="newsroom-form">
        <button type="submit">Confirm my address</button>
      </form>
    </AccountLayout>
  );
}

/** "Forgot password": an address in, the same answer out for every address. */
export function ForgotPasswordPage(props: { site: SiteContext; sent: boolean; email?: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title="Choose a new password" hasErrors={errors.length > 0}>
      <h1>Forgotten your password?</h1>
      <Notice
        text={
          props.sent
            ? 'If that address has a reader account, we have sent it a link to choose a new password. The link works once, for one hour.'
            : undefined
        }
      />
      <p>Give the address of your reader account and we will mail you a link to choose a new password.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.forgotPassword()} class="newsroom-form">
        <RequiredNote />
        <TextField id="email" label="E-mail address" type="email" autoComplete="email" value={props.email ?? ''} maxLength={254} errors={errors} />
        <button type="submit">Send me a link</button>
      </form>
      <p>
        Remembered it? <a href={paths.account.signIn()}>Sign in</a>
      </p>
    </AccountLayout>
  );
}
