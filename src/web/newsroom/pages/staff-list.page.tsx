import { ROLES, type Invitation, type User } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm, PostButton } from '../components/inline-post-form.js';
import { Notice } from '../../shared/notice.js';
import { ShownOnce } from '../components/shown-once.js';
import { NewsroomLayout, roleLabel, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

export interface StaffListProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  users: readonly User[];
  invitations: readonly Invitation[];
  errors?: readonly FieldError[];
  /** Shown once, right after the invitation is made: only its hash is kept. */
  invitationLink?: { url: string; email: string };
  notice?: string;
  inviteEmail?: string;
  inviteRole?: string;
}

/** Staff accounts, their roles and state; inviting someone new. */
export function StaffListPage(props: StaffListProps) {
  const { site, viewer, users, invitations, errors = [] } = props;
  const translator = newsroomTranslator(site, viewer);
  const { t, rich } = translator;
  const title = t('nr.nav.staff');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.staff()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.notice} />
      {props.invitationLink && (
        <ShownOnce secret={props.invitationLink.url}>
          {rich('nr.staff.invitationMailed', { email: (text) => <strong>{text}</strong> }, { email: props.invitationLink.email })}
        </ShownOnce>
      )}
      <DataTable
        class="staff-table"
        caption={t('nr.staff.caption')}
        captionHidden
        columns={[t('nr.staff.name'), t('nr.staff.email'), t('nr.staff.role'), t('nr.staff.state'), t('nr.staff.actions')]}
      >
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row">{user.displayName}</th>
            <td>{user.email}</td>
            <td>{roleLabel(user.role, translator)}</td>
            <td>{user.active ? t('nr.staff.active') : t('nr.staff.deactivated')}</td>
            <td>
              {user.active && (
                <div class="staff-actions">
                  <InlinePostForm action={newsroomPaths.staffRole(user.id)} csrfToken={viewer.csrfToken}>
                    <label for={`role-${user.id}`} class="visually-hidden">
                      {t('nr.staff.roleFor', { name: user.displayName })}
                    </label>
                    <select id={`role-${user.id}`} name="role">
                      {ROLES.map((role) => (
                        <option key={role} value={role} selected={role === user.role}>
                          {roleLabel(role, translator)}
                        </option>
                      ))}
                    </select>
                    <button type="submit">
                      {rich('nr.staff.changeRole', { hidden: (text) => <span class="visually-hidden">{text}</span> }, { name: user.displayName })}
                    </button>
                  </InlinePostForm>
                  <PostButton
                    action={newsroomPaths.staffDeactivate(user.id)}
                    csrfToken={viewer.csrfToken}
                    label={t('nr.staff.deactivate')}
                    context={` ${user.displayName}`}
                  />
                </div>
              )}
            </td>
          </tr>
        ))}
      </DataTable>

      <h2>{t('nr.staff.inviteHeading')}</h2>
      <form method="post" action={newsroomPaths.staffInvite()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <TextField
          id="invite-email"
          label={t('nr.common.emailAddress')}
          type="email"
          autoComplete="off"
          value={props.inviteEmail}
          maxLength={254}
          errors={errors}
        />
        <div class={errors.some((error) => error.field === 'invite-role') ? 'field field-has-error' : 'field'}>
          <label for="invite-role">{t('nr.staff.role')}</label>
          <select id="invite-role" name="role">
            {ROLES.map((role) => (
              <option key={role} value={role} selected={role === (props.inviteRole ?? 'contributor')}>
                {roleLabel(role, translator)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('nr.staff.createInvitation')}</button>
      </form>

      {invitations.length > 0 && (
        <>
          <h2>{t('nr.staff.openInvitations')}</h2>
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {rich(
                  'nr.staff.openInvitation',
                  { time: (text) => <time dateTime={invitation.expiresAt.toISOString()}>{text}</time> },
                  { email: invitation.email, role: roleLabel(invitation.role, translator), date: invitation.expiresAt.toISOString().slice(0, 10) },
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </NewsroomLayout>
  );
}
