import assert from 'node:assert/strict';
import { AppError, type ErrorCode } from '../shared/errors.js';

/** Asserts that `work` rejects with a coded AppError; tests assert codes, never wording. */
export async function rejectsWithCode(work: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}
