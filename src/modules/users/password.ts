import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// @node-rs/argon2's `Algorithm` is an ambient const enum, which `isolatedModules` cannot read; its
// default is Argon2id, and a test asserts every stored hash starts with `$argon2id$`. The library's
// defaults (19 MiB, 2 passes, 1 lane) are OWASP's recommended minimum for argon2id.

/** Hashes a password with argon2id and a random salt; the result carries its own parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches `passwordHash`; a malformed stored hash is a mismatch, not a crash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// No look-alike characters (0/O, 1/l/I), so a password read off a terminal is typed right.
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password for a new account (first admin, CLI): 20 characters ≈ 116 bits. */
export function generatePassword(length = 20): string {
  let password = '';
  for (let i = 0; i < length; i++) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}
