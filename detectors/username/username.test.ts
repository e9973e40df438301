import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { username, usernameScore } from './username.js';
import { catalogueColumn } from '../_shared/testing.js';

const column = catalogueColumn({ personContext: true, container: 'users' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), 'a@'.repeat(50_000), 'a.'.repeat(50_000), 'a_'.repeat(50_000), `${'a'.repeat(99_999)}!`, `@${'a'.repeat(99_999)}`];

faker.seed(42);
const logins = Array.from({ length: 40 }, () => faker.internet.username());

describe('usernameScore', () => {
  it.each(['jdoe', 'anna.k', 'user_123', 'j-hansen', 'Mike42', 'DOMAIN\\jdoe', '@anna_k', 'søren.k'])('accepts %s', (v) => {
    expect(usernameScore(v)).toBe(1);
  });

  it.each(['123456', 'anna@example.dk', '550e8400-e29b-41d4-a716-446655440000', 'd41d8cd98f00b204e9800998ecf8427e', '2024-01-01', 'Anna Hansen', 'x', 'null', 'true', ''])(
    'rejects %s',
    (v) => {
      expect(usernameScore(v)).toBe(0);
    },
  );

  it('accepts faker user names', () => {
    expect(logins.filter((l) => usernameScore(l) === 1).length).toBeGreaterThanOrEqual(38);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => {
      const r = usernameScore(s);
      return r >= 0 && r <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      usernameScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      usernameScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('username columns', () => {
  it.each(['username', 'user_name', 'UserName', 'login', 'login_id', 'loginname', 'brugernavn', 'Benutzername', 'användarnamn', 'brukernavn', 'gebruikersnaam', 'nom_utilisateur', 'usuario', 'handle', 'screen_name', 'nickname'])(
    '%s',
    (field) => {
      const v = column(field, logins);
      expect(v.category).toBe('username');
      expect(v.categories[0]?.detector).toBe('username');
    },
  );

  it('is an e-mail column when the logins are e-mail addresses', () => {
    const emails = Array.from({ length: 30 }, (_, i) => `user${i}@example.com`);
    expect(column('login', emails).category).toBe('email');
  });

  it('is not a column of numeric ids or UUIDs', () => {
    const ids = Array.from({ length: 30 }, (_, i) => String(1000 + i));
    const uuids = Array.from({ length: 30 }, () => faker.string.uuid());
    expect(has(column('user_id', ids), 'username')).toBe(false);
    expect(has(column('user_id', uuids), 'username')).toBe(false);
  });

  it('is not a fact about a login', () => {
    const times = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`);
    expect(has(column('last_login', times), 'username')).toBe(false);
    expect(has(column('login_count', times.map((_, i) => String(i))), 'username')).toBe(false);
    expect(has(column('user_agent', ['Mozilla/5.0', 'curl/8.0', 'Safari', 'Chrome', 'Edge']), 'username')).toBe(false);
  });

  it('needs a name: short tokens are everywhere', () => {
    expect(username.requiresName).toBe(true);
    expect(has(column('sku', logins, false, 'products'), 'username')).toBe(false);
    expect(has(column('code', logins), 'username')).toBe(false);
  });

  it('keeps `user` and `handle` to containers about people', () => {
    expect(has(column('handle', logins, false, 'shipments'), 'username')).toBe(false);
  });

  it('is not how, where or when someone logs in', () => {
    const methods = ['password', 'sso', 'password', 'magic_link', 'sso', 'passkey', 'password', 'oauth_google'];
    expect(has(column('login_method', methods), 'username')).toBe(false);
    expect(has(column('login_provider', ['google', 'github', 'azuread', 'google', 'okta', 'github']), 'username')).toBe(false);
    expect(has(column('login_status', ['ok', 'locked', 'ok', 'expired', 'ok', 'pending']), 'username')).toBe(false);
    expect(has(column('login_source', ['web', 'ios', 'android', 'web', 'api', 'web']), 'username')).toBe(false);
    expect(has(column('login_ip', ['10.0.4.17', '192.168.1.20', '172.16.0.9', '10.0.4.18']), 'username')).toBe(false);
    // …while the login itself, next to them, still is one.
    expect(column('login', logins).category).toBe('username');
  });
});
