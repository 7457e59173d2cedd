import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^(postgres(ql)?|sqlite|file):/.test(value) || !value.includes('://'), {
      message: 'must be a postgres:// URL, a sqlite: path or a file path',
    })
    .optional(),
  /**
   * PostgreSQL: the longest one statement may take. The server cancels it then (statement_timeout),
   * and the client gives up on a server that does not answer at all shortly after.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DEMO: booleanFlag.default(true),
  PAGE_CACHE: booleanFlag.default(true),
  PAGE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(5000),
  /** The first admin's address. `.local` names no real mail domain, so nothing is ever sent to the default. */
  ADMIN_EMAIL: z.email().default('admin@dateline.local'),
  /** Behind a load balancer or CDN: read the reader's address from X-Forwarded-For. */
  TRUST_PROXY: booleanFlag.default(false),
  /** View reports accepted per IP address per minute; 0 turns the limit off (benchmarks only). */
  VIEW_BEACON_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** Content API requests allowed per key per minute (then 429). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
  /** Adds the /_bench/ routes bench/audience.bench.sh measures against; benchmarks only, never in production. */
  BENCH_ROUTES: booleanFlag.default(false),
  /** Lets webhooks reach loopback and private-network addresses (tests, or a receiver on the same network). */
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  /** Several nodes: views, cache invalidation, rate limits and jobs are shared through this Redis (needs PostgreSQL). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and channel, so several publications (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - only, up to 64')
    .default('dateline:'),
  /** A CDN in front: where purge requests for changed surrogate keys are POSTed (docs/cdn.md). */
  CDN_PURGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs purge requests (x-dateline-signature), as webhooks are signed; required with CDN_PURGE_URL. */
  CDN_PURGE_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** The newsroom's Import page: the largest export file accepted, in bytes (default 2 GB). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024, 'at least 1048576 (1 MB)')
    .max(64 * 1024 ** 3, 'at most 68719476736 (64 GB)')
    .default(2 * 1024 ** 3),
  /** Cluster mode: this many worker processes on one machine (`auto`: one per core; 0: one process). */
  CLUSTER_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(0).max(64)]).default(0),
  /** Where mail is sent (smtp:// or smtps://, user and password in the URL); unset: written to DATA_DIR/outbox/ (docs/mail.md). */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of every message: `"Name" <address>` or an address; default the publication's name and no-reply@ the SITE_URL's host. */
  MAIL_FROM: z.string().max(320).optional(),
  /** DKIM: the private key (PEM; `\n` may stand for line breaks) and its selector; the domain is MAIL_FROM's. */
  MAIL_DKIM_PRIVATE_KEY: z.string().optional(),
  MAIL_DKIM_SELECTOR: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,63}$/, 'letters, digits and . _ - only')
    .optional(),
  /** Messages sent per minute at most, across every node. */
  MAIL_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Live stories' update streams (SSE) one node holds open at most; past it readers get 503 with Retry-After. */
  LIVE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type DatabaseTarget =
  | { engine: 'sqlite'; filename: string }
  /** `statementTimeoutMs`: DATABASE_STATEMENT_TIMEOUT_MS (db/dialects/postgres.dialect.ts has the default). */
  | { engine: 'postgres'; connectionString: string; statementTimeoutMs?: number };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /** The public origin of the site, without a trailing slash; used for canonical URLs. */
  readonly siteUrl: string;
  readonly demo: boolean;
  readonly pageCache: { readonly enabled: boolean; readonly maxEntries: number };
  /** Whether X-Forwarded-For names the client (only true behind a proxy you run). */
  readonly trustProxy: boolean;
  /** View reports accepted per IP address per minute; 0 means no limit. */
  readonly viewBeaconLimit: number;
  /** Content API requests allowed per key per minute. */
  readonly apiRateLimit: number;
  /** Whether the /_bench/ routes exist (benchmarks only; never in production). */
  readonly benchRoutes: boolean;
  /** Whether webhooks may be sent to loopback, private and link-local addresses (off: refused). */
  readonly webhookAllowPrivate: boolean;
  /** Set in multi-node mode (REDIS_URL): shared views, cache invalidation, rate limits and jobs. */
  readonly redis: { readonly url: string; readonly keyPrefix: string } | undefined;
  /** Set when a CDN is to be told which surrogate keys changed (modules/cdn/cdn-purger.ts). */
  readonly cdnPurge: { readonly url: string; readonly secret: string } | undefined;
  /** The largest export file the newsroom's Import page accepts, in bytes (IMPORT_MAX_BYTES). */
  readonly importMaxBytes: number;
  /** Worker processes to fork on this machine; 0 runs one process, as without cluster mode. */
  readonly clusterWorkers: number;
  /** How mail is sent (modules/mail): SMTP or the outbox folder, From, DKIM, rate. */
  readonly mail: MailConfig;
  /** The most live-update streams (SSE) this node holds open at once (LIVE_MAX_CONNECTIONS). */
  readonly liveMaxConnections: number;
  readonly logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  /** Used once: the e-mail of the admin created when the database has no staff yet. */
  readonly adminEmail: string;
}

