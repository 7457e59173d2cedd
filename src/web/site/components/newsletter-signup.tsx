import type { NewsletterInfo } from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';

export const NEWSLETTER_SUBSCRIBE_PATH = '/newsletters/subscribe';

/**
 * The newsletter sign-up form (home page, article page, account page): an address, a choice of
 * newsletters, and the comment form's bot trap. Works without JavaScript; `idPrefix` keeps ids
 * unique when a page has more than one form.
 */
export function NewsletterSignup(props: {
  newsletters: readonly NewsletterInfo[];
  idPrefix: string;
  csrfToken?: string;
  checked?: readonly string[];
}) {
  const { idPrefix } = props;
  const checked = new Set(props.checked ?? ['briefing']);
  return (
    <section class="newsletter-signup" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>Get our newsletters</h2>
      <form method="post" action={NEWSLETTER_SUBSCRIBE_PATH}>
        {props.csrfToken !== undefined && <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />}
        <fieldset>
          <legend>Newsletters</legend>
          {props.newsletters.map((info) => (
            <div class="newsletter-choice" key={info.key}>
              <input type="checkbox" id={`${idPrefix}-${info.key}`} name="newsletter" value={info.key} checked={checked.has(info.key)} />
              <label for={`${idPrefix}-${info.key}`}>
                {info.name} <span class="newsletter-description">— {info.description}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <label for={`${idPrefix}-email`}>Your e-mail address</label>
        <input id={`${idPrefix}-email`} type="email" name="email" autoComplete="email" required maxLength={254} />
        {/* The comment form's bot trap: hidden from people and screen readers, filled in only by bots. */}
        <div class="comment-honeypot" aria-hidden="true">
          <label for={`${idPrefix}-website`}>Leave this empty</label>
          <input id={`${idPrefix}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" value="" />
        </div>
        <button type="submit">Subscribe</button>
        <p class="newsletter-note">
          We send a confirmation link first; nothing else arrives until you confirm. Every newsletter has a one-click unsubscribe link.
        </p>
      </form>
    </section>
  );
}
