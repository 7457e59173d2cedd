import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { IMPORT_RUN_JOB } from '../modules/import-runs/index.js';
import type { StaffSession } from './newsroom-client.js';
import type { TestApp } from './test-app.js';

export const WORDPRESS_FIXTURES = path.join(import.meta.dirname, '../modules/imports/fixtures');

/** One part of a multipart form: a field, or a file with its name (as a browser sends it). */
export type FormPart = [name: string, value: string] | [name: string, file: { name: string; bytes: Buffer | string; type?: string }];

/** A multipart body as a browser sends it, parts in the order given, by the platform's own encoder. */
export async function multipartBody(parts: readonly FormPart[]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([Buffer.from(value.bytes)], { type: value.type ?? 'application/octet-stream' }), value.name);
  }
  const request = new Request('https://news.example/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** Posts the Import page's form: the token first (as the page does), then the file, then `fields`. */
export async function postImport(
  t: TestApp,
  staff: Pick<StaffSession, 'cookie' | 'csrf'> | { cookie?: string; csrf?: string },
  file: { name: string; bytes: Buffer | string } | null,
  fields: Record<string, string> = {},
  options: { parts?: readonly FormPart[] } = {},
): Promise<LightMyRequestResponse> {
  const parts: FormPart[] = options.parts
    ? [...options.parts]
    : [
        ...(staff.csrf === undefined ? [] : [['_csrf', staff.csrf] as FormPart]),
        ...(file ? [['file', file] as FormPart] : []),
        ...Object.entries(fields),
      ];
  const body = await multipartBody(parts);
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/import',
    payload: body.payload,
    headers: { 'content-type': body.contentType, ...(staff.cookie ? { cookie: staff.cookie } : {}) },
  });
}

/** Waits for the node's import-run job to have nothing left to run. */
export function importsSettled(t: TestApp): Promise<void> {
  return t.deps.jobs.idle(IMPORT_RUN_JOB);
}

/** The upload and run files under DATA_DIR/imports (reports written by the CLI are not counted). */
export async function importFiles(t: TestApp): Promise<string[]> {
  const names = await readdir(path.join(t.config.dataDir, 'imports')).catch(() => [] as string[]);
  return names.filter((name) => /^(upload-.*\.part|run-.*\.export)$/.test(name));
}

export async function countImportRuns(t: TestApp): Promise<number> {
  const row = await t.deps.db
    .selectFrom('import_runs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