export interface MailConfig {
  /** SMTP_URL; undefined: every message is written to DATA_DIR/outbox/ as a .eml file. */
  readonly smtpUrl: string | undefined;
  readonly fromAddress: string;
  /** MAIL_FROM's name; undefined: the publication's name at the time of sending. */
  readonly fromName: string | undefined;
  readonly dkim: { readonly domainName: string; readonly keySelector: string; readonly privateKey: string } | undefined;
  readonly ratePerMinute: number;
  /** DATA_DIR/outbox. */
  readonly outboxDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Turns the environment into a typed, frozen config; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  const database = resolveDatabaseTarget(values.DATABASE_URL, dataDir, values.DATABASE_STATEMENT_TIMEOUT_MS);
  // Several nodes cannot share one SQLite file: each machine would have its own database.
  if (values.REDIS_URL && database.engine !== 'postgres') {
    throw new ConfigError(['REDIS_URL: multi-node mode needs PostgreSQL; set DATABASE_URL to a postgres:// URL as well']);
  }
  if (values.CDN_PURGE_URL && !values.CDN_PURGE_SECRET) {
    throw new ConfigError(['CDN_PURGE_SECRET: required with CDN_PURGE_URL, so the CDN can tell purges are ours']);
  }
  const clusterWorkers = values.CLUSTER_WORKERS === 'auto' ? Math.min(64, os.availableParallelism()) : values.CLUSTER_WORKERS;
  // Workers are separate processes: they share views, cache invalidation and limits only through Redis.
  if (clusterWorkers > 0 && !values.REDIS_URL) {
    throw new ConfigError([
      'CLUSTER_WORKERS: cluster mode is multi-node mode on one machine; set REDIS_URL (and a postgres:// DATABASE_URL) as well',
    ]);
  }
  const siteUrl = (values.SITE_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database: Object.freeze(database),
    siteUrl,
    demo: values.DEMO,
    pageCache: Object.freeze({ enabled: values.PAGE_CACHE, maxEntries: values.PAGE_CACHE_MAX_ENTRIES }),
    trustProxy: values.TRUST_PROXY,
    viewBeaconLimit: values.VIEW_BEACON_LIMIT,
    apiRateLimit: values.API_RATE_LIMIT,
    benchRoutes: values.BENCH_ROUTES,
    webhookAllowPrivate: values.WEBHOOK_ALLOW_PRIVATE,
    redis: values.REDIS_URL ? Object.freeze({ url: values.REDIS_URL, keyPrefix: values.REDIS_KEY_PREFIX }) : undefined,
    cdnPurge:
      values.CDN_PURGE_URL && values.CDN_PURGE_SECRET ? Object.freeze({ url: values.CDN_PURGE_URL, secret: values.CDN_PURGE_SECRET }) : undefined,
    importMaxBytes: values.IMPORT_MAX_BYTES,
    clusterWorkers,
    mail: mailConfig(values, siteUrl, dataDir),
    liveMaxConnections: values.LIVE_MAX_CONNECTIONS,
    logLevel: values.LOG_LEVEL,
    adminEmail: values.ADMIN_EMAIL.toLowerCase(),
  });
}

function mailConfig(values: z.infer<typeof ConfigSchema>, siteUrl: string, dataDir: string): MailConfig {
  const from =
    values.MAIL_FROM === undefined ? { address: `no-reply@${new URL(siteUrl).hostname}`, name: undefined } : parseMailFrom(values.MAIL_FROM);
  if (!from) throw new ConfigError(['MAIL_FROM: give an address, or "Name" <address>, with no line breaks']);
  if (Boolean(values.MAIL_DKIM_PRIVATE_KEY) !== Boolean(values.MAIL_DKIM_SELECTOR)) {
    throw new ConfigError(['MAIL_DKIM_PRIVATE_KEY and MAIL_DKIM_SELECTOR: set both, or neither']);
  }
  const dkim =
    values.MAIL_DKIM_PRIVATE_KEY && values.MAIL_DKIM_SELECTOR
      ? Object.freeze({
          domainName: from.address.slice(from.address.lastIndexOf('@') + 1),
          keySelector: values.MAIL_DKIM_SELECTOR,
          // One-line environments (systemd, .env files) carry the PEM's line breaks as `\n`.
          privateKey: values.MAIL_DKIM_PRIVATE_KEY.replace(/\\n/g, '\n'),
        })
      : undefined;
  return Object.freeze({
    smtpUrl: values.SMTP_URL,
    fromAddress: from.address,
    fromName: from.name,
    dkim,
    ratePerMinute: values.MAIL_RATE_PER_MINUTE,
    outboxDir: path.join(dataDir, 'outbox'),
  });
}

/** `"Name" <address>`, `Name <address>` or `address`; undefined when malformed or carrying line breaks. */
export function parseMailFrom(value: string): { address: string; name: string | undefined } | undefined {
  if (/[\r\n\0]/.test(value)) return undefined;
  const match = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(value);
  const address = match?.[2] ?? match?.[3];
  if (!address || !z.email().safeParse(address).success) return undefined;
  const name = match?.[1]?.trim();
  return { address, name: name ? name : undefined };
}

function resolveDatabaseTarget(url: string | undefined, dataDir: string, statementTimeoutMs: number): DatabaseTarget {
  if (!url) return { engine: 'sqlite', filename: path.join(dataDir, 'dateline.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', connectionString: url, statementTimeoutMs };
  const filename = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return { engine: 'sqlite', filename: filename === ':memory:' ? filename : path.resolve(filename) };
}

// An empty variable (`PORT=`) means "not set", as in most twelve-factor tools.
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
