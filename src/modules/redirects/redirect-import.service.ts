import type { Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { deleteLoggedPaths } from './not-found-log.repository.js';
import { findRedirects, insertRedirects, REDIRECT_CHUNK } from './redirect.repository.js';
import { checkedRedirect, leadsBackTo, targetKey } from './redirect-rules.js';
import type { Redirect, RedirectImportEntry, RedirectImportResult } from './redirect.types.js';

export interface RedirectImportOptions {
  /** The site's own address: a full new address on it is stored as a path. */
  siteUrl?: string;
  /** When the redirects are dated (default: now). */
  now?: Date;
}

/**
 * An imported archive's old links, stored in bulk: call it with the importer's transaction as `db`
 * so they land with the stories or not at all. The first writer wins: a path that has a redirect
 * already (stored, or earlier in `entries`) is left as it is, so running an import twice changes
 * nothing. Each entry is checked by the newsroom's rules (redirect-rules.ts; old paths may be full
 * URLs of the old site); one that fails, or would make a loop of two, is refused with its code and
 * the rest are stored. The paths stored leave the 404 log. A fixed number of statements per 500
 * entries; nothing is audited (the import is).
 */
export async function importRedirects(
  db: Db,
  entries: readonly RedirectImportEntry[],
  options: RedirectImportOptions = {},
): Promise<RedirectImportResult> {
  const result: RedirectImportResult = { added: 0, alreadyPresent: 0, refused: [] };
  const createdAt = options.now ?? new Date();
  const checked: Array<RedirectImportEntry & { redirect: Redirect }> = [];
  for (const entry of entries) {
    try {
      const { path, target } = checkedRedirect(entry.path, entry.target, {
        fullOldUrls: true,
        ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
      });
      checked.push({ ...entry, redirect: { path, target, origin: 'import', createdAt } });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.refused.push({ path: entry.path, target: entry.target, code: error.code });
    }
  }
  // What is stored already at these paths and at the addresses they lead to, read in chunks.
  const wanted = [...new Set(checked.flatMap(({ redirect }) => [redirect.path, targetKey(redirect.target) ?? []].flat()))];
  const stored = new Map<string, Redirect>();
  for (let start = 0; start < wanted.length; start += REDIRECT_CHUNK) {
    for (const redirect of await findRedirects(db, wanted.slice(start, start + REDIRECT_CHUNK))) stored.set(redirect.path, redirect);
  }
  const kept = new Map<string, Redirect>();
  for (const { path, target, redirect } of checked) {
    if (stored.has(redirect.path) || kept.has(redirect.path)) {
      result.alreadyPresent++;
      continue;
    }
    const onwardKey = targetKey(redirect.target);
    const onward = onwardKey === undefined ? undefined : (kept.get(onwardKey) ?? stored.get(onwardKey));
    if (leadsBackTo(redirect.path, onward)) {
      result.refused.push({ path, target, code: 'ERR_REDIRECT_LOOP' });
      continue;
    }
    kept.set(redirect.path, redirect);
  }
  const added = await insertRedirects(db, [...kept.values()]);
  // Another writer may have stored some of these paths meanwhile: theirs stay.
  result.added = added;
  result.alreadyPresent += kept.size - added;
  await deleteLoggedPaths(db, [...kept.keys()]);
  return result;
}
