import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiKeysTable } from '../../db/schema.js';
import type { ApiKey } from './api-key.types.js';

export async function insertApiKey(db: Db, key: ApiKey & { hash: string }): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      name: key.name,
      key_prefix: key.prefix,
      key_hash: key.hash,
      created_by_user_id: key.createdByUserId,
      created_at: key.createdAt.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

/** Every key, newest first: the newsroom's list (a publication has a handful of partners). */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toApiKey);
}

export async function findApiKeyByHash(db: Db, hash: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).executeTakeFirst();
  return row ? toApiKey(row) : undefined;
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApiKey(row) : undefined;
}

/** Revokes a key still in use; false when it was revoked already (one conditional UPDATE). */
export async function revokeApiKey(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiKey(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    createdByUserId: row.created_by_user_id,
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  };
}
