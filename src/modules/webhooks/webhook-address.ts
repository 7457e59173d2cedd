import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/**
 * Addresses a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE=1: loopback, private networks,
 * link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, multicast and the
 * unspecified address. Otherwise anyone with the newsroom's integrations permission could make
 * the server poke services that are only reachable from inside.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  // IPv4-mapped and IPv4-translated addresses: refused as a whole rather than decoded.
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** An absolute http(s) URL of at most 2,000 characters, without credentials; otherwise undefined. */
export function parseWebhookUrl(raw: string): URL | undefined {
  if (raw.length === 0 || raw.length > MAX_WEBHOOK_URL_LENGTH || /\s/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || !url.hostname || url.href.length > MAX_WEBHOOK_URL_LENGTH) return undefined;
  return url;
}

export type AddressCheck = { ok: true } | { ok: false; reason: 'private' | 'unresolvable' };

/**
 * Whether the URL's host is a public address. Every address the name resolves to must be public:
 * a name with one public and one private address could otherwise be sent to the private one.
 */
export async function checkPublicHost(url: URL): Promise<AddressCheck> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPrivateAddress(host) ? { ok: false, reason: 'private' } : { ok: true };
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return { ok: false, reason: 'unresolvable' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  return addresses.some((entry) => isPrivateAddress(entry.address)) ? { ok: false, reason: 'private' } : { ok: true };
}
