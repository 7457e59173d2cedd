import type { MessageKey } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

const TITLES: Partial<Record<number, MessageKey>> = {
  400: 'nr.error.title.400',
  401: 'nr.error.title.401',
  403: 'nr.error.title.403',
  404: 'nr.error.title.404',
  429: 'nr.error.title.429',
};

/**
 * A readable newsroom error: what happened, and where to go next. `language` is the signed-in
 * viewer's chosen newsroom language when one is known (the page shows no navigation, so it gets no
 * viewer); without it, the publication's.
 */
export function NewsroomErrorPage({
  site,
  status,
  message,
  language = null,
}: {
  site: SiteContext;
  status: number;
  message: string;
  language?: string | null;
}) {
  // The layout takes its language from the publication when no viewer is given: lend it the viewer's.
  const shownSite = language ? { ...site, publication: { ...site.publication, language } } : site;
  const { t } = newsroomTranslator(shownSite);
  const title = t((TITLES[status] ?? 'nr.error.title.other') as 'nr.error.title.other');
  return (
    <NewsroomLayout site={shownSite} title={title}>
      <div class="error-page">
        <p class="error-status">{t('nr.error.status', { status: String(status) })}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          {status === 401 ? (
            <a href={newsroomPaths.signIn()}>{t('nr.common.signInToNewsroom')}</a>
          ) : (
            <a href={newsroomPaths.home()}>{t('nr.error.home')}</a>
          )}
        </p>
      </div>
    </NewsroomLayout>
  );
}
