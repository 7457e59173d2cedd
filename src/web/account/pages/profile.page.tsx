import { newslettersOf } from '../../../modules/newsletters/index.js';
import { NewsletterSignup } from '../../site/components/newsletter-signup.js';
import { MAX_READER_NAME_LENGTH, type Reader } from '../../../modules/readers/index.js';
import { MIN_PASSWORD_LENGTH } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { CurrentPasswordField, NewPasswordFields } from '../../shared/password-fields.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
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
  const { t, rich } = siteTranslator(site);
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={site} title={t('account.title')} hasErrors={errors.length > 0}>
      <h1>{t('account.title')}</h1>
      <p>{rich('account.signedInAs', { name: () => <strong>{reader.displayName}</strong> }, { email: reader.email })}</p>
      {reader.banned && <p class="newsroom-notice">{t('account.banned')}</p>}
      <Notice text={props.notice} />
      {!reader.confirmed && (
        <div class="newsroom-notice">
          <p>{t('account.confirmFirst')}</p>
          <form method="post" action={paths.account.resendConfirmation()}>
            <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
            <button type="submit">{t('account.sendAgain')}</button>
          </form>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <ul>
        <li>
          <a href={paths.account.comments()}>{t('account.myComments')}</a>
        </li>
        <li>
          <a href={paths.account.delete()}>{t('account.deleteMine')}</a>
        </li>
      </ul>
      <form method="post" action={paths.account.signOut()}>
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <button type="submit">{t('account.signOut')}</button>
      </form>

      <NewsletterSignup site={site} newsletters={newslettersOf(site.navigation)} idPrefix="account-newsletters" csrfToken={csrfToken} />

      <h2>{t('account.displayName')}</h2>
      <form method="post" action={paths.account.profile()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <RequiredNote />
        <TextField
          id="display-name"
          label={t('account.displayName')}
          type="text"
          autoComplete="nickname"
          hint={t('account.displayNameHint', { max: String(MAX_READER_NAME_LENGTH) })}
          value={props.displayName ?? reader.displayName}
          maxLength={MAX_READER_NAME_LENGTH}
          errors={errors}
        />
        <button type="submit">{t('account.saveName')}</button>
      </form>

      <h2>{t('account.replyMail')}</h2>
      <form method="post" action={paths.account.replyMail()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <div class="field field-checkbox">
          <input id="reply-mail" name="reply-mail" type="checkbox" value="on" checked={reader.replyMail} aria-describedby="reply-mail-hint" />
          <label for="reply-mail">{t('account.replyMailLabel')}</label>
        </div>
        <p id="reply-mail-hint" class="field-hint">
          {t('account.replyMailHint', { email: reader.email })}
        </p>
        <button type="submit">{t('account.saveReplyMail')}</button>
      </form>

      <h2>{t('account.passwordHeading')}</h2>
      <form method="post" action={paths.account.password()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <RequiredNote />
        <CurrentPasswordField label={t('account.currentPassword')} errors={errors} />
        <NewPasswordFields
          label={t('account.newPassword')}
          againLabel={t('account.newPasswordAgain')}
          hint={t('account.changePasswordHint', { min: String(MIN_PASSWORD_LENGTH) })}
          errors={errors}
        />
        <button type="submit">{t('account.changePassword')}</button>
      </form>
    </AccountLayout>
  );
}

/** Confirming the deletion of the account with its password. */
export function DeleteAccountPage(props: { site: SiteContext; csrfToken: string; errors?: readonly FieldError[] }) {
  const { t } = siteTranslator(props.site);
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title={t('account.deleteTitle')} hasErrors={errors.length > 0}>
      <h1>{t('account.deleteTitle')}</h1>
      <p>{t('account.deleteBody')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.delete()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <RequiredNote />
        <CurrentPasswordField id="password" label={t('account.deletePassword')} errors={errors} />
        <button type="submit">{t('account.deleteMine')}</button>
      </form>
      <p>
        <a href={paths.account.home()}>{t('account.keep')}</a>
      </p>
    </AccountLayout>
  );
}
