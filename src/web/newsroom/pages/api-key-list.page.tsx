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
  if (!date) return <>Never</>;
  return <time dateTime={date.toISOString()}>{date.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>;
}

/** Content API keys: who has one, when it was last used, and a way to make or revoke one. */
export function ApiKeyListPage(props: ApiKeyListProps) {
  const { site, viewer, keys, errors = [] } = props;
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: API keys' : 'API keys'} viewer={viewer} current={newsroomPaths.apiKeys()}>
      <h1>API keys</h1>
      <ErrorSummary errors={errors} />
      <p>
        Partners read published stories through the Content API at <code>{props.apiUrl}</code> with a key of their own. The API's description is at{' '}
        <a href={`${props.apiUrl}/openapi.json`}>{`${props.apiUrl}/openapi.json`}</a>.
      </p>
      {props.created && (
        <ShownOnce
          secret={props.created.key}
          after={
            <>
              <p>
                Try it: <code>{`curl -H "Authorization: Bearer ${props.created.key}" ${props.apiUrl}/articles`}</code>
              </p>
            </>
          }
        >
          API key created for <strong>{props.created.name}</strong>. Copy it now and pass it on safely; it will not be shown again (we keep only a
          fingerprint of it):
        </ShownOnce>
      )}
      <Notice text={props.revoked && 'The key was revoked. It no longer works.'} />
      {keys.length === 0 ? (
        <p>No API keys yet.</p>
      ) : (
        <DataTable class="staff-table" caption="API keys" captionHidden columns={['Name', 'Key begins', 'Created', 'Last used', 'Status', 'Actions']}>
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
              <td>{key.revokedAt ? 'Revoked' : 'Active'}</td>
              <td>
                {!key.revokedAt && (
                  <PostButton
                    action={newsroomPaths.apiKeyRevoke(key.id)}
                    csrfToken={viewer.csrfToken}
                    label="Revoke"
                    context={` the key ${key.name}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>Create a key</h2>
      <form method="post" action={newsroomPaths.apiKeys()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <TextField
          id="key-name"
          label="Name"
          type="text"
          autoComplete="off"
          value={props.name}
          maxLength={100}
          hint="Who will use it, such as the partner's name."
          errors={errors}
        />
        <button type="submit">Create API key</button>
      </form>
    </NewsroomLayout>
  );
}
