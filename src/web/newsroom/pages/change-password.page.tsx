import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, type FieldError } from '../../shared/form-fields.js';
import { CurrentPasswordField, NewPasswordFields } from '../../shared/password-fields.js';
import { Notice } from '../../shared/notice.js';
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
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? 'Error: Change password' : 'Change password'}
      viewer={viewer}
      current={newsroomPaths.password()}
    >
      <div class="newsroom-form-page">
        <h1>Change your password</h1>
        <Notice text={changed && 'Your password has been changed. You have been signed out everywhere else.'} />
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.password()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <CurrentPasswordField errors={errors} />
          <NewPasswordFields errors={errors} />
          <button type="submit">Change password</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
