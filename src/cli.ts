import { parseArgs } from 'node:util';
import { ROLES } from './modules/users/index.js';

// The services, the database driver and argon2 are imported inside each command, so `dateline --help`
// and a mistyped command answer at once instead of loading the whole program first.
const USAGE = `Usage:
  dateline user create --role <${ROLES.join('|')}> --email <address> --name <display name> [--password <password>]
  dateline api-key create --name <partner or purpose>
  dateline generate --stories <number> [--seed <number>] [--wxr <file.xml>]
  dateline import wordpress <export.xml> [--media-dir <copy of wp-content/uploads>] [--no-fetch]
        [--section-map "old=new,…"] [--unmapped sections|tags] [--default-section <slug>]
        [--time-zone <IANA zone>] [--report <file.json>] [--dry-run] [--update]
  dateline import ghost <export.json|export.zip> [--media-dir <copy of content/images>] [--no-fetch]
        [--section-map "old=new,…"] [--unmapped sections|tags] [--default-section <slug>]
        [--site-url <the old site's address>] [--report <file.json>] [--dry-run] [--update]

Works on the database the environment points at (DATA_DIR, DATABASE_URL).
user create: makes a newsroom staff account. Without --password a 20-character password is
generated and printed once.
api-key create: makes a Content API key (docs/content-api.md) and prints it once; admins can also
make and revoke keys in the newsroom (API keys).
generate: writes a realistic archive of that many stories (20 to 1,000,000) into an empty
database, for benchmarks and trials: the same seed (default 1) writes the same archive. With --wxr
it writes the same archive as a WordPress export file instead (and its pictures beside it), for
trying and measuring \`import wordpress\`; no database is touched.
import wordpress: brings in a WordPress export (Tools → Export → All content): posts, published
pages as static pages (/about …, others at /pages/<slug>), bylines, categories as sections, tags,
pictures, approved comments, and every old address as a redirect. Running it again changes nothing (--update: brings posts changed
in WordPress since up to date); an interrupted run resumes.
import ghost: the same for a Ghost 4 or 5 export (its JSON, or a zip of it with content/images):
primary tags as sections, the other public tags, bylines, feature images; --update as above. docs/importing.md says more.
--help (or -h) anywhere prints this.`;

/** A mistake in how the command was called: the usage is printed and the exit code is 2. */
class UsageError extends Error {}

