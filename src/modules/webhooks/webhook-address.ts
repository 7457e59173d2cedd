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

/** One address a host name resolves to, as `dns.lookup` gives it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has; injectable so tests decide what a name resolves to. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export type AddressCheck = { ok: true } | { ok: false; reason: 'private' | 'unresolvable' };

/** Where a delivery may connect: the addresses that were checked, never a second look-up's answer. */
export type DeliveryTarget = { ok: true; addresses: [ResolvedAddress, ...ResolvedAddress[]] } | { ok: false; reason: 'private' | 'unresolvable' };

/**
 * Resolves the URL's host once: the addresses a delivery may connect to. Every address the name
 * resolves to must pass `isRefused` (by default: not private): a name with one public and one
 * private address could otherwise be sent to the private one. The caller connects to the returned
 * addresses only (webhook-transport.ts), so a name whose answer changes between the check and the
 * connection (DNS rebinding) cannot lead the request inside.
 */
export async function resolveDeliveryTarget(
  url: URL,
  resolve: Resolver = systemResolver,
  isRefused: (address: string) => boolean = isPrivateAddress,
): Promise<DeliveryTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  if (literal)
    return isRefused(host) ? { ok: false, reason: 'private' } : { ok: true, addresses: [{ address: host, family: literal === 6 ? 6 : 4 }] };
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: 'unresolvable' };
  }
  const [first, ...others] = addresses;
  if (!first) return { ok: false, reason: 'unresolvable' };
  if (addresses.some((entry) => isRefused(entry.address))) return { ok: false, reason: 'private' };
  return { ok: true, addresses: [first, ...others] };
}

/** Whether the URL's host is a public address: the check when a webhook is saved (each send resolves anew, above). */
export async function checkPublicHost(url: URL, resolve: Resolver = systemResolver): Promise<AddressCheck> {
  const target = await resolveDeliveryTarget(url, resolve);
  return target.ok ? { ok: true } : { ok: false, reason: target.reason };
}
