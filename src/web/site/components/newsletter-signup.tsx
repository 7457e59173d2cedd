import type { NewsletterInfo } from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { editionBase } from '../../shared/request-edition.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';

export const NEWSLETTER_SUBSCRIBE_PATH = '/newsletters/subscribe';

/**
 * The newsletter sign-up form (home page, article page, account page): an address, a choice of
 * newsletters, and the comment form's bot trap. Works without JavaScript; `idPrefix` keeps ids
 * unique when a page has more than one form.
 */
export function NewsletterSignup(props: {
  site: SiteContext;
  newsletters: readonly NewsletterInfo[];
  idPrefix: string;
  csrfToken?: string;
  checked?: readonly string[];
}) {
  const { idPrefix } = props;
  const { t } = siteTranslator(props.site);
  const checked = new Set(props.checked ?? ['briefing']);
  return (
    <section class="newsletter-signup" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('newsletter.heading')}</h2>
      {/* Posted to the page's own edition, so the pages after it and the confirmation mail are in its language. */}
      <form method="post" action={`${editionBase()}${NEWSLETTER_SUBSCRIBE_PATH}`}>
        {props.csrfToken !== undefined && <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />}
        <fieldset>
          <legend>{t('newsletter.legend')}</legend>
          {props.newsletters.map((info) => (
            <div class="newsletter-choice" key={info.key}>
              <input type="checkbox" id={`${idPrefix}-${info.key}`} name="newsletter" value={info.key} checked={checked.has(info.key)} />
              <label for={`${idPrefix}-${info.key}`}>
                {info.name} <span class="newsletter-description">— {info.description}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <label for={`${idPrefix}-email`}>{t('newsletter.email')}</label>
        <input id={`${idPrefix}-email`} type="email" name="email" autoComplete="email" required maxLength={254} />
        {/* The comment form's bot trap: hidden from people and screen readers, filled in only by bots. */}
        <div class="comment-honeypot" aria-hidden="true">
          <label for={`${idPrefix}-website`}>{t('newsletter.honeypot')}</label>
          <input id={`${idPrefix}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" value="" />
        </div>
        <button type="submit">{t('newsletter.subscribe')}</button>
        <p class="newsletter-note">{t('newsletter.note')}</p>
      </form>
    </section>
  );
}
