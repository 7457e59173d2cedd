import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { CACHE_CONTROL } from '../http/cache-control.js';

const JSON_TYPE = 'application/json; charset=utf-8';
/** Answers differ by key (rate limits, revocation): a cache must never serve one key's answer to another. */
export const API_VARY = 'Authorization, X-Api-Key';
/** The rate limit's window: waiting this long always frees the key's allowance. */
const RETRY_AFTER_SECONDS = 60;

/**
 * `{ errors: [{ code, message }] }` with the error's status; never stored. The message is the
 * catalogue's, or for the API's own codes the detail that names the parameter or field at fault.
 */
export function sendApiError(reply: FastifyReply, error: AppError, status = error.status): FastifyReply {
  const message = error.code.startsWith('ERR_API_') ? error.message : error.publicMessage;
  reply.header('x-error-code', error.code).header('cache-control', CACHE_CONTROL.noStore).header('vary', API_VARY).type(JSON_TYPE);
  if (error.code === 'ERR_API_RATE_LIMITED') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(status).send(JSON.stringify({ errors: [{ code: error.code, message }] }));
}

/** The key from `Authorization: Bearer …` or `X-Api-Key`; undefined when neither is sent. */
export function presentedApiKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    // Another scheme (Basic…) is not a key of ours: say so rather than "missing".
    return match?.[1] ?? 'not-a-bearer-key';
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}