/** The command's options, all strings; an unknown or missing option is a UsageError. */
function parseOptions<K extends string>(args: string[], names: readonly K[], required: readonly K[]): Partial<Record<K, string>> {
  let values: Partial<Record<string, string>>;
  try {
    ({ values } = parseArgs({
      args,
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const missing = required.filter((option) => !values[option]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((option) => `--${option}`).join(', ')}`);
  return values;
}

async function createUserCommand(args: string[]): Promise<void> {
  const values = parseOptions(args, ['role', 'email', 'name', 'password'], ['role', 'email', 'name']);
  const [{ loadConfig }, { openDatabase }, { AuditService }, { UserService, generatePassword }, { systemClock }] = await Promise.all([
    import('./config/config.js'),
    import('./db/database.js'),
    import('./modules/audit/index.js'),
    import('./modules/users/index.js'),
    import('./shared/clock.js'),
  ]);

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

async function createApiKeyCommand(args: string[]): Promise<void> {
  const values = parseOptions(args, ['name'], ['name']);
  const [{ loadConfig }, { openDatabase }, { AuditService }, { ApiKeyService }, { systemClock }] = await Promise.all([
    import('./config/config.js'),
    import('./db/database.js'),
    import('./modules/audit/index.js'),
    import('./modules/api-keys/index.js'),
    import('./shared/clock.js'),
  ]);
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const apiKeys = new ApiKeyService(database.db, systemClock, new AuditService(database.db, systemClock));
    const { key, apiKey } = await apiKeys.create(values.name ?? '', null);
    console.log(`Created the API key "${apiKey.name}" (${apiKey.prefix}…).`);
    console.log(`Key: ${key}\nIt is shown only this once; only a hash of it is stored.`);
  } finally {
    await database.close();
  }
}

/** A whole number option, e.g. `--stories 100000` (`100_000` and `100,000` read the same). */
function wholeNumber(value: string, option: string): number {
  const digits = value.replace(/[_,]/g, '');
  if (!/^\d{1,9}$/.test(digits)) throw new UsageError(`${option} must be a whole number, not "${value}"`);
  return Number(digits);
}

async function generateCommand(args: string[]): Promise<void> {
  const values = parseOptions(args, ['stories', 'seed', 'wxr'], ['stories']);
  const stories = wholeNumber(values.stories ?? '', '--stories');
  const seed = values.seed === undefined ? 1 : wholeNumber(values.seed, '--seed');
  if (values.wxr) return generateWordPressExportCommand(values.wxr, stories, seed);
  const [{ loadConfig }, { createDeps }, { generateArchive }, { formatDuration, progressBar }] = await Promise.all([
    import('./config/config.js'),
    import('./deps.js'),
    import('./demo/archive-generator.js'),
    import('./demo/archive-generator-progress.js'),
  ]);
  const started = Date.now();
  const config = loadConfig();
  // A bulk tool: rebuilding the search index of 100,000 stories may rightly take longer than a request.
  const database = config.database.engine === 'postgres' ? { ...config.database, statementTimeoutMs: 0 } : config.database;
  // The app's own wiring, reactions included: `content.imported` builds the search index, the lists
  // and the other stored state as a start would, so the site serves the archive at once.
  const deps = await createDeps({ ...config, database });
  const failures: string[] = [];
  deps.events.onError((error, { reaction }) =>
    failures.push(`${reaction ?? 'a reaction'}: ${error instanceof Error ? error.message : String(error)}`),
  );
  try {
    const bar = progressBar(process.stderr, 'stories');
    const summary = await generateArchive(deps, { stories, seed }, (done, total) => {
      bar.update(done, total);
      if (done !== total) return;
      bar.finish();
      console.error('Building the search index, ranked lists and related stories…');
    });
    if (failures.length > 0) throw new Error(`the archive was written, but building its computed state failed (${failures.join('; ')})`);
    console.log(
      `Generated ${summary.articles.toLocaleString('en-US')} stories in ${summary.sections} sections by ${summary.authors} authors, ` +
        `with ${summary.comments.toLocaleString('en-US')} comments (seed ${seed}), in ${formatDuration(Date.now() - started)}: ${deps.database.description}.`,
    );
    console.log('Start Dateline with the same DATA_DIR / DATABASE_URL (npm start) to read it.');
  } finally {
    await deps.close();
  }
}

async function generateWordPressExportCommand(file: string, stories: number, seed: number): Promise<void> {
  if (stories < 1 || stories > 1_000_000) throw new UsageError('--stories must be from 1 to 1,000,000');
  const [{ generateWordPressExport }, { formatDuration, progressBar }] = await Promise.all([
    import('./demo/wordpress-export-generator.js'),
    import('./demo/archive-generator-progress.js'),
  ]);
  const started = Date.now();
  const bar = progressBar(process.stderr, 'stories');
  const { uploads } = await generateWordPressExport({ stories, seed, file, now: new Date() }, (done, total) => bar.update(done, total));
  bar.finish();
  console.log(
    `Wrote a WordPress export of ${stories.toLocaleString('en-US')} stories to ${file} (pictures in ${uploads}) in ${formatDuration(Date.now() - started)}.`,
  );
}

async function run(argv: string[]): Promise<void> {
  const [noun, verb, ...rest] = argv;
  // Asking for help anywhere (`dateline user create --help`) prints it rather than a usage error.
  if (noun === undefined || noun === 'help' || argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (noun === 'user' && verb === 'create') return createUserCommand(rest);
  if (noun === 'api-key' && verb === 'create') return createApiKeyCommand(rest);
  if (noun === 'generate') return generateCommand(argv.slice(1));
  if (noun === 'import' && (verb === 'wordpress' || verb === 'ghost')) {
    // An import's native memory stays lower with fewer malloc arenas (malloc-arenas.ts), and V8's
    // young generation smaller (8 MB semi-spaces instead of 16): under 300 MB at 100,000 stories.
    const { relaunchWithArenaLimit } = await import('./shared/malloc-arenas.js');
    if (relaunchWithArenaLimit(['--max-semi-space-size=8'])) return;
    const { importCommand } = await import('./import-command.js');
    return importCommand(verb, rest, (message) => new UsageError(message));
  }
  throw new UsageError(`unknown command: ${[noun, verb].filter(Boolean).join(' ')}`);
}

run(process.argv.slice(2)).catch(async (error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`dateline: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const [{ AppError, StartupError }, { ConfigError }] = await Promise.all([import('./shared/errors.js'), import('./config/config.js')]);
  // An import's refusal says what the file was and which command reads it: the operator sees that detail.
  if (error instanceof AppError)
    console.error(`dateline: ${error.code.startsWith('ERR_IMPORT_') ? error.message : error.publicMessage} (${error.code})`);
  else if (error instanceof ConfigError || error instanceof StartupError) console.error(`dateline: ${error.message}`);
  else console.error('dateline: failed:', error);
  process.exit(1);
});
