import type { ArticleSummary } from '../../../modules/articles/index.js';
import { MUST_READS_SHOWN, type BreakingBanner, type CuratedPick } from '../../../modules/rankings/index.js';
import { formatZonedDateTime } from '../../../shared/zoned-time.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { StoryPicker } from '../components/story-picker.js';
import type { SearchResult } from '../../../modules/search/index.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { useTranslator } from '../../shared/translator-context.js';
import { newsroomTranslator } from '../newsroom-translator.js';

export interface BannerValues {
  text: string;
  link: string;
  endsAt: string;
}

export interface CurationPageProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  now: Date;
  picks: readonly CuratedPick[];
  stories: readonly ArticleSummary[];
  leadChoice: string | null;
  lead?: ArticleSummary;
  banner?: BreakingBanner;
  saved?: string;
  errors?: readonly FieldError[];
  bannerValues?: BannerValues;
  /** The story finder's words, and its results when it searched. */
  finder?: { text: string; result?: SearchResult };
}

const SAVED_NOTICES: Record<string, MessageKey> = {
  picks: 'nr.curation.saved.picks',
  lead: 'nr.curation.saved.lead',
  banner: 'nr.curation.saved.banner',
};

/** `?saved=` after adding a pick the site will not show yet: a warning, not a plain confirmation. */
const PICK_WAITING = 'pick-waiting';

