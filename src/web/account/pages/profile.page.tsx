import { newslettersOf } from '../../../modules/newsletters/index.js';
import { NewsletterSignup } from '../../site/components/newsletter-signup.js';
import { MAX_READER_NAME_LENGTH, type Reader } from '../../../modules/readers/index.js';
import { MIN_PASSWORD_LENGTH } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { CurrentPasswordField, NewPasswordFields } from '../../shared/password-fields.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { Notice } from '../../shared/notice.js';
import { AccountLayout } from './account-layout.js';

export interface ProfilePageProps {
  site: SiteContext;
  reader: Reader;
  csrfToken: string;
  errors?: readonly FieldError[];
  /** The name as typed when the name form failed. */
  displayName?: string;
  notice?: string;
}

/** The reader's own account: their name, their password, their comments, signing out and deleting. */
export function ProfilePage(props: ProfilePageProps) {
  const { site, reader, csrfToken } = props;
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={site} title="Your account" hasErrors={errors.length > 0}>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{reader.displayName}</strong> ({reader.email}).
      </p>
      {reader.banned && (
        <p class="newsroom-notice">An editor has stopped this account from commenting. You can still read, and manage or delete the account.</p>
      )}
      <Notice text={props.notice} />
      {!reader.confirmed && (
        <div class="newsroom-notice">
          <p>Please confirm your e-mail address to comment: open the link in the mail we sent you when you signed up.</p>
          <form method="post" action={paths.account.resendConfirmation()}>
            <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
            <button type="submit">Send the link again</button>
          </form>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <ul>
        <li>
          <a href={paths.account.comments()}>My comments</a>
        </li>
        <li>
          <a href={paths.account.delete()}>Delete my account</a>
        </li>
      </ul>
      <form method="post" action={paths.account.signOut()}>
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <button type="submit">Sign out</button>
      </form>

      <NewsletterSignup site={site} newsletters={newslettersOf(site.navigation)} idPrefix="account-newsletters" csrfToken={csrfToken} />

      <h2>Display name</h2>
      <form method="post" action={paths.account.profile()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <RequiredNote />
        <TextField
          id="display-name"
          label="Display name"
          type="text"
          autoComplete="nickname"
          hint={`Shown beside your comments; up to ${MAX_READER_NAME_LENGTH} characters.`}
          value={props.displayName ?? reader.displayName}
          maxLength={MAX_READER_NAME_LENGTH}
          errors={errors}
        />
        <button type="submit">Save name</button>
      </form>

      <h2>Mail about replies</h2>
      <form method="post" action={paths.account.replyMail()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <div class="field field-checkbox">
          <input id="reply-mail" name="reply-mail" type="checkbox" value="on" checked={reader.replyMail} aria-describedby="reply-mail-hint" />
          <label for="reply-mail">Mail me when someone replies to one of my comments</label>
        </div>
        <p id="reply-mail-hint" class="field-hint">
          One mail per reply, to {reader.email}, once the reply is published. Untick the box to stop them.
        </p>
        <button type="submit">Save mail choice</button>
      </form>

      <h2>Password</h2>
      <form method="post" action={paths.account.password()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <RequiredNote />
        <CurrentPasswordField errors={errors} />
        <NewPasswordFields hint={`At least ${MIN_PASSWORD_LENGTH} characters. Changing it signs you out everywhere else.`} errors={errors} />
        <button type="submit">Change password</button>
      </form>
    </AccountLayout>
  );
}

/** Confirming the deletion of the account with its password. */
export function DeleteAccountPage(props: { site: SiteContext; csrfToken: string; errors?: readonly FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title="Delete your account" hasErrors={errors.length > 0}>
      <h1>Delete your account</h1>
      <p>
        Your name, e-mail address and password are removed and you are signed out everywhere. Your comments stay where they are, shown as from “a
        deleted reader”. This cannot be undone.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.delete()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <RequiredNote />
        <CurrentPasswordField id="password" label="Your password, to confirm" errors={errors} />
        <button type="submit">Delete my account</button>
      </form>
      <p>
        <a href={paths.account.home()}>Keep my account</a>
      </p>
    </AccountLayout>
  );
}
