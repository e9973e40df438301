import validator from 'validator';
import type { Detector } from '../../src/types.js';

const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** `1.2.3.4:8080` */
const IPV4_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
/** `[2001:db8::1]:443` */
const IPV6_BRACKET = /^\[([\da-f:.]{2,45})\](?::\d{1,5})?$/i;
const IPV6_SHAPE = /^[\da-f:.]{2,45}(?:%\w{1,16})?$/i;

/**
 * Value evidence for an IP address: 1 for a public or private address that validator accepts
 * (with or without a port), less for what is more likely something else: netmasks, addresses
 * with all-small parts (`1.2.0.3` is a version string more often than a host) and the
 * unspecified/loopback addresses that identify no one.
 */
export function ipScore(raw: string): number {
  const n = raw.length;
  if (n < 2) return 0;
  // A log line keyed by its client address (`203.0.113.7 - - [12/Mar/2026…] "GET /…"`): the line is that address's.
  if (n > 60 || /\s/.test(raw.trim())) return leadingIpScore(raw);
  const value = raw.trim();
  if (value.includes(':') || value.startsWith('[')) return ipv6Score(value);
  const v4 = IPV4_SHAPE.test(value) ? value : IPV4_PORT.exec(value)?.[1];
  return v4 === undefined ? 0 : ipv4Score(v4);
}

/** The score of the first word of a line, when that word is an IP address and more text follows. */
export function leadingIpScore(line: string): number {
  const text = line.trimStart();
  const space = text.search(/\s/);
  if (space < 2 || space > 60) return 0;
  const first = text.slice(0, space);
  return first.includes(' ') ? 0 : ipScore(first);
}

function ipv4Score(v: string): number {
  if (!validator.isIP(v, 4)) return 0;
  const parts = v.split('.').map(Number);
  const [a = 0, b = 0, c = 0, d = 0] = parts;
  // Netmasks and wildcard masks are configuration, not hosts.
  if (a === 255 || (a === 0 && b === 0 && c === 0) ) return 0;
  if (a === 127) return 0.3;
  // `1.0.2.3`, `2.4.1.0`: every part a single digit reads like a version number.
  if (a < 10 && b < 10 && c < 10 && d < 10) return 0.3;
  return 1;
}

function ipv6Score(value: string): number {
  const bracket = IPV6_BRACKET.exec(value);
  const v = bracket?.[1] ?? value;
  const v4 = IPV4_PORT.exec(v)?.[1];
  if (v4 !== undefined) return ipv4Score(v4);
  if (!IPV6_SHAPE.test(v) || !v.includes(':')) return 0;
  // A MAC address or a clock time has colons but no IPv6 shape that validator accepts.
  if (!validator.isIP(v, 6)) return 0;
  if (v === '::' || v === '::1') return 0.3;
  return 1;
}

export const ipAddress: Detector = {
  id: 'ip-address',
  category: 'ip_address',
  description: 'IP addresses',
  valueWeight: 0.8,
  match: ipScore,
  names: [
    { pattern: 'ip', weight: 0.9, lang: 'en' },
    { pattern: 'ip address', weight: 0.95, lang: 'en' },
    { pattern: 'ipaddr', weight: 0.95, lang: 'en' },
    { pattern: 'ip addr', weight: 0.95, lang: 'en' },
    { pattern: 'ipv4', weight: 0.9, lang: 'en' },
    { pattern: 'ipv6', weight: 0.9, lang: 'en' },
    { pattern: 'remote addr', weight: 0.95, lang: 'en' },
    { pattern: 'remote address', weight: 0.9, lang: 'en' },
    { pattern: 'remote host', weight: 0.7, lang: 'en' },
    { pattern: 'client ip', weight: 0.95, lang: 'en' },
    { pattern: 'client address', weight: 0.8, lang: 'en' },
    { pattern: 'source ip', weight: 0.9, lang: 'en' },
    { pattern: 'src ip', weight: 0.9, lang: 'en' },
    { pattern: 'user ip', weight: 0.95, lang: 'en' },
    { pattern: 'x forwarded for', weight: 0.95, lang: 'en' },
    { pattern: 'forwarded for', weight: 0.9, lang: 'en' },
    { pattern: 'ip adresse', weight: 0.95, lang: 'da' },
    { pattern: 'ipadresse', weight: 0.95, lang: 'da' },
    { pattern: 'ip adresse*', weight: 0.95, lang: 'de' },
    { pattern: 'ipadress', weight: 0.95, lang: 'sv' },
    { pattern: 'ip adres', weight: 0.95, lang: 'nl' },
    { pattern: 'adresse ip', weight: 0.95, lang: 'fr' },
    { pattern: 'direccion ip', weight: 0.95, lang: 'es' },
    // Dotted numbers that are versions, OIDs or network configuration.
    { pattern: 'version', weight: -0.95 },
    { pattern: 'ver', weight: -0.9 },
    { pattern: 'build', weight: -0.9 },
    { pattern: 'release', weight: -0.9 },
    { pattern: 'revision', weight: -0.9 },
    { pattern: 'oid', weight: -0.95 },
    { pattern: 'netmask', weight: -0.95 },
    { pattern: 'subnet*', weight: -0.9 },
    { pattern: 'mask', weight: -0.9 },
    { pattern: 'gateway', weight: -0.8 },
    { pattern: 'dns', weight: -0.8 },
    { pattern: 'nameserver', weight: -0.8 },
    { pattern: 'server', weight: -0.7 },
    { pattern: 'router', weight: -0.8 },
    { pattern: 'cidr', weight: -0.9 },
    { pattern: 'range', weight: -0.7 },
    { pattern: 'whitelist', weight: -0.6 },
    { pattern: 'allowlist', weight: -0.6 },
    { pattern: 'count', weight: -0.9 },
  ],
};
