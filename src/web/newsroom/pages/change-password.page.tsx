import { MIN_PASSWORD_LENGTH } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, TextField, type FieldError } from '../../shared/form-fields.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** Changing one's own password; every other session of the account is signed out. */
export function ChangePasswordPage({
  site,
  viewer,
  errors = [],
  changed = false,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  errors?: readonly FieldError[];
  changed?: boolean;
}) {
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: Change password' : 'Change password'} viewer={viewer} current={newsroomPaths.password()}>
      <div class="newsroom-form-page">
        <h1>Change your password</h1>
        {changed && (
          <p class="newsroom-notice" role="status">
            Your password has been changed. You have been signed out everywhere else.
          </p>
        )}
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.password()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <TextField id="current-password" label="Current password" type="password" autoComplete="current-password" maxLength={256} errors={errors} />
          <TextField
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
            minLength={MIN_PASSWORD_LENGTH}
            maxLength={256}
            errors={errors}
          />
          <TextField id="confirm-password" label="New password again" type="password" autoComplete="new-password" maxLength={256} errors={errors} />
          <button type="submit">Change password</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
