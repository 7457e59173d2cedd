import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/config.js';
import { openDatabase } from './db/database.js';
import { AuditService } from './modules/audit/audit.service.js';
import { ROLES } from './modules/users/permissions.js';
import { generatePassword } from './modules/users/password.js';
import { UserService } from './modules/users/user.service.js';
import { systemClock } from './shared/clock.js';
import { AppError, StartupError } from './shared/errors.js';

const USAGE = `Usage: dateline user create --role <${ROLES.join('|')}> --email <address> --name <display name> [--password <password>]

Creates a newsroom staff account in the database the environment points at (DATA_DIR, DATABASE_URL).
Without --password a 20-character password is generated and printed once.`;

/** A mistake in how the command was called: the usage is printed and the exit code is 2. */
class UsageError extends Error {}

async function createUserCommand(args: string[]): Promise<void> {
  let values: { role?: string; email?: string; name?: string; password?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const missing = (['role', 'email', 'name'] as const).filter((option) => !values[option]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((option) => `--${option}`).join(', ')}`);

  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const users = new UserService(database.db, systemClock, new AuditService(database.db, systemClock));
    const password = values.password ?? generatePassword();
    const user = await users.createUser({ email: values.email ?? '', displayName: values.name ?? '', role: values.role ?? '', password });
    console.log(`Created ${user.role} ${user.displayName} <${user.email}>.`);
    if (values.password === undefined) console.log(`Password: ${password}\nIt is shown only this once; ask them to change it after signing in.`);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const [noun, verb, ...rest] = argv;
  if (noun === 'user' && verb === 'create') return createUserCommand(rest);
  if (noun === undefined || noun === 'help' || noun === '--help' || noun === '-h') {
    console.log(USAGE);
    return;
  }
  throw new UsageError(`unknown command: ${[noun, verb].filter(Boolean).join(' ')}`);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`dateline: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof AppError) console.error(`dateline: ${error.publicMessage} (${error.code})`);
  else if (error instanceof ConfigError || error instanceof StartupError) console.error(`dateline: ${error.message}`);
  else console.error('dateline: failed:', error);
  process.exit(1);
});
