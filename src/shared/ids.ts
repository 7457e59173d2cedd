import { randomUUID } from 'node:crypto';

/** Ids are made by the application, never by the engine, so every database stores the same values. */
export function newId(): string {
  return randomUUID();
}
