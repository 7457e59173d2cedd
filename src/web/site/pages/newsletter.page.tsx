import type { ComponentChildren } from 'preact';
import type { NewsletterInfo, SubscriptionState } from '../../../modules/newsletters/index.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { Notice } from '../../shared/notice.js';
import { paths } from '../../shared/paths.js';
import { Layout } from '../components/layout.js';

function NewsletterLayout({ site, title, children }: { site: SiteContext; title: string; children: ComponentChildren }) {
  const { t } = siteTranslator(site);
  return (
    <Layout site={site} meta={{ title, description: t('newsletter.page.description', { title }), noindex: true }}>
      <div class="newsletter-page">{children}</div>
    </Layout>
  );
}

/** The same answer for every sign-up (known address or not): look in your inbox. */
export function CheckInboxPage({ site }: { site: SiteContext }) {
  const { t } = siteTranslator(site);
  return (
    <NewsletterLayout site={site} title={t('newsletter.page.checkInbox')}>
      <h1>{t('newsletter.page.checkInbox')}</h1>
      <p>{t('newsletter.page.checkInboxBody')}</p>
      <p>
        <a href={paths.home()}>{t('newsletter.page.backToFront')}</a>
      </p>
    </NewsletterLayout>
  );
}

/** A confirmation link opened: one button, so a mail scanner fetching the link confirms nothing. */
export function ConfirmPage({ site, action, names }: { site: SiteContext; action: string; names: readonly string[] }) {
  const { t } = siteTranslator(site);
  return (
    <NewsletterLayout site={site} title={t('newsletter.page.confirmTitle')}>
      <h1>{t('newsletter.page.confirmTitle')}</h1>
      <p>{t('newsletter.page.askedFor')}</p>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <form method="post" action={action}>
        <button type="submit">{t('newsletter.page.confirmButton')}</button>
      </form>
    </NewsletterLayout>
  );
}

export function ConfirmedPage({ site, preferencesPath }: { site: SiteContext; preferencesPath: string }) {
  const { t } = siteTranslator(site);
  return (
    <NewsletterLayout site={site} title={t('newsletter.page.subscribed')}>
      <h1>{t('newsletter.page.subscribed')}</h1>
      <p>{t('newsletter.page.subscribedBody')}</p>
      <p>
        <a href={preferencesPath}>{t('newsletter.page.manage')}</a> · <a href={paths.home()}>{t('newsletter.page.backToFront')}</a>
      </p>
    </NewsletterLayout>
  );
}

export interface PreferencesPageProps {
  site: SiteContext;
  email: string;
  action: string;
  newsletters: readonly NewsletterInfo[];
  states: readonly SubscriptionState[];
  notice?: string;
}

/** From the signed link in every newsletter: the address's newsletters, changed without signing in. */
export function PreferencesPage(props: PreferencesPageProps) {
  const { t, rich } = siteTranslator(props.site);
  const subscribed = new Set(props.states.filter((state) => state.subscribed).map((state) => state.key));
  return (
    <NewsletterLayout site={props.site} title={t('newsletter.page.preferences')}>
      <h1>{t('newsletter.page.preferences')}</h1>
      <p>{rich('newsletter.page.preferencesFor', { email: () => <strong>{props.email}</strong> })}</p>
      <Notice text={props.notice} />
      <form method="post" action={props.action}>
        <fieldset>
          <legend>{t('newsletter.page.sendMe')}</legend>
          {props.newsletters.map((info) => (
            <div class="newsletter-choice" key={info.key}>
              <input type="checkbox" id={`pref-${info.key}`} name="newsletter" value={info.key} checked={subscribed.has(info.key)} />
              <label for={`pref-${info.key}`}>
                {info.name} <span class="newsletter-description">— {info.description}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" name="action" value="save">
          {t('newsletter.page.save')}
        </button>
      </form>
      <form method="post" action={props.action}>
        <button type="submit" name="action" value="unsubscribe-all">
          {t('newsletter.page.unsubscribeAll')}
        </button>
      </form>
    </NewsletterLayout>
  );
}

/** GET on a one-click unsubscribe link (a person, not a mail client): a button that does the POST. */
export function UnsubscribePage({ site, action, name, done }: { site: SiteContext; action: string; name: string; done: boolean }) {
  const { t } = siteTranslator(site);
  const title = done ? t('newsletter.page.unsubscribed') : t('newsletter.page.unsubscribeFrom', { name });
  return (
    <NewsletterLayout site={site} title={title}>
      <h1>{title}</h1>
      {done ? (
        <p>{t('newsletter.page.noMore', { name })}</p>
      ) : (
        <form method="post" action={action}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">{t('newsletter.page.unsubscribe')}</button>
        </form>
      )}
      <p>
        <a href={paths.home()}>{t('newsletter.page.backToFront')}</a>
      </p>
    </NewsletterLayout>
  );
}

/** The error titles; the account pages' words where they are the same. */
const TITLES: Partial<Record<number, MessageKey>> = {
  400: 'account.error.400',
  403: 'account.error.403',
  404: 'newsletter.page.error.404',
  410: 'account.error.410',
  429: 'account.error.429',
};

/** A refused request: what happened and what to do (subscribe again from the front page). */
export function NewsletterErrorPage({ site, status, message }: { site: SiteContext; status: number; message: string }) {
  const { t, rich } = siteTranslator(site);
  const key = TITLES[status];
  const title = key ? t(key) : t('error.title.500');
  return (
    <NewsletterLayout site={site} title={title}>
      <div class="error-page">
        <p class="error-status">{t('error.status', { status: String(status) })}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>{rich('newsletter.page.subscribeAgain', { link: (text) => <a href={paths.home()}>{text}</a> })}</p>
      </div>
    </NewsletterLayout>
  );
}
