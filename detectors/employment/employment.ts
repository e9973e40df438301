import type { Detector, NameSignal } from '../../src/types.js';
import { currentYear, parseDate } from '../date-of-birth/dates.js';

/** `45000`, `45000.00`, `45.000,50`, `DKK 45,000`, `€ 3.200`, `45000 kr.`, `0.15`, `15 %`, `-2670` (a deduction) */
const AMOUNT = /^-?(?:(?:kr|dkk|sek|nok|eur|usd|gbp|chf|isk|pln)\.?\s?|[$€£¥]\s?)?\d{1,3}(?:[.,' ]?\d{3})*(?:[.,]\d{1,4})?\s?(?:[%$€£¥]|(?:kr|dkk|sek|nok|eur|usd|gbp|chf|isk|pln)\.?)?$/i;
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
    // `9999-12-31` is the usual "still running" end of a period (employees sample, SAP, SCD tables).
    if (d.year === 9999) return 1;
    if (d.year < 1940 || d.year > now + 5) return 0;
    return d.clockTime ? 0.5 : 1;
  }
  if (AMOUNT.test(value)) return /\d/.test(value) ? 1 : 0;
  const span = YEAR_SPAN.exec(value);
  if (span) return Number(span[1]) <= currentYear() ? 1 : 0;
  return EMPLOYMENT_TERMS.has(value.trim().toLowerCase()) ? 1 : 0;
}

/**
 * Generic names for periods, pay and working time. They mean employment only in a table that
 * records it (`dept_emp.from_date`, `EmployeePayHistory.Rate`, `job_history.end_date`); in
 * `price_list.valid_from` or `campaign.start_date` they do not.
 */
const EMPLOYMENT_CONTEXT_WORDS: readonly NameSignal[] = [
  ...inEmployment('en', [
    'from date', 'to date', 'date from', 'date to', 'start date', 'end date', 'start dt', 'end dt', 'from dt', 'to dt',
    'started', 'ended', 'started on', 'ended on', 'valid from', 'valid to', 'valid until', 'valid thru', 'effective date',
    'effective from', 'effective to', 'effective dt', 'rate change date', 'period start', 'period end', 'rate', 'hourly',
    'pay frequency', 'pay freq', 'pay amount', 'gross', 'net', 'percent', 'percentage', 'pct', 'bonus', 'grade',
    'pay grade', 'salary grade', 'fte', 'hours', 'hours per week', 'weekly hours', 'working hours', 'work hours',
    'vacation*', 'holiday*', 'sick*', 'leave*', 'overtime', 'salaried', 'salaried flag', 'allowance', 'commission',
    'compensation',
  ]),
  ...inEmployment('da', [
    'fra dato', 'til dato', 'fradato', 'tildato', 'startdato', 'slutdato', 'gyldig fra', 'gyldig til', 'sats', 'timesats',
    'procent', 'pct', 'timer', 'arbejdstimer', 'ugentlige timer', 'ferie*', 'syge*', 'fravær*', 'tillæg', 'bonus',
    'løntrin', 'provision', 'pension*',
  ]),
  ...inEmployment('no', [
    'fra dato', 'til dato', 'startdato', 'sluttdato', 'gyldig fra', 'gyldig til', 'sats', 'timesats', 'prosent', 'timer',
    'ferie*', 'syke*', 'fravær*', 'tillegg', 'bonus', 'lønnstrinn', 'lonnstrinn',
  ]),
  ...inEmployment('sv', [
    // `å` folds to `aa`; the same words typed without it (`fran`) are listed too.
    'från datum', 'fran datum', 'till datum', 'från och med', 'fran och med', 'till och med', 'startdatum', 'slutdatum',
    'giltig från', 'giltig fran', 'giltig till', 'procent', 'timmar', 'semester*', 'sjuk*', 'frånvaro*', 'franvaro*',
    'tillägg', 'bonus',
  ]),
  ...inEmployment('de', [
    // `ü` folds to `u`; the same words typed as `ue` are listed too.
    'von', 'bis', 'datum von', 'datum bis', 'gültig von', 'gueltig von', 'gültig bis', 'gueltig bis', 'gültig ab',
    'gueltig ab', 'beginn', 'ende', 'startdatum', 'enddatum', 'satz', 'stundensatz', 'prozent', 'stunden',
    'wochenstunden', 'arbeitszeit', 'urlaub*', 'krankheitstage', 'krankentage', 'krankheit*', 'zulage', 'prämie',
    'praemie', 'provision', 'tarifgruppe', 'entgeltgruppe', 'gehaltsstufe',
  ]),
  ...inEmployment('nl', [
    'van datum', 'tot datum', 'datum van', 'datum tot', 'begindatum', 'einddatum', 'ingangsdatum', 'geldig van',
    'geldig tot', 'tarief', 'uurtarief', 'percentage', 'uren', 'vakantie*', 'verlof*', 'ziekte*', 'toeslag', 'schaal',
    'trede',
  ]),
  ...inEmployment('fr', [
    'date debut', 'date fin', 'date de debut', 'date de fin', 'taux', 'taux horaire', 'pourcentage', 'heures', 'conges',
    'prime', 'echelon',
  ]),
  ...inEmployment('es', [
    'fecha inicio', 'fecha fin', 'fecha de inicio', 'fecha de fin', 'fecha desde', 'fecha hasta', 'desde', 'hasta',
    'tarifa', 'porcentaje', 'horas', 'vacaciones', 'prima', 'bono',
  ]),
  // An amount in a payroll or pay-history table is pay, though `amount` says less than `rate`.
  ...inEmployment('en', ['amount'], 0.7),
  ...inEmployment('da', ['beløb'], 0.7),
  ...inEmployment('no', ['beløp', 'belop'], 0.7),
  ...inEmployment('sv', ['belopp'], 0.7),
  ...inEmployment('de', ['betrag'], 0.7),
  ...inEmployment('nl', ['bedrag'], 0.7),
  ...inEmployment('fr', ['montant'], 0.7),
  ...inEmployment('es', ['importe'], 0.7),
];

