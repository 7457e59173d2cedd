import type { ComponentChildren } from 'preact';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import type { StoryFormValues } from '../story-form.js';

/** One piece of text a refused form brings back to copy. */
export interface KeptField {
  id: string;
  label: string;
  text: string;
  rows: number;
}

/**
 * A form posted after the session ended: nothing was saved (there is no session to check the form's
 * CSRF token against), so its text comes back to copy, with a sign-in link (`signInLink`) that opens
 * in a new tab and leaves this page, and its text, where it is. The story form and the live desk's
 * composer both end here.
 */
export function KeptTextPage(props: { site: SiteContext; title: string; heading: string; message: ComponentChildren; fields: readonly KeptField[] }) {
  return (
    <NewsroomLayout site={props.site} title={props.title}>
      <div class="newsroom-form-page">
        <h1>{props.heading}</h1>
        <p role="alert">{props.message}</p>
        <div class="newsroom-form">
          {props.fields.map(({ id, label, text, rows }) => (
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

/** The sign-in link of a kept-text message, opening in a new tab. */
export function signInLink(signInUrl: string) {
  return (label: ComponentChildren) => (
    <a href={signInUrl} target="_blank" rel="noopener">
      {label}
    </a>
  );
}

/** A story form posted after the session ended: its headline, standfirst and body to copy. */
export function SessionEndedPage({ site, values, signInUrl }: { site: SiteContext; values: StoryFormValues; signInUrl: string }) {
  const { t, rich } = newsroomTranslator(site);
  return (
    <KeptTextPage
      site={site}
      title={t('nr.signIn.sessionEndedTitle')}
      heading={t('nr.signIn.sessionEndedHeading')}
      message={rich('nr.signIn.sessionEndedText', { link: signInLink(signInUrl) })}
      fields={[
        { id: 'kept-headline', label: t('nr.signIn.keptHeadline'), text: values.headline, rows: 2 },
        { id: 'kept-standfirst', label: t('nr.signIn.keptStandfirst'), text: values.standfirst, rows: 3 },
        { id: 'kept-body', label: t('nr.signIn.keptBody'), text: values.body, rows: 16 },
      ]}
    />
  );
}
