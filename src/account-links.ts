import type { ReaderLinks } from './modules/readers/index.js';
import type { StaffLinks } from './modules/users/index.js';
import { newsroomPaths } from './web/newsroom/newsroom-paths.js';
import { paths } from './web/shared/paths.js';

/** The absolute links account mail carries, from the same paths the routes are registered with. */
export function accountLinks(siteUrl: string): { reader: ReaderLinks; staff: StaffLinks } {
  const at = (path: string) => `${siteUrl}${path}`;
  return {
    reader: {
      confirm: (token) => at(paths.account.confirm(token)),
      reset: (token) => at(paths.account.reset(token)),
      forgotPassword: () => at(paths.account.forgotPassword()),
      signIn: () => at(paths.account.signIn()),
      account: () => at(paths.account.home()),
      comment: (slug, commentId) => at(`${paths.article(slug)}#comment-${encodeURIComponent(commentId)}`),
    },
    staff: {
      invitation: (token) => at(newsroomPaths.invitation(token)),
      reset: (token) => at(newsroomPaths.passwordReset(token)),
    },
  };
}