function inEmployment(lang: string, patterns: readonly string[], weight = 0.8): NameSignal[] {
  return patterns.map((pattern) => ({ pattern, weight, lang, when: 'employment-context' }));
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
    // A user's `date_joined` is a sign-up date; only a table that records employment makes it a hire.
    { pattern: 'date joined', weight: 0.8, lang: 'en', when: 'employment-context' },
    { pattern: 'joining date', weight: 0.8, lang: 'en', when: 'employment-context' },
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
    // da, no, sv, de: words that only mean employment, whatever the table
    { pattern: 'ansattdato', weight: 0.95, lang: 'no' },
    { pattern: 'ansatt dato', weight: 0.95, lang: 'no' },
    { pattern: 'ansatt fra', weight: 0.9, lang: 'no' },
    { pattern: 'stillingsprosent', weight: 0.9, lang: 'no' },
    { pattern: 'stillingsandel', weight: 0.9, lang: 'no' },
    { pattern: 'stillingsbrøk', weight: 0.9, lang: 'no' },
    // `lønn` written without ø: `lonn`, `arslonn` (`lon` alone stays longitude)
    { pattern: 'lonn', weight: 0.85, lang: 'no' },
    { pattern: '*lonn', weight: 0.85, lang: 'no' },
    { pattern: 'beskæftigelsesgrad', weight: 0.9, lang: 'da' },
    { pattern: 'pension pct', weight: 0.85, lang: 'da' },
    { pattern: 'pension procent', weight: 0.85, lang: 'da' },
    { pattern: 'pensionsprocent', weight: 0.85, lang: 'da' },
    { pattern: 'arbejdsgiverpension', weight: 0.85, lang: 'da' },
    { pattern: 'pension', weight: 0.75, lang: 'da', when: 'person-context' },
    { pattern: 'sysselsättningsgrad', weight: 0.9, lang: 'sv' },
    { pattern: 'tjänstgöringsgrad', weight: 0.9, lang: 'sv' },
    { pattern: 'beschäftigungsgrad', weight: 0.9, lang: 'de' },
    { pattern: 'beschaeftigungsgrad', weight: 0.9, lang: 'de' },
    { pattern: 'wochenarbeitszeit', weight: 0.85, lang: 'de' },
    // In a table that records employment (salaries, job history, pay history, an employee's
    // department periods) generic periods, rates and hours are the employee's (labelling rule 8).
    ...EMPLOYMENT_CONTEXT_WORDS,
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
