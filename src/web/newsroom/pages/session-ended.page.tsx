import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import type { StoryFormValues } from '../story-form.js';

/**
 * A story form posted after the session ended: nothing was saved (there is no session to check the
 * form's CSRF token against), so the text comes back to copy, with a sign-in link that opens in a new
 * tab and leaves this page, and its text, where it is.
 */
export function SessionEndedPage({ site, values, signInUrl }: { site: SiteContext; values: StoryFormValues; signInUrl: string }) {
  const fields: Array<[string, string, string, number]> = [
    ['kept-headline', 'Headline', values.headline, 2],
    ['kept-standfirst', 'Standfirst', values.standfirst, 3],
    ['kept-body', 'Body', values.body, 16],
  ];
  return (
    <NewsroomLayout site={site} title="Your session has ended">
      <div class="newsroom-form-page">
        <h1>Your session has ended — sign in again</h1>
        <p role="alert">
          Nothing was saved, but your text is below. Copy it, then{' '}
          <a href={signInUrl} target="_blank" rel="noopener">
            sign in again (opens in a new tab)
          </a>{' '}
          and paste it into the story.
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
