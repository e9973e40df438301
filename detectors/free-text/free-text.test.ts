import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/types.js';
import { identifierTextScore, personalTextScore, scanText } from './free-text.js';
import { catalogueColumn } from '../_shared/testing.js';

const ctx = { defaultCountry: 'DK' };
const column = catalogueColumn({ personContext: true, container: 'employees', sourceKind: 'files' });
const has = (v: FieldVerdict, category: string): boolean => v.categories.some((c) => c.category === category);

const ADVERSARIAL = [
  '0'.repeat(100_000), '@'.repeat(100_000), '.'.repeat(100_000), ' '.repeat(100_000), 'a@'.repeat(50_000), 'a @'.repeat(33_000),
  '1 '.repeat(50_000), '1.'.repeat(50_000), '+4'.repeat(50_000), `Dear ${'!'.repeat(99_990)}x`, `x ${'a'.repeat(40_000)}@${'b.'.repeat(30_000)}`,
  `${'word '.repeat(20_000)}`, `${'!'.repeat(50_000)}a ${'!'.repeat(49_990)}`,
];

faker.seed(2024);
const employeeNotes = [
  'Education includes a BA in psychology from Colorado State University in 1970.  She also completed "The Art of the Cold Call."  Nancy is a member of Toastmasters International.',
  'Andrew received his BTS commercial in 1974 and a Ph.D. in international marketing from the University of Dallas in 1981.  He is fluent in French and Italian.',
  'Janet has a BS degree in chemistry from Boston College (1984).  She has also completed a certificate program in food retailing management.',
  'Margaret holds a BA in English literature from Concordia College (1958) and an MA from the American Institute of Culinary Arts (1966).',
  'Steven Buchanan graduated from St. Andrews University, Scotland, with a BSC degree in 1976.  Upon joining the company he spent 6 months in an orientation program.',
  'Michael is a graduate of Sussex University (MA, economics, 1983) and the University of California at Los Angeles (MBA, marketing, 1986).',
  'Robert King served in the Peace Corps and traveled extensively before completing his degree in English at the University of Michigan in 1992.',
  'Laura received a BA in psychology from the University of Washington.  She has also completed a course in business French.',
  'Anne has a BA degree in English from St. Lawrence College.  She is fluent in French and German.',
];
const productDescriptions = Array.from({ length: 20 }, () => faker.commerce.productDescription());

