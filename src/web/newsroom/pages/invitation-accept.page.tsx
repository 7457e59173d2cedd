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
  const translator = newsroomTranslator(site);
  const { t, rich } = translator;
  const title = t('nr.staff.joinTitle');
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}>
      <div class="newsroom-form-page">
        <h1>{title}</h1>
        <p>
          {rich(
            'nr.staff.invitedAs',
            { role: (text) => <strong>{text}</strong>, email: (text) => <strong>{text}</strong> },
            { role: roleLabel(invitation.role, translator), email: invitation.email },
          )}
        </p>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.invitation(token)} class="newsroom-form">
          <RequiredNote />
          <TextField
            id="display-name"
            label={t('nr.staff.displayName')}
            type="text"
            autoComplete="name"
            value={displayName}
            maxLength={100}
            errors={errors}
          />
          <NewPasswordFields label={t('nr.common.password')} againLabel={t('form.password.again')} errors={errors} />
          <button type="submit">{t('nr.staff.createAccount')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** A used or expired invitation link (410): it will never work again. */
export function InvitationGonePage({ site, message }: { site: SiteContext; message: string }) {
  const { t } = newsroomTranslator(site);
  const title = t('nr.staff.invitationGone');
  return (
    <NewsroomLayout site={site} title={title}>
      <div class="error-page">
        <p class="error-status">{t('nr.error.status', { status: '410' })}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href={newsroomPaths.signIn()}>{t('nr.common.signInToNewsroom')}</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}
