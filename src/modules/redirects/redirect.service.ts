import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { paginate, type Pagination } from '../../shared/pagination.js';
import type { AuditService } from '../audit/index.js';
import { deleteLoggedPaths } from './not-found-log.repository.js';
import { isServedPath, normaliseRedirectPath, REDIRECT_PATH_MAX } from './redirect-path.js';
import { countRedirects, deleteRedirect, findRedirect, findRedirects, insertRedirects, listRedirects } from './redirect.repository.js';
import { checkedRedirect, leadsBackTo, targetKey } from './redirect-rules.js';
import type { Redirect } from './redirect.types.js';

/** The newsroom lists redirects 50 a page. */
export const REDIRECTS_PAGE_SIZE = 50;
/** A longer search is cut: no old path is longer. */
const SEARCH_MAX = REDIRECT_PATH_MAX;

export interface RedirectServiceOptions {
  /** The site's own address: a full address on it is stored as a path. */
  siteUrl: string;
}

/**
 * Old links that keep working: where an old path now lives (`resolve`, for requests that match no
 * route), and the list admins manage (`list`, `add`, `remove`, each change audited). Imports write
 * in bulk through `importRedirects` (redirect-import.service.ts), by the same rules.
 */
export class RedirectService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly options: RedirectServiceOptions,
  ) {}

  /**
   * Where an old link now lives (a path on this site or a full address), or null. One statement,
   * by primary key: the normalised path, and for a WordPress query on another path than `/`
   * (`/old/page?p=5`) that path without it too, the exact one preferred. Nothing is read for what
   * Dateline serves or what is too long to be stored.
   */
  async resolve(pathWithQuery: string): Promise<string | null> {
    const key = normaliseRedirectPath(pathWithQuery);
    const queryStart = key.indexOf('?');
    const keys = (queryStart > 1 ? [key, key.slice(0, queryStart)] : [key]).filter(
      (candidate) => candidate.length <= REDIRECT_PATH_MAX && !isServedPath(candidate),
    );
    if (keys.length === 0) return null;
    const [only] = keys;
    if (keys.length === 1 && only !== undefined) return (await findRedirect(this.db, only))?.target ?? null;
    const found = await findRedirects(this.db, keys);
    return (found.find((redirect) => redirect.path === key) ?? found[0])?.target ?? null;
  }

  /** A page of redirects, newest first, optionally those whose old path contains `search`. */
  async list(options: { search: string; page: number }): Promise<{ redirects: Redirect[]; pagination: Pagination }> {
    const search = searchText(options.search);
    const total = await countRedirects(this.db, search);
    const redirects = await listRedirects(this.db, { search, limit: REDIRECTS_PAGE_SIZE, offset: (options.page - 1) * REDIRECTS_PAGE_SIZE });
    return { redirects, pagination: paginate(options.page, REDIRECTS_PAGE_SIZE, total) };
  }

  /**
   * Adds a redirect from an admin, audited in the same transaction; the path leaves the 404 log.
   * Refused with a coded 4xx and nothing written: a bad or served path, a bad address, the path
   * itself, a loop of two, or a path that has a redirect already.
   */
  async add(rawPath: string, rawTarget: string, actorUserId: string): Promise<Redirect> {
    const { path, target } = checkedRedirect(rawPath, rawTarget, { siteUrl: this.options.siteUrl });
    const redirect: Redirect = { path, target, origin: 'newsroom', createdAt: this.clock.now() };
    const onwardKey = targetKey(target);
    await inTransaction(this.db, async (trx) => {
      if (onwardKey !== undefined && leadsBackTo(path, await findRedirect(trx, onwardKey))) throw new AppError('ERR_REDIRECT_LOOP');
      if ((await insertRedirects(trx, [redirect])) === 0) throw new AppError('ERR_REDIRECT_EXISTS');
      await deleteLoggedPaths(trx, [path]);
      await this.audit.record({ actorUserId, action: 'redirect.added', subjectType: 'redirect', subjectId: path, details: { path, target } }, trx);
    });
    return redirect;
  }

  /** Removes the redirect of an old path (as listed, or typed any way that normalises to it), audited. */
  async remove(rawPath: string, actorUserId: string): Promise<Redirect> {
    const path = normaliseRedirectPath(rawPath);
    return inTransaction(this.db, async (trx) => {
      const existing = await findRedirect(trx, path);
      if (!existing || !(await deleteRedirect(trx, path))) throw new AppError('ERR_REDIRECT_NOT_FOUND');
      await this.audit.record(
        { actorUserId, action: 'redirect.removed', subjectType: 'redirect', subjectId: path, details: { path, target: existing.target } },
        trx,
      );
      return existing;
    });
  }
}

/** A search as paths are stored: decoded where it can be, lower-cased, at most as long as a path. */
function searchText(raw: string): string {
  let text = raw.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    // Typed with a stray `%`: searched as typed.
  }
  return text.normalize('NFC').toLowerCase().slice(0, SEARCH_MAX);
}