/** Must-Reads picks, the home page's lead story and the breaking-news banner, all without script. */
export function CurationPage(props: CurationPageProps) {
  const errors = props.errors ?? [];
  const { timeZone } = props.site.publication;
  const { t, rich, dateTime } = newsroomTranslator(props.site, props.viewer);
  const noticeKey = props.saved ? SAVED_NOTICES[props.saved] : undefined;
  const notice = noticeKey && t(noticeKey);
  const title = t('nr.nav.curation');
  const strong = (text: string) => <strong>{text}</strong>;
  const waiting = props.picks.filter((pick) => pick.standing === 'waiting');
  const full = props.picks.filter((pick) => pick.standing === 'showing').length >= MUST_READS_SHOWN;
  return (
    <NewsroomLayout
      site={props.site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={props.viewer}
      current={newsroomPaths.curation()}
    >
      <h1>{title}</h1>
      <Notice text={notice} />
      {props.saved === PICK_WAITING && (
        <p class="newsroom-notice curation-warning" role="status">
          {rich('nr.curation.pickWaiting', { strong }, { shown: MUST_READS_SHOWN })}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p class="field-hint">{t('nr.curation.timeZone', { timeZone })}</p>

      <StoryPicker site={props.site} viewer={props.viewer} text={props.finder?.text ?? ''} result={props.finder?.result} />

      <section aria-labelledby="picks-heading">
        <h2 id="picks-heading">{t('list.mustReads')}</h2>
        <p class="field-hint">{t('nr.curation.picksHint', { shown: MUST_READS_SHOWN })}</p>
        {props.picks.length === 0 && <p>{t('nr.curation.noPicks')}</p>}
        {waiting.length > 0 && (
          <p class="curation-warning" id="picks-waiting">
            <strong>{t('nr.curation.onlyShown', { shown: MUST_READS_SHOWN })}</strong>{' '}
            {t('nr.curation.waitingPicks', {
              count: waiting.length,
              shown: MUST_READS_SHOWN,
              headlines: waiting.map((pick) => `“${pick.headline}”`).join(', '),
            })}
          </p>
        )}
        <ol class="curation-picks">
          {props.picks.map((pick, index) => (
            <PickItem key={pick.id} pick={pick} first={index === 0} last={index === props.picks.length - 1} {...props} errors={errors} />
          ))}
        </ol>
        <h3>{t('nr.curation.addHeading')}</h3>
        {full && <p class="field-hint">{t('nr.curation.full', { shown: MUST_READS_SHOWN })}</p>}
        <form method="post" action={newsroomPaths.curationPicks()} class="newsroom-form">
          <Csrf viewer={props.viewer} />
          <StorySelect id="pick-story" label={t('nr.curation.pickStory')} stories={props.stories} errors={errors} />
          <DateTimeField id="pick-expires" label={t('nr.curation.pickExpires')} errors={errors} />
          <button type="submit">{t('nr.curation.addPick')}</button>
        </form>
      </section>

      <section aria-labelledby="lead-heading">
        <h2 id="lead-heading">{t('nr.curation.leadHeading')}</h2>
        <p>
          {rich('nr.curation.leadNow', {
            story: () => (props.lead ? <a href={paths.article(props.lead.slug)}>{props.lead.headline}</a> : t('nr.curation.newestStory')),
          })}
          {props.leadChoice && !props.lead && t('nr.curation.leadGone')}
        </p>
        <form method="post" action={newsroomPaths.curationLead()} class="newsroom-form">
          <Csrf viewer={props.viewer} />
          <StorySelect
            id="lead-story"
            label={t('nr.curation.leadLabel')}
            stories={props.lead && !props.stories.some((s) => s.id === props.lead?.id) ? [props.lead, ...props.stories] : props.stories}
            selected={props.leadChoice ?? ''}
            newestOption
            errors={errors}
          />
          <button type="submit">{t('nr.curation.saveLead')}</button>
        </form>
      </section>

      <section aria-labelledby="banner-heading">
        <h2 id="banner-heading">{t('nr.curation.bannerHeading')}</h2>
        {props.banner ? (
          <>
            <p>
              {rich(
                'nr.curation.bannerShowing',
                { text: () => <strong>{props.banner?.text}</strong> },
                { endsAt: dateTime(props.banner.endsAt, timeZone) },
              )}
              {props.banner.link && t('nr.curation.bannerLinks', { link: props.banner.link })}
            </p>
            <form method="post" action={newsroomPaths.curationBannerRemove()}>
              <Csrf viewer={props.viewer} />
              <button type="submit">{t('nr.curation.removeBanner')}</button>
            </form>
          </>
        ) : (
          <p>{t('nr.curation.noBanner')}</p>
        )}
        <form method="post" action={newsroomPaths.curationBanner()} class="newsroom-form">
          <Csrf viewer={props.viewer} />
          <Field
            id="banner-text"
            label={t('nr.curation.bannerText')}
            type="text"
            maxLength={200}
            required
            value={props.bannerValues?.text ?? props.banner?.text}
            errors={errors}
          />
          <Field
            id="banner-link"
            label={t('nr.curation.bannerLink')}
            hint={t('nr.curation.bannerLinkHint')}
            type="text"
            maxLength={2000}
            value={props.bannerValues?.link ?? props.banner?.link ?? ''}
            errors={errors}
          />
          <DateTimeField
            id="banner-ends"
            label={t('nr.curation.bannerEnds')}
            required
            min={formatZonedDateTime(props.now, timeZone)}
            value={props.bannerValues?.endsAt ?? (props.banner ? formatZonedDateTime(props.banner.endsAt, timeZone) : undefined)}
            errors={errors}
          />
          <button type="submit">{props.banner ? t('nr.curation.replaceBanner') : t('nr.curation.showBanner')}</button>
        </form>
      </section>
    </NewsroomLayout>
  );
}

function PickItem({
  pick,
  first,
  last,
  viewer,
  site,
  now,
  errors,
}: CurationPageProps & { pick: CuratedPick; first: boolean; last: boolean; errors: readonly FieldError[] }) {
  const { t, dateTime } = useTranslator();
  const expired = pick.expiresAt !== null && pick.expiresAt <= now;
  const field = `expires-${pick.id}`;
  const expiry =
    pick.expiresAt === null
      ? t('nr.curation.noExpiry')
      : t(expired ? 'nr.curation.expired' : 'nr.curation.expires', { date: dateTime(pick.expiresAt, site.publication.timeZone) });
  return (
    <li data-standing={pick.standing}>
      <a href={paths.article(pick.slug)}>{pick.headline}</a> <PickStanding pick={pick} /> <span class="field-hint">{expiry}</span>
      <div>
        {!first && (
          <InlineAction
            viewer={viewer}
            action={newsroomPaths.curationPick(pick.id, 'move')}
            name="direction"
            value="up"
            label={t('nr.curation.moveUp')}
            what={pick.headline}
          />
        )}
        {!last && (
          <InlineAction
            viewer={viewer}
            action={newsroomPaths.curationPick(pick.id, 'move')}
            name="direction"
            value="down"
            label={t('nr.curation.moveDown')}
            what={pick.headline}
          />
        )}
        <InlineAction viewer={viewer} action={newsroomPaths.curationPick(pick.id, 'remove')} label={t('nr.curation.remove')} what={pick.headline} />
        {pick.expiresAt !== null && (
          <InlineAction
            viewer={viewer}
            action={newsroomPaths.curationPick(pick.id, 'expiry')}
            name="expires-at"
            value=""
            label={t('nr.curation.clearExpiry')}
            what={pick.headline}
          />
        )}
      </div>
      <form method="post" action={newsroomPaths.curationPick(pick.id, 'expiry')} class="newsroom-form">
        <Csrf viewer={viewer} />
        <DateTimeField
          id={field}
          name="expires-at"
          label={t('nr.curation.expiryOf', { headline: pick.headline })}
          value={pick.expiresAt ? formatZonedDateTime(pick.expiresAt, site.publication.timeZone) : undefined}
          errors={errors}
        />
        <button type="submit">{t('nr.curation.setExpiry')}</button>
      </form>
    </li>
  );
}

/** Whether the site shows the pick; a waiting one is said plainly, not only by a colour. */
function PickStanding({ pick }: { pick: CuratedPick }) {
  const { t, rich } = useTranslator();
  switch (pick.standing) {
    case 'showing':
      return <span class="pick-standing">{t('nr.curation.standing.showing', { place: pick.place ?? '' })}</span>;
    case 'waiting':
      return (
        <span class="pick-standing curation-warning-text">
          {rich('nr.curation.standing.waiting', { strong: (text) => <strong>{text}</strong> }, { place: pick.place ?? '', shown: MUST_READS_SHOWN })}
        </span>
      );
    case 'unpublished':
      return <span class="pick-standing">{t('nr.curation.standing.unpublished')}</span>;
    case 'expired':
      return null;
  }
}

function InlineAction(props: { viewer: NewsroomViewer; action: string; name?: string; value?: string; label: string; what: string }) {
  return (
    <form method="post" action={props.action} class="curation-inline">
      <Csrf viewer={props.viewer} />
      {props.name && <input type="hidden" name={props.name} value={props.value} />}
      <button type="submit">
        {props.label}
        <span class="visually-hidden">: {props.what}</span>
      </button>
    </form>
  );
}

function Csrf({ viewer }: { viewer: NewsroomViewer }) {
  return <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />;
}

function ErrorText({ id, errors }: { id: string; errors: readonly FieldError[] }) {
  const { t } = useTranslator();
  const error = errors.find((candidate) => candidate.field === id);
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span class="visually-hidden">{t('form.errorPrefix')}</span>
      {error.message}
    </p>
  );
}

function describedBy(id: string, hint: boolean, errors: readonly FieldError[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors.some((error) => error.field === id) ? `${id}-error` : ''].filter(Boolean);
  return ids.join(' ') || undefined;
}

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  type: 'text';
  maxLength: number;
  required?: boolean;
  value?: string;
  errors: readonly FieldError[];
}) {
  const invalid = props.errors.some((error) => error.field === props.id);
  return (
    <div class={invalid ? 'field field-has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      )}
      <ErrorText id={props.id} errors={props.errors} />
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        maxLength={props.maxLength}
        required={props.required}
        value={props.value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.id, Boolean(props.hint), props.errors)}
      />
    </div>
  );
}

