import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.js';
import { assertMatchesOpenApi } from './openapi-validator.js';

/** A Content API key for tests, made as an admin would make it. */
export async function createApiKey(t: TestApp, name = 'Test partner'): Promise<string> {
  const { user } = await t.factories.staff({ role: 'admin' });
  return (await t.deps.apiKeys.create(name, user.id)).key;
}

/**
 * GET on the Content API with a key (`null`: none), every response checked against the OpenAPI
 * document, errors included, so the document cannot drift from what the API sends.
 */
export async function apiGet(t: TestApp, url: string, key: string | null, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const response = await t.app.inject({ method: 'GET', url, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
  assertMatchesOpenApi(url, response);
  return response;
}

/** The parsed body of a JSON response. */
export function body<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** The error code of a JSON error response. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  return (JSON.parse(response.body) as { errors?: Array<{ code: string }> }).errors?.[0]?.code;
}
