import type { ComponentChildren } from 'preact';
import type { NewsletterInfo, SubscriptionState } from '../../../modules/newsletters/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { Notice } from '../../shared/notice.js';
import { paths } from '../../shared/paths.js';
import { Layout } from '../components/layout.js';

function NewsletterLayout({ site, title, children }: { site: SiteContext; title: string; children: ComponentChildren }) {
  return (
    <Layout site={site} meta={{ title, description: `${title} — newsletters.`, noindex: true }}>
      <div class="newsletter-page">{children}</div>
    </Layout>
  );
}

/** The same answer for every sign-up (known address or not): look in your inbox. */
export function CheckInboxPage({ site }: { site: SiteContext }) {
  return (
    <NewsletterLayout site={site} title="Check your inbox">
      <h1>Check your inbox</h1>
      <p>
        If the address can receive mail, a message with a confirmation link is on its way. Nothing else is sent until you follow it; the link works
        for 48 hours.
      </p>
      <p>
        <a href={paths.home()}>Back to the front page</a>
      </p>
    </NewsletterLayout>
  );
}

/** A confirmation link opened: one button, so a mail scanner fetching the link confirms nothing. */
export function ConfirmPage({ site, action, names }: { site: SiteContext; action: string; names: readonly string[] }) {
  return (
    <NewsletterLayout site={site} title="Confirm your subscription">
      <h1>Confirm your subscription</h1>
      <p>You asked to receive:</p>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <form method="post" action={action}>
        <button type="submit">Confirm my subscription</button>
      </form>
    </NewsletterLayout>
  );
}

export function ConfirmedPage({ site, preferencesPath }: { site: SiteContext; preferencesPath: string }) {
  return (
    <NewsletterLayout site={site} title="You are subscribed">
      <h1>You are subscribed</h1>
      <p>Thank you. Every newsletter we send carries a link to change your choices or unsubscribe.</p>
      <p>
        <a href={preferencesPath}>Manage your newsletters</a> · <a href={paths.home()}>Back to the front page</a>
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
  const subscribed = new Set(props.states.filter((state) => state.subscribed).map((state) => state.key));
  return (
    <NewsletterLayout site={props.site} title="Your newsletters">
      <h1>Your newsletters</h1>
      <p>
        For <strong>{props.email}</strong>.
      </p>
      <Notice text={props.notice} />
      <form method="post" action={props.action}>
        <fieldset>
          <legend>Send me</legend>
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
          Save my choices
        </button>
      </form>
      <form method="post" action={props.action}>
        <button type="submit" name="action" value="unsubscribe-all">
          Unsubscribe from all newsletters
        </button>
      </form>
    </NewsletterLayout>
  );
}

/** GET on a one-click unsubscribe link (a person, not a mail client): a button that does the POST. */
export function UnsubscribePage({ site, action, name, done }: { site: SiteContext; action: string; name: string; done: boolean }) {
  const title = done ? 'You are unsubscribed' : `Unsubscribe from ${name}`;
  return (
    <NewsletterLayout site={site} title={title}>
      <h1>{title}</h1>
      {done ? (
        <p>You will not receive {name} any more.</p>
      ) : (
        <form method="post" action={action}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">Unsubscribe</button>
        </form>
      )}
      <p>
        <a href={paths.home()}>Back to the front page</a>
      </p>
    </NewsletterLayout>
  );
}

const TITLES: Record<number, string> = {
  400: 'That did not work',
  403: 'Nothing was changed',
  404: 'Link not found',
  410: 'This link no longer works',
  429: 'Please wait a while',
};

/** A refused request: what happened and what to do (subscribe again from the front page). */
export function NewsletterErrorPage({ site, status, message }: { site: SiteContext; status: number; message: string }) {
  const title = TITLES[status] ?? 'Something went wrong';
  return (
    <NewsletterLayout site={site} title={title}>
      <div class="error-page">
        <p class="error-status">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          You can subscribe again from <a href={paths.home()}>the front page</a>.
        </p>
      </div>
    </NewsletterLayout>
  );
}