describe('scanText', () => {
  it('finds contact details inside text', () => {
    expect(scanText('Please contact anna.k@example.dk about the invoice.', ctx)?.email).toBe(true);
    expect(scanText('Ring til kunden på +45 33 12 34 56 efter kl. 16', ctx)?.phone).toBe(true);
    expect(scanText('Customer called from (555) 123-4567, wants a refund', { defaultCountry: 'US' })?.phone).toBe(true);
    expect(scanText('Failed login for admin from 85.191.12.4 at 10:02', ctx)?.ip).toBe(true);
    expect(scanText('Kunden oplyste CPR 010190-1234 ved opringning', ctx)?.nationalId).toBe(true);
    expect(scanText('2024-01-01T10:00:00Z auth ok user=jdoe session=42', ctx)?.userKey).toBe(true);
  });

  it('finds people addressed or named', () => {
    expect(scanText('Dear Anna, thank you for your feedback', ctx)?.salutation).toBe(true);
    expect(scanText('Kontakt: Jens Hansen, indkøb', ctx)?.salutation).toBe(true);
    expect(scanText('Sehr geehrte Frau Müller, vielen Dank', ctx)?.salutation).toBe(true);
    expect(scanText('She joined the company in 1992 as a sales rep', ctx)?.pronoun).toBe(true);
  });

  it('finds text about or by a person without identifiers', () => {
    expect(scanText('Honestly the best soup I have had this winter.', ctx)?.firstPerson).toBe(true);
    expect(scanText('Wir haben unsere Bestellung nie erhalten.', ctx)?.firstPerson).toBe(true);
    expect(scanText('Husband is a board member at a supplier.', ctx)?.lifeWord).toBe(true);
    expect(scanText('Allergisch gegen Nüsse, bitte beim Catering beachten.', ctx)?.lifeWord).toBe(true);
    expect(scanText('Sygemeldt resten af ugen.', ctx)?.lifeWord).toBe(true);
    expect(scanText('Samarbejder tæt med Agnete i indkøb.', ctx)?.givenName).toBe(true);
  });

  it('does not take ordinary words, log text or user agents for a person', () => {
    for (const t of ['cache miss for product listing', 'background job finished in time', 'Please make sure the kind of pallet is right']) {
      const f = scanText(t, ctx);
      expect(f && (f.pronoun || f.firstPerson || f.lifeWord || f.givenName), t).toBe(false);
    }
    expect(scanText('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)', ctx)?.machine).toBe(true);
    expect(scanText('Wget/1.21.4 (linux-gnu) fetching', ctx)?.machine).toBe(true);
    expect(scanText('Open 24/7 except on public holidays', ctx)?.machine).toBe(false);
  });

  it('tells internal addresses (servers, most likely) from public ones', () => {
    expect(scanText('upstream 172.20.3.4:6379 timed out after 500 ms', ctx)).toMatchObject({ ip: false, internalIp: true });
    expect(scanText('Failed login for admin from 85.191.12.4 at 10:02', ctx)).toMatchObject({ ip: true, internalIp: false });
  });

  it('does not see identifiers in ordinary text', () => {
    const f = scanText('Delivered 12 boxes on 2024-03-01, price 1234.50 DKK, order 10248, version 1.2.3.4', ctx);
    expect(f).toMatchObject({ email: false, phone: false, ip: false, nationalId: false, userKey: false });
  });

  it('is undefined for short values and single words', () => {
    expect(scanText('short', ctx)).toBeUndefined();
    expect(scanText('a-very-long-token-without-any-spaces-at-all', ctx)).toBeUndefined();
  });

  it('never throws and stays in [0, 1] on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      const a = personalTextScore(s, ctx);
      const b = identifierTextScore(s, ctx);
      return a >= 0 && a <= 1 && b >= 0 && b <= 1;
    }));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 @.+-()aZ:='), maxLength: 300 }), (s) => personalTextScore(s, ctx) >= 0));
  });

  it('returns quickly on long adversarial strings', () => {
    // Warm up on short versions first: the first call into a library may compile its patterns.
    for (const w of ADVERSARIAL.map((a) => a.slice(0, 1000))) {
      personalTextScore(w, ctx);
      identifierTextScore(w, ctx);
    }
    for (const s of ADVERSARIAL) {
      const t0 = performance.now();
      personalTextScore(s, ctx);
      identifierTextScore(s, ctx);
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('free_text_personal columns', () => {
  it('Northwind employee notes are personal', () => {
    const v = column('Notes', employeeNotes);
    expect(v.category).toBe('free_text_personal');
  });

  it.each(['notes', 'comments', 'feedback', 'message', 'remarks', 'bemærkninger', 'kommentar', 'besked', 'notat', 'Nachricht', 'Bemerkung', 'meddelande', 'opmerking', 'commentaire'])(
    '%s with contact details in a person table',
    (field) => {
      const values = Array.from({ length: 20 }, (_, i) => (i % 2 ? `Please call ${faker.person.firstName()} back on +45 ${20 + i} 12 34 56 about the order.` : `Spoke with Anna about delivery; she prefers mornings. Ref ${i}.`));
      expect(column(field, values).category).toBe('free_text_personal');
    },
  );

  it('terse notes about an employee are personal', () => {
    const notes = ['Truckcertifikat fornyet.', 'Ønsker at gå ned i tid efter sommerferien.', 'Sygemeldt i 14 dage.', 'Barsel til 2027-05-24.', 'Fratræder med udgangen af måneden.', 'Prefers English.'];
    expect(column('notes', notes).category).toBe('free_text_personal');
  });

  it("a contact's interests are personal", () => {
    const interests = ['Interesseret i automatisering og rustfrie rør.', 'Interessiert an Pumpen und Wartungsverträgen.', 'Intresserad av vattenrening.', 'Keen on energy efficiency and service contracts.', 'Sailing, chess and jazz.'];
    expect(column('interests', interests, true, 'contacts').category).toBe('free_text_personal');
  });

  it('a phone number alone is not free text', () => {
    const phones = ['+45 33 12 34 56', '+45 20 30 40 50', '+45 70 10 20 30', '+45 22 33 44 55', '+45 40 50 60 70'];
    expect(column('details', phones, false, 'contact_points').category).toBe('phone');
  });

  it('comments with e-mails are personal even outside a person table', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 3 ? `Forwarded to ${faker.internet.email()} for follow-up on ticket ${i}` : 'No reply yet, will check again next week.'));
    expect(column('comments', values, false, 'tickets').category).toBe('free_text_personal');
  });

  it('log lines with IP addresses, e-mails or user names are personal', () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      i % 2 ? `2024-05-0${(i % 9) + 1}T10:00:0${i % 10}Z INFO login ok user=${faker.internet.username()} from ${faker.internet.ipv4()}` : `2024-05-01T10:00:00Z DEBUG cache warmed in ${i} ms`,
    );
    expect(column('line', lines, false, 'logs/app.log').category).toBe('free_text_personal');
  });

  it('log lines without identifiers are not', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `2024-05-01T10:00:${String(i).padStart(2, '0')}Z DEBUG worker ${i % 4} processed batch ${i * 17} in ${i} ms`);
    expect(has(column('line', lines, false, 'logs/worker.log'), 'free_text_personal')).toBe(false);
  });

  it('descriptions of things are not personal', () => {
    expect(has(column('description', productDescriptions, false, 'products'), 'free_text_personal')).toBe(false);
    expect(has(column('Description', ['Soft drinks, coffees, teas, beers, and ales', 'Sweet and savory sauces, relishes, spreads, and seasonings', 'Desserts, candies, and sweet breads', 'Cheeses', 'Breads, crackers, pasta, and cereal', 'Prepared meats', 'Dried fruit and bean curd', 'Seaweed and fish'], false, 'categories'), 'free_text_personal')).toBe(false);
    expect(has(column('territory_description', ['Westboro', 'Bedford', 'Georgetown', 'Boston', 'Cambridge']), 'free_text_personal')).toBe(false);
  });

  it('address lines are not free text', () => {
    expect(has(column('address_line_1', Array.from({ length: 20 }, () => `${faker.location.streetAddress()}, ${faker.location.city()}`)), 'free_text_personal')).toBe(false);
  });

  it('a note-like name needs text that is about someone: canned log messages are not', () => {
    const canned = ['job queue drained', 'session store flushed', 'webhook delivered', 'search index rebuilt', 'invoice pdf rendered', 'feature flag evaluated'];
    const messages = Array.from({ length: 300 }, (_, i) => canned[i % canned.length] as string);
    expect(has(column('message', messages, true, 'logs/api-2024-06-01.log'), 'free_text_personal')).toBe(false);
    expect(has(column('msg', messages, false, 'logs/api-2024-06-01.log'), 'free_text_personal')).toBe(false);
  });

  it('user agents next to comments are not comments', () => {
    const agents = Array.from({ length: 40 }, () => faker.internet.userAgent());
    expect(has(column('comment_agent', agents, true, 'blog_comments'), 'free_text_personal')).toBe(false);
    expect(has(column('comment', agents, true, 'blog_comments'), 'free_text_personal')).toBe(false);
    for (const a of agents) expect(personalTextScore(a, ctx), a).toBe(0);
  });

  it('a CRM description that holds notes about the contact is personal', () => {
    const notes = ['Out on paternity leave until March, ask his assistant.', 'Allergic to shellfish - note for the client lunch.', 'Husband is a board member at a supplier.', 'Tried twice, no answer; try again Friday.'];
    const values = Array.from({ length: 120 }, (_, i) => notes[i % notes.length] as string);
    expect(column('Description', values, true, 'Contact').category).toBe('free_text_personal');
  });

  it('a log of internal endpoints is not personal; one of visitors is', () => {
    const ops = Array.from({ length: 200 }, (_, i) => (i % 3 ? `2024-06-0${(i % 9) + 1}T02:00:00Z INFO  rollout step ${i} healthy` : `2024-06-01T02:00:00Z WARN  upstream 10.${i % 4}.2.${i % 200}:6379 slow (${300 + i} ms)`));
    expect(has(column('line', ops, false, 'ops/rollout.log'), 'free_text_personal')).toBe(false);
    const visitors = Array.from({ length: 200 }, (_, i) => (i % 3 ? `2024-06-01T02:00:00Z INFO  login ok from 85.191.${i % 250}.${(i * 7) % 250}` : `2024-06-01T02:00:00Z INFO  rollout step ${i} healthy`));
    expect(column('line', visitors, false, 'logs/auth.log').category).toBe('free_text_personal');
  });
});

describe('access-log lines', () => {
  it('leaves a line keyed by its client address to the IP detector', () => {
    const line = '198.51.100.23 - - [12/May/2024:13:23:39 +0000] "GET /account HTTP/1.1" 200 86947 "-" "Mozilla/5.0"';
    expect(identifierTextScore(line, { defaultCountry: 'DK' })).toBeLessThan(0.5);
    expect(identifierTextScore('198.51.100.23 login failed for jens.hansen@firma.dk', { defaultCountry: 'DK' })).toBe(1);
  });
});
