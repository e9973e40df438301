import type { Detector } from '../../src/types.js';
import { currentYear, parseDate } from '../date-of-birth/dates.js';

/** `45000`, `45000.00`, `45.000,50`, `DKK 45,000`, `€ 3.200`, `45000 kr.`, `0.15`, `15 %` */
const AMOUNT = /^(?:(?:kr|dkk|sek|nok|eur|usd|gbp|chf|isk|pln)\.?\s?|[$€£¥]\s?)?\d{1,3}(?:[.,' ]?\d{3})*(?:[.,]\d{1,4})?\s?(?:[%$€£¥]|(?:kr|dkk|sek|nok|eur|usd|gbp|chf|isk|pln)\.?)?$/i;
/** `2019-2021`, `2019 – 2023`, `1998-present` */
const YEAR_SPAN = /^((?:19|20)\d\d)\s?[-–]\s?(?:(?:19|20)\d\d|present|now|nu|heute|idag|nå|heden|aujourd'hui|actual)$/i;

/** Words for the kind of employment, in the languages pdmap reads names in. */
const EMPLOYMENT_TERMS = new Set([
  'full-time', 'full time', 'fulltime', 'part-time', 'part time', 'parttime', 'permanent', 'temporary', 'contract',
  'contractor', 'freelance', 'intern', 'internship', 'seasonal', 'hourly', 'salaried', 'fixed-term', 'fixed term',
  'fuldtid', 'deltid', 'fastansat', 'fast', 'timelønnet', 'vikar', 'elev', 'lærling', 'heltid', 'fast anställd',
  'visstid', 'provanställning', 'vollzeit', 'teilzeit', 'befristet', 'unbefristet', 'festanstellung', 'minijob',
  'voltijd', 'deeltijd', 'vast', 'tijdelijk', 'temps plein', 'temps partiel', 'cdi', 'cdd', 'intérim', 'interim',
  'tiempo completo', 'tiempo parcial', 'indefinido', 'temporal',
]);

/**
 * Value evidence for employment data: a date in a working life (hire, termination), an amount
 * (salary, commission rate), a span of years, or a word for the kind of employment. These
 * values are everywhere, so the detector only reports with a name hint.
 */
export function employmentScore(value: string): number {
  if (value.length > 40) return 0;
  const d = parseDate(value);
  if (d) {
    const now = currentYear();
    if (d.year < 1940 || d.year > now + 5) return 0;
    return d.clockTime ? 0.5 : 1;
  }
  if (AMOUNT.test(value)) return /\d/.test(value) ? 1 : 0;
  const span = YEAR_SPAN.exec(value);
  if (span) return Number(span[1]) <= currentYear() ? 1 : 0;
  return EMPLOYMENT_TERMS.has(value.trim().toLowerCase()) ? 1 : 0;
}

export const employment: Detector = {
  id: 'employment',
  category: 'hire_date_or_employment',
  description: 'hire dates, employment periods and pay',
  requiresName: true,
  valueWeight: 0.2,
  match: employmentScore,
  names: [
    // Hire and termination dates
    { pattern: 'hire date', weight: 0.95, lang: 'en' },
    { pattern: 'date hired', weight: 0.95, lang: 'en' },
    { pattern: 'hired', weight: 0.85, lang: 'en' },
    { pattern: 'hired on', weight: 0.9, lang: 'en' },
    { pattern: 'hiredate', weight: 0.95, lang: 'en' },
    { pattern: 'hire dt', weight: 0.95, lang: 'en' },
    { pattern: 'hire', weight: 0.8, lang: 'en' },
    { pattern: 'doh', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'term date', weight: 0.75, lang: 'en', when: 'person-context' },
    { pattern: 'term dt', weight: 0.75, lang: 'en', when: 'person-context' },
    { pattern: 'termination dt', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'employment start', weight: 0.9, lang: 'en' },
    { pattern: 'employment end', weight: 0.9, lang: 'en' },
    { pattern: 'employment*', weight: 0.85, lang: 'en' },
    { pattern: 'employed since', weight: 0.9, lang: 'en' },
    { pattern: 'employed on', weight: 0.9, lang: 'en' },
    { pattern: 'date of employment', weight: 0.9, lang: 'en' },
    { pattern: 'date joined', weight: 0.6, lang: 'en', when: 'person-context' },
    { pattern: 'joining date', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'seniority date', weight: 0.85, lang: 'en' },
    { pattern: 'termination date', weight: 0.85, lang: 'en', when: 'person-context' },
    { pattern: 'terminated', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'termination', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'resignation date', weight: 0.85, lang: 'en' },
    { pattern: 'leaving date', weight: 0.8, lang: 'en', when: 'person-context' },
    // Pay terms
    { pattern: 'salary', weight: 0.9, lang: 'en' },
    { pattern: '*salary', weight: 0.85, lang: 'en' },
    { pattern: 'wage', weight: 0.85, lang: 'en' },
    { pattern: 'wages', weight: 0.85, lang: 'en' },
    { pattern: 'pay rate', weight: 0.85, lang: 'en' },
    { pattern: 'gross pay', weight: 0.85, lang: 'en' },
    { pattern: 'net pay', weight: 0.85, lang: 'en' },
    { pattern: 'base pay', weight: 0.85, lang: 'en' },
    { pattern: 'annual pay', weight: 0.85, lang: 'en' },
    { pattern: 'gross salary', weight: 0.9, lang: 'en' },
    { pattern: 'payrate', weight: 0.85, lang: 'en' },
    { pattern: 'hourly rate', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'pay grade', weight: 0.75, lang: 'en', when: 'person-context' },
    { pattern: 'commission', weight: 0.8, lang: 'en', when: 'person-context' },
    { pattern: 'commission pct', weight: 0.9, lang: 'en', when: 'person-context' },
    { pattern: 'commission rate', weight: 0.9, lang: 'en', when: 'person-context' },
    { pattern: 'bonus', weight: 0.7, lang: 'en', when: 'person-context' },
    { pattern: 'compensation', weight: 0.8, lang: 'en', when: 'person-context' },
    // da, no
    { pattern: 'ansaettelsesdato', weight: 0.95, lang: 'da' },
    { pattern: 'ansaettelse*', weight: 0.85, lang: 'da' },
    { pattern: 'ansat dato', weight: 0.9, lang: 'da' },
    { pattern: 'ansat siden', weight: 0.9, lang: 'da' },
    { pattern: 'ansettelsesdato', weight: 0.95, lang: 'no' },
    { pattern: 'ansettelse*', weight: 0.85, lang: 'no' },
    { pattern: 'fratraedelse*', weight: 0.9, lang: 'da' },
    { pattern: 'fratraadt', weight: 0.85, lang: 'da' },
    { pattern: 'tiltraedelse*', weight: 0.85, lang: 'da' },
    { pattern: 'loen', weight: 0.85, lang: 'da' },
    { pattern: '*loen', weight: 0.85, lang: 'da' },
    { pattern: 'loenn', weight: 0.85, lang: 'no' },
    { pattern: '*loenn', weight: 0.85, lang: 'no' },
    { pattern: 'provision', weight: 0.7, lang: 'da', when: 'person-context' },
    // de
    { pattern: 'eintrittsdatum', weight: 0.95, lang: 'de' },
    { pattern: 'eintritt', weight: 0.8, lang: 'de', when: 'person-context' },
    { pattern: 'einstellungsdatum', weight: 0.95, lang: 'de' },
    { pattern: 'austrittsdatum', weight: 0.9, lang: 'de' },
    { pattern: 'austritt', weight: 0.75, lang: 'de', when: 'person-context' },
    { pattern: 'beschäftigt seit', weight: 0.9, lang: 'de' },
    { pattern: 'gehalt', weight: 0.9, lang: 'de' },
    { pattern: '*gehalt', weight: 0.85, lang: 'de' },
    { pattern: 'lohn', weight: 0.85, lang: 'de' },
    { pattern: 'stundenlohn', weight: 0.85, lang: 'de' },
    // sv (`lön` folds to `lon`, which is also longitude: only compounds)
    { pattern: 'anstallningsdatum', weight: 0.95, lang: 'sv' },
    { pattern: 'anstallning*', weight: 0.85, lang: 'sv' },
    { pattern: 'anställd', weight: 0.8, lang: 'sv', when: 'person-context' },
    { pattern: 'månadslön', weight: 0.9, lang: 'sv' },
    { pattern: 'manadslon', weight: 0.9, lang: 'sv' },
    { pattern: 'timlön', weight: 0.9, lang: 'sv' },
    { pattern: 'årslön', weight: 0.9, lang: 'sv' },
    { pattern: 'arslon', weight: 0.9, lang: 'sv' },
    { pattern: 'grundlön', weight: 0.9, lang: 'sv' },
    // nl
    { pattern: 'datum in dienst', weight: 0.95, lang: 'nl' },
    { pattern: 'in dienst*', weight: 0.85, lang: 'nl' },
    { pattern: 'indiensttreding*', weight: 0.9, lang: 'nl' },
    { pattern: 'uit dienst*', weight: 0.85, lang: 'nl' },
    { pattern: 'uitdiensttreding*', weight: 0.9, lang: 'nl' },
    { pattern: 'salaris', weight: 0.9, lang: 'nl' },
    { pattern: 'loon', weight: 0.8, lang: 'nl' },
    { pattern: 'uurloon', weight: 0.85, lang: 'nl' },
    // fr
    { pattern: 'date d embauche', weight: 0.95, lang: 'fr' },
    { pattern: 'date embauche', weight: 0.95, lang: 'fr' },
    { pattern: 'embauche', weight: 0.85, lang: 'fr' },
    { pattern: 'salaire', weight: 0.9, lang: 'fr' },
    { pattern: 'remuneration', weight: 0.8, lang: 'fr', when: 'person-context' },
    // es
    { pattern: 'fecha de contratacion', weight: 0.95, lang: 'es' },
    { pattern: 'fecha contratacion', weight: 0.95, lang: 'es' },
    { pattern: 'fecha de ingreso', weight: 0.85, lang: 'es', when: 'person-context' },
    { pattern: 'fecha ingreso', weight: 0.85, lang: 'es', when: 'person-context' },
    { pattern: 'contratacion', weight: 0.8, lang: 'es' },
    { pattern: 'salario', weight: 0.9, lang: 'es' },
    { pattern: 'sueldo', weight: 0.9, lang: 'es' },
    { pattern: 'comision', weight: 0.75, lang: 'es', when: 'person-context' },
    // Keys and numbers that identify a record, not a term of it (`anställd_id`, `employment_no`).
    { pattern: 'id', weight: -0.9 },
    { pattern: 'no', weight: -0.8 },
    { pattern: 'nr', weight: -0.8 },
    { pattern: 'number', weight: -0.8 },
    { pattern: 'key', weight: -0.9 },
    { pattern: 'type', weight: -0.6 },
    // Salary bands of a job, not of a person; statistics; tax rates.
    { pattern: 'min', weight: -0.8 },
    { pattern: 'max', weight: -0.8 },
    { pattern: 'minimum', weight: -0.8 },
    { pattern: 'maximum', weight: -0.8 },
    { pattern: 'avg', weight: -0.8 },
    { pattern: 'average', weight: -0.8 },
    { pattern: 'range', weight: -0.8 },
    { pattern: 'tax', weight: -0.6 },
    { pattern: 'currency', weight: -0.9 },
    { pattern: 'agency', weight: -0.7 },
  ],
};
