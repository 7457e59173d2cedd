import type { ArticleSummary } from '../../../modules/articles/index.js';
import { MUST_READS_SHOWN, type BreakingBanner, type CuratedPick } from '../../../modules/rankings/index.js';
import { formatZonedDateTime } from '../../../shared/zoned-time.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { formatDateTime } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { StoryPicker } from '../components/story-picker.js';
import type { SearchResult } from '../../../modules/search/index.js';

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

const SAVED_NOTICES: Record<string, string> = {
  picks: 'Must-Reads updated. The site shows the change now.',
  lead: 'Lead story saved.',
  banner: 'Breaking-news banner saved.',
};

/** `?saved=` after adding a pick the site will not show yet: a warning, not a plain confirmation. */
const PICK_WAITING = 'pick-waiting';

/** Must-Reads picks, the home page's lead story and the breaking-news banner, all without script. */
export function CurationPage(props: CurationPageProps) {
  const errors = props.errors ?? [];
  const { timeZone } = props.site.publication;
  const notice = props.saved ? SAVED_NOTICES[props.saved] : undefined;
  const waiting = props.picks.filter((pick) => pick.standing === 'waiting');
  const full = props.picks.filter((pick) => pick.standing === 'showing').length >= MUST_READS_SHOWN;
  return (
    <NewsroomLayout
      site={props.site}
      title={errors.length > 0 ? 'Error: Curation' : 'Curation'}
      viewer={props.viewer}
      current={newsroomPaths.curation()}
    >
      <h1>Curation</h1>
      <Notice text={notice} />
      {props.saved === PICK_WAITING && (
        <p class="newsroom-notice curation-warning" role="status">
          <strong>Added to Must-Reads, but it is not on the site yet.</strong> The site shows only the first {MUST_READS_SHOWN} Must-Reads; this pick
          waits below them and shows when a pick above it is removed or expires.
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p class="field-hint">Times are in the publication’s time zone, {timeZone}.</p>

      <StoryPicker site={props.site} viewer={props.viewer} text={props.finder?.text ?? ''} result={props.finder?.result} />

      <section aria-labelledby="picks-heading">
        <h2 id="picks-heading">Must-Reads</h2>
        <p class="field-hint">The site shows the first {MUST_READS_SHOWN} picks in force, in this order; the others wait their turn.</p>
        {props.picks.length === 0 && <p>No picks yet.</p>}
        {waiting.length > 0 && (
          <p class="curation-warning" id="picks-waiting">
            <strong>Only {MUST_READS_SHOWN} Must-Reads show on the site.</strong> {waiting.length === 1 ? '1 pick is' : `${waiting.length} picks are`}{' '}
            beyond the first {MUST_READS_SHOWN} and will not show until one above them is removed or expires:{' '}
            {waiting.map((pick) => `“${pick.headline}”`).join(', ')}.
          </p>
        )}
        <ol class="curation-picks">
          {props.picks.map((pick, index) => (
            <PickItem key={pick.id} pick={pick} first={index === 0} last={index === props.picks.length - 1} {...props} errors={errors} />
          ))}
        </ol>
        <h3>Add a Must-Read</h3>
        {full && (
          <p class="field-hint">
            The site already shows {MUST_READS_SHOWN} Must-Reads: a new pick joins the end of the list and waits until one above it is removed or
            expires.
          </p>
        )}
        <form method="post" action={newsroomPaths.curationPicks()} class="newsroom-form">
          <Csrf viewer={props.viewer} />
          <StorySelect id="pick-story" label="Published story" stories={props.stories} errors={errors} />
          <DateTimeField id="pick-expires" label="Expires (optional)" errors={errors} />
          <button type="submit">Add to Must-Reads</button>
        </form>
      </section>

      <section aria-labelledby="lead-heading">
        <h2 id="lead-heading">Lead story on the home page</h2>
        <p>
          Now: {props.lead ? <a href={paths.article(props.lead.slug)}>{props.lead.headline}</a> : 'the newest story'}
          {props.leadChoice && !props.lead && ' (the chosen story is no longer published)'}
        </p>
        <form method="post" action={newsroomPaths.curationLead()} class="newsroom-form">
          <Csrf viewer={props.viewer} />
          <StorySelect
            id="lead-story"
            label="Lead story"
            stories={props.lead && !props.stories.some((s) => s.id === props.lead?.id) ? [props.lead, ...props.stories] : props.stories}
            selected={props.leadChoice ?? ''}
            newestOption
            errors={errors}
          />
          <button type="submit">Save lead story</button>
        </form>
      </section>

      <section aria-labelledby="banner-heading">
        <h2 id="banner-heading">Breaking-news banner</h2>
        {props.banner ? (
          <>
            <p>
              Showing until {formatDateTime(props.banner.endsAt, props.site.publication)}: <strong>{props.banner.text}</strong>
              {props.banner.link && <> (links to {props.banner.link})</>}
            </p>
            <form method="post" action={newsroomPaths.curationBannerRemove()}>
              <Csrf viewer={props.viewer} />
              <button type="submit">Remove the banner now</button>
            </form>
          </>
        ) : (
          <p>No banner is showing.</p>
        )}
        <form method="post" action={newsroomPaths.curationBanner()} class="newsroom-form">
          <Csrf viewer={props.viewer} />
          <Field
            id="banner-text"
            label="Text"
            type="text"
            maxLength={200}
            required
            value={props.bannerValues?.text ?? props.banner?.text}
            errors={errors}
          />
          <Field
            id="banner-link"
            label="Link (optional)"
            hint="A web address starting with https:// or a path on this site such as /section/world."
            type="text"
            maxLength={2000}
            value={props.bannerValues?.link ?? props.banner?.link ?? ''}
            errors={errors}
          />
          <DateTimeField
            id="banner-ends"
            label="Ends at"
            required
            min={formatZonedDateTime(props.now, timeZone)}
            value={props.bannerValues?.endsAt ?? (props.banner ? formatZonedDateTime(props.banner.endsAt, timeZone) : undefined)}
            errors={errors}
          />
          <button type="submit">{props.banner ? 'Replace the banner' : 'Show the banner'}</button>
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
  const expired = pick.expiresAt !== null && pick.expiresAt <= now;
  const field = `expires-${pick.id}`;
  return (
    <li data-standing={pick.standing}>
      <a href={paths.article(pick.slug)}>{pick.headline}</a> <PickStanding pick={pick} />{' '}
      <span class="field-hint">
        {pick.expiresAt === null ? 'No expiry' : `${expired ? 'Expired' : 'Expires'} ${formatDateTime(pick.expiresAt, site.publication)}`}
      </span>
      <div>
        {!first && (
          <InlineAction
            viewer={viewer}
            action={newsroomPaths.curationPick(pick.id, 'move')}
            name="direction"
            value="up"
            label="Move up"
            what={pick.headline}
          />
        )}
        {!last && (
          <InlineAction
            viewer={viewer}
            action={newsroomPaths.curationPick(pick.id, 'move')}
            name="direction"
            value="down"
            label="Move down"
            what={pick.headline}
          />
        )}
        <InlineAction viewer={viewer} action={newsroomPaths.curationPick(pick.id, 'remove')} label="Remove" what={pick.headline} />
        {pick.expiresAt !== null && (
          <InlineAction
            viewer={viewer}
            action={newsroomPaths.curationPick(pick.id, 'expiry')}
            name="expires-at"
            value=""
            label="Clear expiry"
            what={pick.headline}
          />
        )}
      </div>
      <form method="post" action={newsroomPaths.curationPick(pick.id, 'expiry')} class="newsroom-form">
        <Csrf viewer={viewer} />
        <DateTimeField
          id={field}
          name="expires-at"
          label={`Expiry of “${pick.headline}”`}
          value={pick.expiresAt ? formatZonedDateTime(pick.expiresAt, site.publication.timeZone) : undefined}
          errors={errors}
        />
        <button type="submit">Set expiry</button>
      </form>
    </li>
  );
}

/** Whether the site shows the pick; a waiting one is said plainly, not only by a colour. */
function PickStanding({ pick }: { pick: CuratedPick }) {
  switch (pick.standing) {
    case 'showing':
      return <span class="pick-standing">On the site, number {pick.place}.</span>;
    case 'waiting':
      return (
        <span class="pick-standing curation-warning-text">
          <strong>Not on the site:</strong> number {pick.place} in line, beyond the first {MUST_READS_SHOWN}; it shows when a pick above it is removed
          or expires.
        </span>
      );
    case 'unpublished':
      return <span class="pick-standing">Not on the site: readers cannot see this story (withdrawn, embargoed or not yet out).</span>;
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
  const error = errors.find((candidate) => candidate.field === id);
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span class="visually-hidden">Error: </span>
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
        {props.newestOption ? <option value="">The newest story (automatic)</option> : <option value="">Choose a story</option>}
        {props.stories.map((story) => (
          <option key={story.id} value={story.id} selected={story.id === props.selected}>
            {story.headline}
          </option>
        ))}
      </select>
    </div>
  );
}
