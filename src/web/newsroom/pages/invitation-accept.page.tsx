import type { Invitation } from '../../../modules/users/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { NewPasswordFields } from '../../shared/password-fields.js';
import { NewsroomLayout, roleLabel } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** Where an invitee chooses their name and password; the e-mail and role come from the invitation. */
export function InvitationAcceptPage({
  site,
  token,
  invitation,
  displayName = '',
  errors = [],
}: {
  site: SiteContext;
  token: string;
  invitation: Invitation;
  displayName?: string;
  errors?: readonly FieldError[];
}) {
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: Join the newsroom' : 'Join the newsroom'}>
      <div class="newsroom-form-page">
        <h1>Join the newsroom</h1>
        <p>
          You have been invited as <strong>{roleLabel(invitation.role, newsroomTranslator(site))}</strong> with the e-mail address{' '}
          <strong>{invitation.email}</strong>.
        </p>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.invitation(token)} class="newsroom-form">
          <RequiredNote />
          <TextField
            id="display-name"
            label="Your name, as colleagues will see it"
            type="text"
            autoComplete="name"
            value={displayName}
            maxLength={100}
            errors={errors}
          />
          <NewPasswordFields label="Password" againLabel="Password again" errors={errors} />
          <button type="submit">Create my account</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** A used or expired invitation link (410): it will never work again. */
export function InvitationGonePage({ site, message }: { site: SiteContext; message: string }) {
  return (
    <NewsroomLayout site={site} title="Invitation no longer valid">
      <div class="error-page">
        <p class="error-status">Error 410</p>
        <h1>Invitation no longer valid</h1>
        <p>{message}</p>
        <p>
          <a href={newsroomPaths.signIn()}>Sign in to the newsroom</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}
