import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { ipScore } from './ip-address.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: false, container: 'access_log' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), ':'.repeat(100_000), '1.'.repeat(50_000), '1:'.repeat(50_000), `[${'f:'.repeat(50_000)}]`, `${'1.1.1.1'.repeat(10_000)}`];

faker.seed(3);
const v4 = Array.from({ length: 30 }, () => faker.internet.ipv4());
const v6 = Array.from({ length: 30 }, () => faker.internet.ipv6());

describe('ipScore', () => {
  it('accepts IPv4 and IPv6 addresses, with or without a port', () => {
    for (const ip of [...v4.filter((a) => !a.startsWith('127.') && !a.startsWith('255.') && !a.startsWith('0.')), ...v6]) expect(ipScore(ip), ip).toBeGreaterThan(0);
    for (const ip of ['192.168.1.20', '10.0.0.1:8080', '2001:db8::1', '[2001:db8::1]:443', 'fe80::1%eth0', '::ffff:192.0.2.128', '85.191.12.4']) expect(ipScore(ip), ip).toBe(1);
  });

  it('doubts version-like, loopback and unspecified addresses', () => {
    expect(ipScore('1.2.3.4')).toBeLessThan(0.5);
    expect(ipScore('127.0.0.1')).toBeLessThan(0.5);
    expect(ipScore('::1')).toBeLessThan(0.5);
  });

  it.each(['255.255.255.0', '256.1.1.1', '1.2.3', '12:30:45', '00:1A:2B:3C:4D:5E', '2024.01.15', '1.2.3.4.5', 'abc', '10.0.19041.1'])('rejects %s', (v) => {
    expect(ipScore(v)).toBe(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      const r = ipScore(s);
      return r >= 0 && r <= 1;
    }));
    fc.assert(fc.property(fc.ipV4(), (ip) => ipScore(ip) >= 0));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      ipScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      ipScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('ip_address columns', () => {
  const addrs = ['85.191.12.4', '193.88.14.201', '62.107.33.9', '2a02:aa1:1034:6200::12', '80.62.117.45', '188.176.40.7', '91.100.2.15', '212.10.54.88'];

  it.each(['ip', 'ip_address', 'ipaddr', 'IPAddress', 'remote_addr', 'client_ip', 'x_forwarded_for', 'last_login_ip', 'ip_adresse'])('%s', (field) => {
    const v = column(field, addrs);
    expect(v.category).toBe('ip_address');
  });

  it('recognises a column of addresses without a name hint', () => {
    expect(column('col_7', addrs).category).toBe('ip_address');
  });

  it('is not a version column', () => {
    const versions = ['1.2.3.4', '2.0.1.0', '1.0.0.1', '3.1.4.1', '1.1.2.0', '2.2.2.2'];
    expect(has(column('version', versions), 'ip_address')).toBe(false);
    expect(has(column('app_version', addrs), 'ip_address')).toBe(false);
    expect(has(column('build', versions), 'ip_address')).toBe(false);
  });

  it('is not a netmask or a server setting', () => {
    expect(has(column('netmask', ['255.255.255.0', '255.255.0.0', '255.255.255.128']), 'ip_address')).toBe(false);
    expect(has(column('dns_server', addrs, false, 'network_config'), 'ip_address')).toBe(false);
  });

  it('does not read dotted numbers elsewhere as addresses', () => {
    expect(has(column('ref', ['1.2.3', '4.5.6', '7.8.9', '1.1.1', '2.2.2']), 'ip_address')).toBe(false);
    expect(has(column('zip', ['2100', '8000', '5000', '9000']), 'ip_address')).toBe(false);
  });
});

describe('access-log lines', () => {
  it('reads a line keyed by its client address as that address', () => {
    expect(ipScore('198.51.100.23 - - [12/Mar/2026:10:01:02 +0000] "GET /account HTTP/1.1" 200 512 "-" "Mozilla/5.0"')).toBe(1);
    expect(ipScore('2001:db8::7 - - [12/Mar/2026:10:01:02 +0000] "GET / HTTP/1.1" 200 1')).toBe(1);
  });
  it('does not read other text with numbers in it', () => {
    expect(ipScore('version 1.2.3.4 released')).toBe(0);
    expect(ipScore('GET /index.html from 198.51.100.23')).toBe(0);
  });
});
