import { AppError, type ErrorCode } from '../../shared/errors.js';

/**
 * A multipart field's value as busboy handed it (`part.fields`), before the body is flattened: how
 * an upload's `onFile` reads the CSRF token sent ahead of the file.
 */
export function multipartFieldValue(fields: unknown, name: string): unknown {
  const entry: unknown = typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>)[name] : undefined;
  return typeof entry === 'object' && entry !== null && 'value' in entry ? entry.value : undefined;
}

/**
 * The multipart plugin's own errors as coded refusals: a limit on parts, files or fields (its 413s)
 * is `overLimit`, anything else while the body was read is a broken body, other 4xx a bad request.
 */
export function multipartRefusal(error: unknown, whileReading: boolean, overLimit: ErrorCode): unknown {
  if (error instanceof AppError) return error;
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 500;
  if (status === 413) return new AppError(overLimit);
  if (whileReading) return new AppError('ERR_MULTIPART_MALFORMED');
  if (status >= 400 && status < 500) return new AppError('ERR_BAD_REQUEST');
  return error;
}
