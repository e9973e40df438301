import { Faker, base, en } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { classifyColumn, HOSTILE, share } from '../_shared/names/testing.js';
import { jobTitleScore } from './job-title.js';

describe('job-title values', () => {
  it.each([
    // English
    ['Senior Software Engineer'], ['Sales Manager'], ['Head of Marketing'], ['Sales Support Agent'], ['Owner'],
    ['Marketing Assistant'], ['Vice President, Sales'], ['Inside Sales Coordinator'], ['Chief Executive Officer'],
    ['VP Marketing'], ['Accountant'], ['Stock Clerk'], ['Production Technician - WC60'], ['Data Protection Officer'],
    // Danish, Norwegian
    ['Salgschef'], ['Administrerende direktør'], ['IT-konsulent'], ['Økonomichef'], ['Projektleder'],
    ['Kundeservicemedarbejder'], ['Sygeplejerske'], ['Daglig leder'], ['Rådgiver'],
    // German, Swedish, Dutch, French, Spanish
    ['Geschäftsführer'], ['Vertriebsleiter'], ['Sachbearbeiterin Einkauf'], ['Softwareentwickler'],
    ['Projektledare'], ['Säljare'], ['Verkställande direktör'], ['Medewerker klantenservice'],
    ['Chef de projet'], ['Directeur commercial'], ['Jefe de ventas'], ['Gerente general'],
  ])('accepts %s', (v) => expect(jobTitleScore(v)).toBeGreaterThanOrEqual(0.6));

  it.each([
    ['Master of Puppets'], ['For Those About To Rock We Salute You'], ['Let There Be Rock'], ['The Doctor'],
    ['The Godfather'], ["Chef Anton's Cajun Seasoning"], ['Led Zeppelin'], ['Nancy Davolio'], ['Apple Inc.'],
    ['Speedy Express'], ['Sales'], ['Marketing'], ['Human Resources'], ['Mr.'], ['12345'], ['ROLE_ADMIN'],
    ['Beverages'], ['Uncle Bob’s Organic Dried Pears'], [''],
  ])('refuses %s', (v) => expect(jobTitleScore(v)).toBeLessThan(0.5));

  it('scores lower-case auth roles low', () => {
    expect(jobTitleScore('admin')).toBeLessThan(0.5);
    expect(jobTitleScore('owner')).toBeLessThan(0.5);
    expect(jobTitleScore('editor')).toBeLessThan(0.5);
  });

  it('finds titles it was never shown (synthetic, faker with a fixed seed)', () => {
    const f = new Faker({ locale: [en, base] });
    f.seed(3);
    const titles = Array.from({ length: 300 }, () => f.person.jobTitle());
    expect(share(titles, jobTitleScore)).toBeGreaterThan(0.8);
  });

  it('runs in linear time on hostile input', () => {
    for (const v of HOSTILE) {
      const t = performance.now();
      jobTitleScore(v);
      expect(performance.now() - t).toBeLessThan(50);
    }
  });
});

describe('job-title columns', () => {
  const titles = ['Sales Representative', 'Vice President, Sales', 'Sales Manager', 'Inside Sales Coordinator', 'Owner', 'Marketing Manager', 'Order Administrator', 'Accounting Manager'];
  it.each([['job_title'], ['JobTitle'], ['stilling'], ['Berufsbezeichnung'], ['befattning'], ['functie'], ['cargo'], ['designation'], ['occupation'], ['contact_title']])(
    'finds %s',
    (field) => expect(classifyColumn(field, titles, { personContext: true }).category).toBe('job_title'),
  );
  it('reads `title` as a job title in a person table only', () => {
    expect(classifyColumn('title', titles, { personContext: true, container: 'employee' }).category).toBe('job_title');
    const albums = ['For Those About To Rock We Salute You', 'Balls to the Wall', 'Restless and Wild', 'Let There Be Rock', 'Big Ones', 'Jagged Little Pill', 'Facelift', 'Master of Puppets'];
    expect(classifyColumn('title', albums, { container: 'album' }).personal).toBe(false);
  });
  it('finds a lookup of titles by its values', () => {
    const employeeTitles = ['Senior Engineer', 'Staff', 'Engineer', 'Technique Leader', 'Assistant Engineer', 'Senior Staff', 'Manager'];
    expect(classifyColumn('title', employeeTitles, { container: 'titles' }).category).toBe('job_title');
  });
  it('leaves courtesy titles to gender', () => {
    expect(classifyColumn('title_of_courtesy', ['Ms.', 'Dr.', 'Mrs.', 'Mr.', 'Ms.'], { personContext: true }).category).toBe('gender');
    expect(classifyColumn('title', ['Mr.', 'Ms.', 'Mr.', 'Mrs.', 'Ms.', 'Mr.'], { personContext: true }).category).toBe('gender');
  });
  it('does not read auth roles as job titles', () => {
    expect(classifyColumn('role', ['admin', 'user', 'user', 'editor', 'viewer', 'admin', 'user'], { personContext: true }).personal).toBe(false);
  });
});
