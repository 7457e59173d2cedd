import type { Edition } from '../../../modules/editions/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

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

const NOTICES = {
  added: 'nr.editions.added',
  saved: 'nr.editions.saved',
  'switched-on': 'nr.editions.switchedOn',
  'switched-off': 'nr.editions.switchedOff',
} as const satisfies Record<EditionsDone, MessageKey>;

/** The id of the table's heading: a refused switch's message links there. */
export const EDITIONS_LIST_ID = 'editions-list';

/** The fields of an edition, shared by the form that adds one and the form that changes one. */
function EditionFields({ values, errors }: { values: EditionFormValues; errors: readonly FieldError[] }) {
  const { t } = useTranslator();
  return (
    <>
      <RequiredNote />
      <TextField
        id="code"
        label={t('nr.editions.language')}
        type="text"
        autoComplete="off"
        value={values.code}
        hint={t('nr.editions.languageHint')}
        maxLength={35}
        errors={errors}
      />
      <TextField
        id="path-prefix"
        label={t('nr.editions.prefix')}
        type="text"
        autoComplete="off"
        value={values['path-prefix']}
        hint={t('nr.editions.prefixHint')}
        maxLength={12}
        errors={errors}
      />
      <TextField id="name" label={t('nr.editions.name')} type="text" autoComplete="off" value={values.name} maxLength={100} errors={errors} />
      <TextField
        id="tagline"
        label={t('nr.editions.tagline')}
        type="text"
        autoComplete="off"
        value={values.tagline}
        maxLength={200}
        required={false}
        errors={errors}
      />
      <TextField
        id="time-zone"
        label={t('nr.editions.timeZone')}
        type="text"
        autoComplete="off"
        value={values['time-zone']}
        hint={t('nr.editions.timeZoneHint')}
        maxLength={64}
        errors={errors}
      />
    </>
  );
}

function EditionRow({ edition, viewer }: { edition: Edition; viewer: NewsroomViewer }) {
  const { t, rich } = useTranslator();
  const hidden = (text: string) => <span class="visually-hidden">{text}</span>;
  const language = <code>{edition.code}</code>;
  if (edition.isDefault) {
    return (
      <tr>
        <th scope="row">{language}</th>
        <td>
          {edition.name} <span class="edition-default">{t('nr.editions.thePublication')}</span>
        </td>
        <td>
          <code>/</code>
        </td>
        <td>{edition.timeZone}</td>
        <td>{t('nr.editions.alwaysOn')}</td>
        <td>
          <a href={newsroomPaths.settings()}>{rich('nr.editions.changeInSettings', { hidden })}</a>
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
      <td>{edition.enabled ? t('nr.editions.on') : t('nr.editions.off')}</td>
      <td>
        <a href={newsroomPaths.edition(edition.id)}>{rich('nr.editions.edit', { hidden }, { code: edition.code })}</a>{' '}
        <InlinePostForm action={newsroomPaths.editionSwitch(edition.id)} csrfToken={viewer.csrfToken}>
          <input type="hidden" name="to" value={edition.enabled ? 'off' : 'on'} />
          <button type="submit">
            {rich(edition.enabled ? 'nr.editions.switchOff' : 'nr.editions.switchOn', { hidden }, { code: edition.code })}
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
  const { t, rich } = newsroomTranslator(site, viewer);
  const title = t('nr.editions.title');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.editions()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={done && t(NOTICES[done])} />
      <p>{rich('nr.editions.intro', { code: (text) => <code>{text}</code> })}</p>
      <h2 id={EDITIONS_LIST_ID}>{title}</h2>
      <DataTable
        class="newsroom-table"
        wrap
        caption={t('nr.editions.caption')}
        columns={[
          t('nr.editions.colLanguage'),
          t('nr.editions.colName'),
          t('nr.editions.colAddress'),
          t('nr.editions.colTimeZone'),
          t('nr.editions.colStatus'),
          t('nr.editions.colActions'),
        ]}
      >
        {editions.map((edition) => (
          <EditionRow key={edition.id} edition={edition} viewer={viewer} />
        ))}
      </DataTable>
      <h2 id="add-edition">{t('nr.editions.addHeading')}</h2>
      <form method="post" action={newsroomPaths.editions()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <EditionFields values={values} errors={errors} />
        <button type="submit">{t('nr.editions.add')}</button>
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
  const { t } = newsroomTranslator(site, viewer);
  const heading = t('nr.editions.editHeading', { code: edition.code });
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title: heading }) : heading}
      viewer={viewer}
      current={newsroomPaths.editions()}
    >
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.editions()}>{t('nr.editions.all')}</a>
        </p>
        <h1>{heading}</h1>
        <ErrorSummary errors={errors} />
        <p>{edition.enabled ? t('nr.editions.isOn') : t('nr.editions.isOff')}</p>
        <form method="post" action={newsroomPaths.edition(edition.id)} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <EditionFields values={values} errors={errors} />
          <button type="submit">{t('nr.editions.save')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
