/**
 * An absolute http(s) address with a host and nothing a person could not have typed (no spaces
 * or control characters): the old site's address given to an import (`--site-url`, the Import page).
 */
export function isWebAddress(address: string): boolean {
  if (/[\s\p{Cc}\\]/u.test(address)) return false;
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
