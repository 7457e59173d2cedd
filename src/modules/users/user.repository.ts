import type { Db } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';
import type { User } from './user.types.js';

type UserRow = Pick<UsersTable, 'id' | 'email' | 'display_name' | 'role' | 'author_id' | 'created_at' | 'password_changed_at' | 'language'> & {
  active: number;
};

const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'author_id', 'active', 'created_at', 'password_changed_at', 'language'] as const;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    active: Number(row.active) === 1,
    authorId: row.author_id,
    createdAt: new Date(row.created_at),
    passwordChangedAt: new Date(row.password_changed_at),
    language: row.language,
  };
}

export async function insertUser(
  db: Db,
  user: { id: string; email: string; displayName: string; role: string; passwordHash: string },
  at: Date,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
      author_id: null,
      active: 1,
      created_at: at.toISOString(),
      password_changed_at: at.toISOString(),
    })
    .execute();
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** The user with their password hash, for checking a password; `email` must be lower-cased. */
export async function findUserCredentialsByEmail(db: Db, email: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findPasswordHash(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listUsersByIds(db: Db, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select(USER_COLUMNS).where('id', 'in', ids).execute();
  return rows.map(toUser);
}

export async function updatePasswordHash(db: Db, id: string, passwordHash: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: at.toISOString() }).where('id', '=', id).execute();
}

export async function updateUserRole(db: Db, id: string, role: string): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function updateUserActive(db: Db, id: string, active: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** Every staff account, active first, then by name: the staff page. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('active', 'desc').orderBy('display_name').orderBy('id').execute();
  return rows.map(toUser);
}

/** Active admins other than `exceptUserId`: the last-admin rule counts who would remain. */
export async function countOtherActiveAdmins(db: Db, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function updateUserAuthor(db: Db, id: string, authorId: string | null): Promise<void> {
  await db.updateTable('users').set({ author_id: authorId }).where('id', '=', id).execute();
}

export async function updateUserLanguage(db: Db, id: string, language: string | null): Promise<void> {
  await db.updateTable('users').set({ language }).where('id', '=', id).execute();
}
