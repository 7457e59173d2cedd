import type { ApiKey } from '../../../modules/api-keys/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { Notice } from '../../shared/notice.js';
import { ShownOnce } from '../components/shown-once.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

export interface ApiKeyListProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  keys: readonly ApiKey[];
  /** Where partners call the API, for the example below the list. */
  apiUrl: string;
  /** Shown once, right after the key is made: only its hash is kept. */
  created?: { key: string; name: string };
  revoked?: boolean;
  errors?: readonly FieldError[];
  name?: string;
}

function Time({ date }: { date: Date | null }) {
  const { t } = useTranslator();
  if (!date) return <>{t('nr.apiKeys.never')}</>;
  return <time dateTime={date.toISOString()}>{date.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>;
}

/** Content API keys: who has one, when it was last used, and a way to make or revoke one. */
export function ApiKeyListPage(props: ApiKeyListProps) {
  const { site, viewer, keys, errors = [] } = props;
  const { t, rich } = newsroomTranslator(site, viewer);
  const title = t('nr.apiKeys.title');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.apiKeys()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        {rich(
          'nr.apiKeys.intro',
          { code: (text) => <code>{text}</code>, link: (text) => <a href={`${props.apiUrl}/openapi.json`}>{text}</a> },
          { url: props.apiUrl },
        )}
      </p>
      {props.created && (
        <ShownOnce
          secret={props.created.key}
          after={
            <>
              <p>
                {t('nr.apiKeys.tryIt')} <code>{`curl -H "Authorization: Bearer ${props.created.key}" ${props.apiUrl}/articles`}</code>
              </p>
            </>
          }
        >
          {rich('nr.apiKeys.created', { name: (text) => <strong>{text}</strong> }, { name: props.created.name })}
        </ShownOnce>
      )}
      <Notice text={props.revoked && t('nr.apiKeys.revoked')} />
      {keys.length === 0 ? (
        <p>{t('nr.apiKeys.none')}</p>
      ) : (
        <DataTable
          class="staff-table"
          caption={t('nr.apiKeys.caption')}
          captionHidden
          columns={[
            t('nr.apiKeys.colName'),
            t('nr.apiKeys.colBegins'),
            t('nr.apiKeys.colCreated'),
            t('nr.apiKeys.colLastUsed'),
            t('nr.apiKeys.colStatus'),
            t('nr.apiKeys.colActions'),
          ]}
        >
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>
                <Time date={key.createdAt} />
              </td>
              <td>
                <Time date={key.lastUsedAt} />
              </td>
              <td>{key.revokedAt ? t('nr.apiKeys.statusRevoked') : t('nr.apiKeys.statusActive')}</td>
              <td>
                {!key.revokedAt && (
                  <PostButton
                    action={newsroomPaths.apiKeyRevoke(key.id)}
                    csrfToken={viewer.csrfToken}
                    label={t('nr.apiKeys.revoke')}
                    context={` ${t('nr.apiKeys.revokeContext', { name: key.name })}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t('nr.apiKeys.createHeading')}</h2>
      <form method="post" action={newsroomPaths.apiKeys()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <TextField
          id="key-name"
          label={t('nr.apiKeys.name')}
          type="text"
          autoComplete="off"
          value={props.name}
          maxLength={100}
          hint={t('nr.apiKeys.nameHint')}
          errors={errors}
        />
        <button type="submit">{t('nr.apiKeys.create')}</button>
      </form>
    </NewsroomLayout>
  );
}
