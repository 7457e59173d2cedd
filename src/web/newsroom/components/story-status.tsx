import type { ArticleStatus } from '../../../modules/articles/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import { useTranslator } from '../../shared/translator-context.js';

/** A workflow status in words, in the page's language ("Draft", "초안"). */
export function statusText(translator: Pick<Translator, 't'>, status: ArticleStatus): string {
  return translator.t(`nr.story.status.${status}`);
}

/**
 * A story's status in a desk list. A published story under an embargo is not yet visible to
 * readers, so it reads "Embargoed until …" rather than "Published"; any other status with an
 * embargo still ahead names it too. Times are in the publication's time zone, in the page's language.
 */
export function StoryStatus({
  status,
  embargoUntil,
  now,
  publication,
}: {
  status: ArticleStatus;
  embargoUntil: Date | null;
  now: Date;
  publication: { timeZone: string };
}) {
  const translator = useTranslator();
  const embargo = embargoUntil !== null && embargoUntil > now ? embargoUntil : null;
  const time = (date: Date) => (text: string) => <time dateTime={date.toISOString()}>{text}</time>;
  if (status === 'published' && embargo) {
    return (
      <>
        {translator.rich(
          'nr.story.embargoedUntil',
          { status: (text) => <span class="story-status story-status-embargoed">{text}</span>, time: time(embargo) },
          { until: translator.dateTime(embargo, publication.timeZone) },
        )}
      </>
    );
  }
  return (
    <>
      <span class={`story-status story-status-${status}`}>{statusText(translator, status)}</span>
      {embargo && (
        <> {translator.rich('nr.story.embargoNote', { time: time(embargo) }, { until: translator.dateTime(embargo, publication.timeZone) })}</>
      )}
    </>
  );
}