function DateTimeField(props: {
  id: string;
  name?: string;
  label: string;
  required?: boolean;
  min?: string;
  value?: string;
  errors: readonly FieldError[];
}) {
  const invalid = props.errors.some((error) => error.field === props.id);
  return (
    <div class={invalid ? 'field field-has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <ErrorText id={props.id} errors={props.errors} />
      <input
        id={props.id}
        name={props.name ?? props.id}
        type="datetime-local"
        required={props.required}
        min={props.min}
        value={props.value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.id, false, props.errors)}
      />
    </div>
  );
}

function StorySelect(props: {
  id: string;
  label: string;
  stories: readonly ArticleSummary[];
  selected?: string;
  newestOption?: boolean;
  errors: readonly FieldError[];
}) {
  const { t } = useTranslator();
  const invalid = props.errors.some((error) => error.field === props.id);
  return (
    <div class={invalid ? 'field field-has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <ErrorText id={props.id} errors={props.errors} />
      <select
        id={props.id}
        name={props.id}
        required={!props.newestOption}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.id, false, props.errors)}
      >
        <option value="">{props.newestOption ? t('nr.curation.newestOption') : t('nr.curation.chooseStory')}</option>
        {props.stories.map((story) => (
          <option key={story.id} value={story.id} selected={story.id === props.selected}>
            {story.headline}
          </option>
        ))}
      </select>
    </div>
  );
}
