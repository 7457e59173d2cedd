import type { Edition } from '../../../modules/editions/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** An edition form's values as typed, so a refused form comes back as the person left it. */
export interface EditionFormValues {
  code: string;
  'path-prefix': string;
  name: string;
  tagline: string;
  'time-zone': string;
}

export const EMPTY_EDITION_FORM: EditionFormValues = { code: '', 'path-prefix': '', name: '', tagline: '', 'time-zone': '' };

export type EditionsDone = 'added' | 'saved' | 'switched-on' | 'switched-off';

const NOTICES: Record<EditionsDone, string> = {
  added: 'The edition was added and switched on.',
  saved: 'The edition was saved.',
  'switched-on': 'The edition was switched on.',
  'switched-off': 'The edition was switched off. Its address prefix finds nothing until it is switched on again.',
};

/** The id of the table's heading: a refused switch's message links there. */
export const EDITIONS_LIST_ID = 'editions-list';

/** The fields of an edition, shared by the form that adds one and the form that changes one. */
function EditionFields({ values, errors }: { values: EditionFormValues; errors: readonly FieldError[] }) {
  return (
    <>
      <RequiredNote />
      <TextField
        id="code"
        label="Language"
        type="text"
        autoComplete="off"
        value={values.code}
        hint="A BCP 47 language tag, such as ko, ja or pt-BR."
        maxLength={35}
        errors={errors}
      />
      <TextField
        id="path-prefix"
        label="Address prefix"
        type="text"
        autoComplete="off"
        value={values['path-prefix']}
        hint="The first part of its pages’ addresses: ko for /ko/…. Two or three lower-case letters, optionally a hyphen and a subtag (zh-hant)."
        maxLength={12}
        errors={errors}
      />
      <TextField id="name" label="Name" type="text" autoComplete="off" value={values.name} maxLength={100} errors={errors} />
      <TextField
        id="tagline"
        label="Tagline (optional)"
        type="text"
        autoComplete="off"
        value={values.tagline}
        maxLength={200}
        required={false}
        errors={errors}
      />
      <TextField
        id="time-zone"
        label="Time zone"
        type="text"
        autoComplete="off"
        value={values['time-zone']}
        hint="An IANA time zone such as Asia/Seoul; its pages’ dates are shown in it."
        maxLength={64}
        errors={errors}
      />
    </>
  );
}

function EditionRow({ edition, viewer }: { edition: Edition; viewer: NewsroomViewer }) {
  const language = <code>{edition.code}</code>;
  if (edition.isDefault) {
    return (
      <tr>
        <th scope="row">{language}</th>
        <td>
          {edition.name} <span class="edition-default">(the publication)</span>
        </td>
        <td>
          <code>/</code>
        </td>
        <td>{edition.timeZone}</td>
        <td>Always on</td>
        <td>
          <a href={newsroomPaths.settings()}>
            Change in Settings<span class="visually-hidden"> the publication’s name, tagline and time zone</span>
          </a>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{language}</th>
      <td lang={edition.code}>{edition.name}</td>
      <td>
        <code>/{edition.pathPrefix}/</code>
      </td>
      <td>{edition.timeZone}</td>
      <td>{edition.enabled ? 'On' : 'Off'}</td>
      <td>
        <a href={newsroomPaths.edition(edition.id)}>
          Edit<span class="visually-hidden"> the edition {edition.code}</span>
        </a>{' '}
        <InlinePostForm action={newsroomPaths.editionSwitch(edition.id)} csrfToken={viewer.csrfToken}>
          <input type="hidden" name="to" value={edition.enabled ? 'off' : 'on'} />
          <button type="submit">
            {edition.enabled ? 'Switch off' : 'Switch on'}
            <span class="visually-hidden"> the edition {edition.code}</span>
          </button>
        </InlinePostForm>
      </td>
    </tr>
  );
}

export interface EditionsPageProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  editions: readonly Edition[];
  /** The add form's values: empty, or as typed when refused. */
  values: EditionFormValues;
  errors?: readonly FieldError[];
  done?: EditionsDone | undefined;
}

/**
 * The publication's editions for admins: each one's language, name, address, time zone and whether
 * it is on; the default edition is the publication itself, changed in Settings. A form adds one.
 */
export function EditionsPage({ site, viewer, editions, values, errors = [], done }: EditionsPageProps) {
  return (
    <NewsroomLayout site={site} title={`${errors.length > 0 ? 'Error: ' : ''}Editions`} viewer={viewer} current={newsroomPaths.editions()}>
      <h1>Editions</h1>
      <ErrorSummary errors={errors} />
      <Notice text={done && NOTICES[done]} />
      <p>
        Each edition is the publication in one language, with its own name, tagline and time zone. The default edition is the publication itself, at{' '}
        <code>/</code>; the others are read under their address prefix. A switched-off edition’s addresses find nothing.
      </p>
      <h2 id={EDITIONS_LIST_ID}>Editions</h2>
      <DataTable
        class="newsroom-table"
        wrap
        caption="Editions, in their order"
        columns={['Language', 'Name', 'Address', 'Time zone', 'Status', 'Actions']}
      >
        {editions.map((edition) => (
          <EditionRow key={edition.id} edition={edition} viewer={viewer} />
        ))}
      </DataTable>
      <h2 id="add-edition">Add an edition</h2>
      <form method="post" action={newsroomPaths.editions()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <EditionFields values={values} errors={errors} />
        <button type="submit">Add edition</button>
      </form>
    </NewsroomLayout>
  );
}

/** One edition other than the default, changed; switching it off and on is on the list. */
export function EditionEditPage({
  site,
  viewer,
  edition,
  values,
  errors = [],
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  edition: Edition;
  values: EditionFormValues;
  errors?: readonly FieldError[];
}) {
  const heading = `Edit the edition ${edition.code}`;
  return (
    <NewsroomLayout site={site} title={`${errors.length > 0 ? 'Error: ' : ''}${heading}`} viewer={viewer} current={newsroomPaths.editions()}>
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.editions()}>← All editions</a>
        </p>
        <h1>{heading}</h1>
        <ErrorSummary errors={errors} />
        <p>It is switched {edition.enabled ? 'on' : 'off'}; switch it off or on from the list of editions.</p>
        <form method="post" action={newsroomPaths.edition(edition.id)} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <EditionFields values={values} errors={errors} />
          <button type="submit">Save edition</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
