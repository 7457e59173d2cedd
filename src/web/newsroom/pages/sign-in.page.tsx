import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** The newsroom's sign-in form; `notice` confirms a sign-out. */
export function SignInPage({
  site,
  next,
  email = '',
  errors = [],
  notice,
}: {
  site: SiteContext;
  next: string;
  email?: string;
  errors?: readonly FieldError[];
  notice?: string;
}) {
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: Sign in' : 'Sign in'}>
      <div class="newsroom-form-page">
        <h1>Sign in to the newsroom</h1>
        <Notice text={notice} />
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.signIn()} class="newsroom-form">
          <input type="hidden" name="next" value={next} />
          <RequiredNote />
          <TextField id="email" label="E-mail address" type="email" autoComplete="username" value={email} maxLength={254} errors={errors} />
          <TextField id="password" label="Password" type="password" autoComplete="current-password" maxLength={256} errors={errors} />
          <button type="submit">Sign in</button>
        </form>
        <p>
          <a href={newsroomPaths.forgotPassword()}>Forgotten your password?</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}
