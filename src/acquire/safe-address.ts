import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which network addresses newsdesk may fetch from: public unicast only. Loopback, private (RFC 1918,
 * unique-local), link-local (and so cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * broadcast, unspecified and reserved ranges are refused, in IPv4 and IPv6, IPv4-mapped and the
 * other IPv6 forms of IPv4 included. The ranges come from ipaddr.js, a well-kept library, rather
 * than hand-written masks. The check happens before connecting, and the connection is made to the
 * address that was checked (see {@link checkedLookup}), so a name that resolves differently the
 * second time (DNS rebinding) cannot slip through.
 */

/**
 * Why an address may not be fetched from, or null when it may.
 * @example addressRefusal('10.0.0.7') // 'a private address (10.0.0.7)'
 * @example addressRefusal('93.184.216.34') // null
 */
export function addressRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) return `not an IP address (${address})`;
  let ip = ipaddr.parse(address);
  // "::ffff:127.0.0.1" and friends are the IPv4 address they carry.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === 'unicast') return null;
  return `${RANGE_NAMES[range] ?? `a ${range} address`} (${address})`;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address',
};

/** A refused address: the error a fetch fails with, before any connection is made. */
export class AddressRefusedError extends Error {
  /** Node's error code shape, so that the fetch error names it. */
  readonly code = 'EADDRREFUSED';
  constructor(host: string, reason: string) {
    super(`${host} resolves to ${reason}; fetching internal hosts needs FETCH_ALLOW_PRIVATE=true`);
  }
}

/**
 * A DNS lookup for sockets that resolves the host once, refuses it when any of its addresses is not
 * public, and hands the socket exactly the addresses it checked.
 * @param allowPrivate - FETCH_ALLOW_PRIVATE: internal hosts are allowed (tests on loopback)
 */
export function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivate ? null : list.map((a) => addressRefusal(a.address)).find((r) => r !== null);
      if (refused) return callback(new AddressRefusedError(hostname, refused) as unknown as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}
