import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { createSqliteFile } from '../support/databases.js';

/**
 * Labelling rule 4 through a whole scan: tables that describe only organisations hold no
 * personal data, whatever their columns look like; a table with a contact person's columns is
 * about people; and a phone column in a table that is neither is judged by its numbers.
 */
describe('organisation-only tables', () => {
  const db = createSqliteFile([
    `CREATE TABLE shippers (shipper_id INTEGER PRIMARY KEY, company_name TEXT, phone TEXT)`,
    `INSERT INTO shippers VALUES (1, 'Speedy Express', '(503) 555-9831'), (2, 'United Package', '(503) 555-3199'), (3, 'Federal Shipping', '(503) 555-9931')`,
    `CREATE TABLE offices (office_id INTEGER PRIMARY KEY, city TEXT, phone TEXT, address TEXT, email TEXT)`,
    `INSERT INTO offices VALUES (1, 'København', '+45 33 12 34 56', 'Vesterbrogade 1', 'kbh@firma.dk'), (2, 'Aarhus', '+45 86 86 55 75', 'Søndergade 2', 'aarhus@firma.dk'),
       (3, 'Odense', '+45 70 10 20 30', 'Vestergade 3', 'odense@firma.dk'), (4, 'Aalborg', '+45 89 67 52 51', 'Boulevarden 4', 'aalborg@firma.dk'),
       (5, 'Roskilde', '+45 46 45 95 63', 'Algade 5', 'roskilde@firma.dk'), (6, 'Vejle', '+45 62 39 11 63', 'Torvet 6', 'vejle@firma.dk')`,
    `CREATE TABLE butikker (id INTEGER PRIMARY KEY, navn TEXT, telefon TEXT)`,
    `INSERT INTO butikker VALUES (1, 'Butik City', '+45 33 12 34 56'), (2, 'Butik Syd', '+45 86 86 55 75'), (3, 'Butik Nord', '+45 70 10 20 30')`,
    `CREATE TABLE suppliers (supplier_id INTEGER PRIMARY KEY, company_name TEXT, contact_name TEXT, phone TEXT)`,
    `INSERT INTO suppliers VALUES (1, 'Exotic Liquids', 'Charlotte Cooper', '(171) 555-2222'), (2, 'Tokyo Traders', 'Yoshi Nagase', '(03) 3555-5011'), (3, 'Pavlova, Ltd.', 'Ian Devling', '(03) 444-2343')`,
    `CREATE TABLE call_log (id INTEGER PRIMARY KEY, caller_phone TEXT)`,
    `INSERT INTO call_log VALUES (1, '+45 20 12 34 56'), (2, '+45 31 22 33 44'), (3, '+45 40 55 66 77'), (4, '+45 51 23 45 67'), (5, '+45 60 70 80 90'), (6, '+45 22 33 44 55')`,
  ]);
  afterAll(() => db.remove());

  it('reports nothing personal in shippers, offices and shops', async () => {
    const inv = await scan({ sources: [`sqlite:${db.path}`] });
    const personal = (table: string) => inv.fields.filter((f) => f.location.container === `main.${table}` && f.personal).map((f) => f.location.field);
    expect(personal('shippers')).toEqual([]);
    expect(personal('offices')).toEqual([]);
    expect(personal('butikker')).toEqual([]);
    // A contact person makes suppliers a table about people (rule 4's exception).
    expect(personal('suppliers')).toEqual(expect.arrayContaining(['contact_name', 'phone']));
    // Neither about people nor an organisation: the numbers speak for themselves.
    expect(personal('call_log')).toEqual(['caller_phone']);
  });
});
