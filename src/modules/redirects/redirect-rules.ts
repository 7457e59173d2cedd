import { AppError } from '../../shared/errors.js';
import { validateText } from '../../shared/text.js';
import { isServedPath, isSitePath, normaliseRedirectPath, REDIRECT_PATH_MAX, REDIRECT_TARGET_MAX, redirectTarget } from './redirect-path.js';
import type { Redirect } from './redirect.types.js';

/** The longest old path as typed or imported (percent-encoded, it may be far longer than its key). */
const TYPED_PATH_MAX = 2048;

export interface RedirectRuleOptions {
  /** The site's own address: a full address on it is kept as a path. */
  siteUrl?: string;
  /** Importers may hand over the old site's full URLs (WordPress's `guid`): only their path and query count. */
  fullOldUrls?: boolean;
}

/**
 * An old path and a new address as they are stored, or the reason they cannot be, as a coded
 * AppError: the path must start with `/` and not be one Dateline serves (redirect-path.ts), the
 * address must be a path on this site or an http(s) address, and not the old path itself. The one
 * set of rules for the newsroom and for imports.
 */
export function checkedRedirect(rawPath: unknown, rawTarget: unknown, options: RedirectRuleOptions = {}): { path: string; target: string } {
  let typed = validateText(rawPath, { field: 'path', code: 'ERR_REDIRECT_PATH_INVALID', min: 1, max: TYPED_PATH_MAX });
  if (options.fullOldUrls && /^https?:\/\//i.test(typed) && URL.canParse(typed)) {
    const url = new URL(typed);
    typed = `${url.pathname}${url.search}`;
  }
  if (!typed.startsWith('/') || typed.startsWith('//')) throw new AppError('ERR_REDIRECT_PATH_INVALID');
  const path = normaliseRedirectPath(typed);
  if (path.length > REDIRECT_PATH_MAX) throw new AppError('ERR_REDIRECT_PATH_INVALID');
  if (isServedPath(path)) throw new AppError('ERR_REDIRECT_PATH_SERVED');
  const typedTarget = validateText(rawTarget, { field: 'target', code: 'ERR_REDIRECT_TARGET_INVALID', min: 1, max: REDIRECT_TARGET_MAX });
  const target = redirectTarget(typedTarget, options.siteUrl ?? '');
  if (target === undefined) throw new AppError('ERR_REDIRECT_TARGET_INVALID');
  if (targetKey(target) === path) throw new AppError('ERR_REDIRECT_TO_ITSELF');
  return { path, target };
}

/** The key a new address on this site would be looked up under, if it is on this site. */
export function targetKey(target: string): string | undefined {
  return isSitePath(target) ? normaliseRedirectPath(target) : undefined;
}

/** Whether the redirect found at a new address leads straight back to `path`: a loop of two. */
export function leadsBackTo(path: string, onward: Pick<Redirect, 'target'> | undefined): boolean {
  return onward !== undefined && targetKey(onward.target) === path;
}
