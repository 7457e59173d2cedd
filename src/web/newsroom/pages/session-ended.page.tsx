import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import type { StoryFormValues } from '../story-form.js';

/**
 * A story form posted after the session ended: nothing was saved (there is no session to check the
 * form's CSRF token against), so the text comes back to copy, with a sign-in link that opens in a new
 * tab and leaves this page, and its text, where it is.
 */
export function SessionEndedPage({ site, values, signInUrl }: { site: SiteContext; values: StoryFormValues; signInUrl: string }) {
  const { t, rich } = newsroomTranslator(site);
  const fields: Array<[string, string, string, number]> = [
    ['kept-headline', t('nr.signIn.keptHeadline'), values.headline, 2],
    ['kept-standfirst', t('nr.signIn.keptStandfirst'), values.standfirst, 3],
    ['kept-body', t('nr.signIn.keptBody'), values.body, 16],
  ];
  return (
    <NewsroomLayout site={site} title={t('nr.signIn.sessionEndedTitle')}>
      <div class="newsroom-form-page">
        <h1>{t('nr.signIn.sessionEndedHeading')}</h1>
        <p role="alert">
          {rich('nr.signIn.sessionEndedText', {
            link: (text) => (
              <a href={signInUrl} target="_blank" rel="noopener">
                {text}
              </a>
            ),
          })}
        </p>
        <div class="newsroom-form">
          {fields.map(([id, label, text, rows]) => (
            <div class="field" key={id}>
              <label for={id}>{label}</label>
              <textarea id={id} rows={rows} readOnly>
                {text}
              </textarea>
            </div>
          ))}
        </div>
      </div>
    </NewsroomLayout>
  );
}
