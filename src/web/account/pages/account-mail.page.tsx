import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { AccountLayout } from './account-layout.js';

/**
 * After signing up: the same page whether or not the address already had an account, so it tells
 * nobody which addresses do (the owner of a registered one gets a mail saying someone tried).
 */
export function CheckInboxPage({ site }: { site: SiteContext }) {
  const { t, rich } = siteTranslator(site);
  return (
    <AccountLayout site={site} title={t('newsletter.page.checkInbox')}>
      <h1>{t('newsletter.page.checkInbox')}</h1>
      <p>{t('account.checkInboxBody')}</p>
      <p>
        {rich('account.checkInboxHelp', {
          signIn: (text) => <a href={paths.account.signIn()}>{text}</a>,
          reset: (text) => <a href={paths.account.forgotPassword()}>{text}</a>,
        })}
      </p>
    </AccountLayout>
  );
}

/**
 * A sign-up link, opened: one button confirms. Opening the link changes nothing by itself, so a
 * mail scanner that fetches every link cannot spend it.
 */
export function ConfirmAddressPage({ site, token }: { site: SiteContext; token: string }) {
  const { t } = siteTranslator(site);
  return (
    <AccountLayout site={site} title={t('account.confirmTitle')}>
      <h1>{t('account.confirmTitle')}</h1>
      <p>{t('account.confirmBody')}</p>
      <form method="post" action={paths.account.confirm(token)} class="newsroom-form">
        <button type="submit">{t('account.confirmButton')}</button>
      </form>
    </AccountLayout>
  );
}

/** "Forgot password": an address in, the same answer out for every address. */
export function ForgotPasswordPage(props: { site: SiteContext; sent: boolean; email?: string; errors?: readonly FieldError[] }) {
  const { t, rich } = siteTranslator(props.site);
  const errors = props.errors ?? [];
  return (
    <AccountLayout site={props.site} title={t('account.choosePassword')} hasErrors={errors.length > 0}>
      <h1>{t('account.forgotten')}</h1>
      <Notice text={props.sent ? t('account.resetSent') : undefined} />
      <p>{t('account.forgotIntro')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.account.forgotPassword()} class="newsroom-form">
        <RequiredNote />
        <TextField
          id="email"
          label={t('account.email')}
          type="email"
          autoComplete="email"
          value={props.email ?? ''}
          maxLength={254}
          errors={errors}
        />
        <button type="submit">{t('account.sendLink')}</button>
      </form>
      <p>{rich('account.remembered', { link: (text) => <a href={paths.account.signIn()}>{text}</a> })}</p>
    </AccountLayout>
  );
}
