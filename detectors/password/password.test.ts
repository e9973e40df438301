import { createHash, pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField, type ClassifyOptions, type ContainerContext } from '../../src/engine/classify.js';
import type { FieldVerdict, Location } from '../../src/types.js';
import { builtinDetectors } from '../index.js';
import { hashKind, hashScore, password, passwordHash, plaintextPasswordScore } from './password.js';
import { catalogueColumn } from '../_shared/testing.js';

const at = (container: string, field: string): Location => ({ source: 't', sourceKind: 'sqlite', container, containerType: 'table', field });
const options: ClassifyOptions = { detectors: builtinDetectors, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
const column = catalogueColumn({ personContext: true, container: 'users' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = ['0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), '$'.repeat(100_000), `$2b$10$${'a'.repeat(99_990)}`, `$argon2id$${'m=1,'.repeat(25_000)}`, `{SSHA}${'='.repeat(99_990)}`, `${'a:'.repeat(50_000)}`, 'f'.repeat(100_000)];

faker.seed(7);
const plaintext = Array.from({ length: 30 }, () => faker.internet.password({ length: faker.number.int({ min: 6, max: 16 }) }));
const b64 = (b: Buffer): string => b.toString('base64url').replace(/-/g, '+').replace(/_/g, '/');
const crypt64 = (n: number): string => faker.string.fromCharacters('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', n);
const salt = randomBytes(16);

/** Realistic stored hashes, one per format; synthetic inputs only. */
const HASHES: readonly (readonly [string, string])[] = [
  [`$2b$12$${crypt64(53)}`, 'bcrypt'],
  [`$2a$10$${crypt64(53)}`, 'bcrypt'],
  [`$2y$10$${crypt64(53)}`, 'bcrypt'],
  [`$argon2id$v=19$m=65536,t=3,p=4$${b64(salt)}$${b64(randomBytes(32))}`, 'argon2'],
  [`$argon2i$v=19$m=4096,t=3,p=1$${b64(salt)}$${b64(randomBytes(32))}`, 'argon2'],
  [`$scrypt$ln=16,r=8,p=1$${b64(salt)}$${b64(scryptSync('pw', salt, 32))}`, 'scrypt'],
  [`pbkdf2_sha256$600000$${crypt64(22)}$${pbkdf2Sync('pw', salt, 1000, 32, 'sha256').toString('base64')}`, 'pbkdf2'],
  [`pbkdf2:sha256:260000$${crypt64(16)}$${pbkdf2Sync('pw', salt, 1000, 32, 'sha256').toString('hex')}`, 'pbkdf2'],
  [`$5$rounds=5000$${crypt64(16)}$${crypt64(43)}`, 'sha-crypt'],
  [`$6$${crypt64(16)}$${crypt64(86)}`, 'sha-crypt'],
  [`$1$${crypt64(8)}$${crypt64(22)}`, 'md5-crypt'],
  [`$P$B${crypt64(30)}`, 'phpass'],
  [`{SSHA}${createHash('sha1').update('pw').digest('base64')}`, 'ldap'],
  [`*${createHash('sha1').update('pw').digest('hex').toUpperCase()}`, 'mysql'],
  [createHash('md5').update('pw').digest('hex'), 'hex-digest'],
  [createHash('sha1').update('pw').digest('hex'), 'hex-digest'],
  [createHash('sha256').update('pw').digest('hex'), 'hex-digest'],
  [createHash('sha512').update('pw').digest('hex'), 'hex-digest'],
  [`${createHash('sha1').update('pw').digest('hex')}:${crypt64(8)}`, 'hex-digest'],
  [createHash('sha256').update('pw2').digest('base64'), 'base64-digest'],
];

describe('hashKind', () => {
  it.each(HASHES)('%s is %s', (value, kind) => {
    expect(hashKind(value)).toBe(kind);
  });

  it('says plaintext is not a hash', () => {
    for (const p of [...plaintext, 'hunter2', 'Password123!', 'correct horse battery staple', 'sommer2024']) expect(hashKind(p), p).toBeUndefined();
  });

  it('scores every recognised format', () => {
    for (const [h] of HASHES) expect(hashScore(h), h).toBe(1);
  });
});

describe('plaintextPasswordScore', () => {
  it('accepts anything short that is not a hash, a flag or a date', () => {
    for (const p of plaintext) expect(plaintextPasswordScore(p), p).toBe(1);
    for (const v of ['true', 'f', '0', '2024-01-01', '2024-01-01T10:00:00Z', 'ab', ...HASHES.map(([h]) => h)]) expect(plaintextPasswordScore(v), v).toBe(0);
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const a = plaintextPasswordScore(s);
      const b = hashScore(s);
      return a >= 0 && a <= 1 && b >= 0 && b <= 1;
    }));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      plaintextPasswordScore(w);
      hashScore(w);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      plaintextPasswordScore(s);
      hashScore(s);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('password columns', () => {
  const bcrypts = Array.from({ length: 20 }, () => `$2b$12$${crypt64(53)}`);
  const sha1s = Array.from({ length: 20 }, (_, i) => createHash('sha1').update(`pw${i}`).digest('hex'));

  it.each(['password', 'passwd', 'pwd', 'adgangskode', 'kodeord', 'Passwort', 'Kennwort', 'lösenord', 'passord', 'wachtwoord', 'mot_de_passe', 'contraseña', 'userPassword'])(
    'plaintext in %s is `password` by the plaintext detector',
    (field) => {
      const v = column(field, plaintext);
      expect(v.category).toBe('password');
      expect(v.categories[0]?.detector).toBe('password');
    },
  );

  it.each(['password', 'password_hash', 'pw_hash', 'encrypted_password', 'passwordDigest', 'secret'])('hashes in %s are `password` by the hash detector', (field) => {
    const v = column(field, bcrypts);
    expect(v.category).toBe('password');
    expect(v.categories[0]?.detector).toBe('password-hash');
  });

  it('finds a Sakila-style SHA-1 password column', () => {
    expect(column('password', sha1s, true, 'staff').categories[0]?.detector).toBe('password-hash');
  });

  it('needs a password word in the name, even for bcrypt', () => {
    expect(passwordHash.requiresName).toBe(true);
    expect(has(column('col_7', bcrypts), 'password')).toBe(false);
  });

  it('finds a single stored digest in a two-row staff table (Sakila)', () => {
    expect(column('password', [sha1s[0] ?? ''], true, 'staff').categories[0]?.detector).toBe('password-hash');
  });

  it('reports a binary password column as hashes, not plaintext', () => {
    const heads = Array.from({ length: 6 }, (_, i) => new Uint8Array(32).fill(i + 1));
    const ctx: ContainerContext = { name: 'people', fieldNames: ['HashedPassword'], personContext: true };
    const v = classifyField(at('people', 'HashedPassword'), 'varbinary', { rows: 6, values: [], binaryHeads: heads }, ctx, options);
    expect(v.category).toBe('password');
    expect(v.categories[0]?.detector).toBe('password-hash');
  });

  it('does not take a salt for a password', () => {
    const salts = ['bE3XiWw=', 'EjJaC3U=', '8ol4LPA=', 'Y7w7oyM=', '1KEKzBs=', 'Zq1a9Xc='];
    expect(has(column('passwordsalt', salts), 'password')).toBe(false);
    expect(has(column('password_salt', salts), 'password')).toBe(false);
  });

  it('does not take a checksum or a token for a password', () => {
    expect(has(column('checksum', sha1s, false, 'files'), 'password')).toBe(false);
    expect(has(column('file_hash', sha1s, false, 'files'), 'password')).toBe(false);
    expect(has(column('etag', sha1s, false, 'files'), 'password')).toBe(false);
  });

  it('ignores facts about a password', () => {
    expect(password.requiresName).toBe(true);
    const dates = Array.from({ length: 20 }, (_, i) => `2024-02-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`);
    expect(has(column('password_changed_at', dates), 'password')).toBe(false);
    expect(has(column('password_reset_expires', dates), 'password')).toBe(false);
    expect(has(column('must_change_password', dates.map((_, i) => (i % 2 ? 'true' : 'false'))), 'password')).toBe(false);
    expect(has(column('password_reset_token', sha1s), 'password')).toBe(false);
  });

  it('masks the evidence completely', () => {
    const v = column('password', plaintext);
    for (const e of v.categories[0]?.evidence.examples ?? []) expect(e).toBe('********');
  });
});
