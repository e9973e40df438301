import type { Detector, NameSignal } from '../../src/types.js';
import { boundedTrim, foldKey } from '../_shared/address/fold.js';
import { ADDRESS_PART_COUNTER_HINTS, addressPartSignals } from '../_shared/address/names.js';
import {
  FUNCTION_WORDS,
  LEADING_STREET_WORDS,
  MONTHS,
  NOT_ADDRESS_WORDS,
  SENTENCE_WORDS,
  SOFT_STREET_WORDS,
  STREET_SUFFIXES,
  STREET_WORDS,
  UNIT_WORDS,
} from '../_shared/address/street-vocab.js';

/**
 * Street lines (`Nørregade 12, 2. th.`, `221B Baker Street`, `12 rue de la Paix`, `P.O. Box 555`)
 * and whole one-field addresses (`Nørregade 12, 1165 København K`).
 */

const MAX_LENGTH = 160;
const MAX_TOKENS = 16;
/** Words and a number without a street type: only short lines (`Cerrito 333`), not text. */
const WEAK_MAX_TOKENS = 6;
/** A house number after folding: `12`, `221b`, `120bg`, `4th`, `#8`, `1o` (from `1º`). */
const HOUSE_NUMBER = /^#?\d{1,5}[a-z]{0,3}$/;
const YEAR = /^(?:19|20)\d\d$/;
/** Post-office boxes in the languages we read, on the folded line (`p o box 555`, `postboks 12`). */
const PO_BOX =
  /^(?:p ?o ?box|post office box|postbox|postboks|postfach|postbus|box|bp|boite postale|apartado(?: de correos)?|caixa postal|casilla(?: de correos?)?|postlada) ?#?\d/;
/** `C/ Araquil, 67`: the Spanish abbreviation of `calle` disappears when folded, so look at it first. */
const CALLE_ABBREVIATION = /^c\/\s?\p{L}/iu;
/** `Celsiusg. 9`: Swedish `-gatan` shortened to `-g.`. */
const SWEDISH_GATAN_ABBREVIATION = /\p{L}{3}g\.(?:\s|$)/u;
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
/** One to four capitalised words: `Old Town`, `Kingsway Estate`, `Garden House`. */
const TITLE_CASE_WORDS = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3}$/u;
const DECIMAL_OR_TIME = /\d[.:]\d/;

/** Street-type endings by their last three letters, so a word is checked against a handful. */
const SUFFIXES_BY_TAIL = new Map<string, (readonly [string, number])[]>();
for (const entry of STREET_SUFFIXES) {
  const tail = entry[0].slice(-3);
  const list = SUFFIXES_BY_TAIL.get(tail) ?? [];
  list.push(entry);
  SUFFIXES_BY_TAIL.set(tail, list);
}

function hasStreetSuffix(word: string): boolean {
  const list = SUFFIXES_BY_TAIL.get(word.slice(-3));
  if (!list) return false;
  for (const [suffix, minStem] of list) {
    if (word.length - suffix.length >= minStem && word.endsWith(suffix)) return true;
  }
  return false;
}

/** `Meadows`, `Parkways`: English street types also come in the plural. */
function isSoftStreetWord(word: string): boolean {
  if (SOFT_STREET_WORDS.has(word) || STREET_WORDS.has(word)) return true;
  if (word.length < 4 || !word.endsWith('s')) return false;
  const singular = word.slice(0, -1);
  return SOFT_STREET_WORDS.has(singular) || STREET_WORDS.has(singular);
}

function isLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return word.length > 0;
}

/**
 * Value evidence for a street line: 1 for a street-type word or ending with a house number, a
 * post-office box; 0.8 for a `c/o` line or a flat/suite/floor with a number (`Apt 4B`, `2. th.`);
 * 0.5 for a street name without a number; 0.4 for words and a house number only (`Mataderos 2312`,
 * which a product name can also look like); 0.3 for a few capitalised words (a building or a
 * locality on a second address line); 0 for dates, versions, product names, sentences.
 */
export function streetScore(value: string): number {
  const raw = boundedTrim(value, MAX_LENGTH);
  if (raw === undefined || raw.length < 4 || raw.includes('@') || raw.includes('://')) return 0;
  const last = raw.charCodeAt(raw.length - 1);
  if (last === 0x3f || last === 0x21) return 0; // ends with ? or !: a sentence
  if (raw.charCodeAt(0) === 0x63 || raw.charCodeAt(0) === 0x43) {
    // c/o lines
    if (/^c\/o\b/i.test(raw)) return 0.8;
  }
  const key = foldKey(raw);
  if (key === undefined || key.length < 3) return 0;
  if (PO_BOX.test(key)) return 1;
  const tokens = key.split(' ');
  if (tokens.length > MAX_TOKENS) return 0;

  let number = false;
  let year = false;
  let type = CALLE_ABBREVIATION.test(raw) || SWEDISH_GATAN_ABBREVIATION.test(raw);
  let unit = false;
  let month = false;
  let sentence = false;
  let notAddress = false;
  let code = false;
  let longWord = false;
  let words = 0;
  let functionWords = 0;
  const numberFirst = HOUSE_NUMBER.test(tokens[0] ?? '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (HOUSE_NUMBER.test(t)) {
      number = true;
      if (YEAR.test(t)) year = true;
      continue;
    }
    if (!isLetters(t)) {
      // `A1B2`, `x86`: codes, not words; long digit runs (postal codes, phone numbers) say nothing.
      if (/\p{L}/u.test(t)) code = true;
      continue;
    }
    // Norwegian `gate` follows the name (`Karl Johans gate 5`); first, it is an airport's `Gate 5`.
    if ((STREET_WORDS.has(t) && (i > 0 || t !== 'gate')) || (t.length >= 5 && hasStreetSuffix(t))) type = true;
    else if (i === 0 ? LEADING_STREET_WORDS.has(t) : numberFirst && isSoftStreetWord(t)) type = true;
    if (UNIT_WORDS.has(t)) unit = true;
    if (MONTHS.has(t)) month = true;
    if (SENTENCE_WORDS.has(t)) sentence = true;
    if (FUNCTION_WORDS.has(t)) functionWords++;
    if (NOT_ADDRESS_WORDS.has(t)) notAddress = true;
    if (t.length >= 3) words++;
    if (t.length >= 4) longWord = true;
  }
  if ((sentence && tokens.length >= 5) || (functionWords >= 2 && tokens.length >= 7)) return 0;
  if (month && year) return 0; // `12 May 2020`
  if (type && number) return 1;
  if (unit && number) return 0.8;
  if (type) return tokens.length >= 2 || words === 1 ? 0.5 : 0;
  const plain = !notAddress && !code && !CAMEL_CASE.test(raw) && !DECIMAL_OR_TIME.test(raw);
  if (number && longWord && tokens.length <= WEAK_MAX_TOKENS && plain) return 0.4;
  // A second address line often names a building or a locality (`Coventry House`, `Old Town`).
  if (!number && longWord && tokens.length <= 4 && plain && TITLE_CASE_WORDS.test(raw)) return 0.3;
  return 0;
}

const NAMES: readonly NameSignal[] = [
  ...addressPartSignals([
    { pattern: 'address', weight: 0.85, lang: 'en', roles: ['en'] },
    { pattern: 'address*', weight: 0.8, lang: 'en' },
    { pattern: 'addr', weight: 0.85, lang: 'en', roles: ['en'] },
    { pattern: 'addr*', weight: 0.75, lang: 'en' },
    { pattern: 'address line', weight: 0.9, lang: 'en' },
    { pattern: 'street', weight: 0.9, lang: 'en', roles: ['en'] },
    { pattern: 'street*', weight: 0.85, lang: 'en' },
    { pattern: 'line 1', weight: 0.6, lang: 'en' },
    { pattern: 'line 2', weight: 0.6, lang: 'en' },
    { pattern: 'po box', weight: 0.85, lang: 'en' },
    { pattern: 'care of', weight: 0.7, lang: 'en' },
    { pattern: 'house number', weight: 0.7, lang: 'en' },
    { pattern: 'adr', weight: 0.8, lang: 'da' },
    { pattern: 'adresse', weight: 0.9, lang: 'da', roles: ['da', 'de', 'fr'] },
    { pattern: 'adresse*', weight: 0.85, lang: 'da' },
    { pattern: '*adresse', weight: 0.85, lang: 'da' },
    { pattern: 'gade', weight: 0.8, lang: 'da', roles: ['da'] },
    { pattern: 'vej', weight: 0.8, lang: 'da' },
    { pattern: 'gadenavn', weight: 0.85, lang: 'da' },
    { pattern: 'vejnavn', weight: 0.85, lang: 'da' },
    { pattern: 'husnummer', weight: 0.7, lang: 'da' },
    { pattern: 'husnr', weight: 0.7, lang: 'da' },
    { pattern: 'postboks', weight: 0.85, lang: 'da' },
    { pattern: 'bopael', weight: 0.7, lang: 'da' },
    { pattern: 'anschrift', weight: 0.9, lang: 'de', roles: ['de'] },
    { pattern: 'strasse', weight: 0.85, lang: 'de', roles: ['de'] },
    { pattern: 'str', weight: 0.5, lang: 'de' },
    { pattern: 'hausnummer', weight: 0.7, lang: 'de' },
    { pattern: 'hausnr', weight: 0.7, lang: 'de' },
    { pattern: 'adress', weight: 0.9, lang: 'sv', roles: ['sv'] },
    { pattern: '*adress', weight: 0.85, lang: 'sv' },
    { pattern: 'gatuadress', weight: 0.9, lang: 'sv' },
    { pattern: 'gata', weight: 0.8, lang: 'sv' },
    { pattern: 'gateadresse', weight: 0.9, lang: 'no' },
    { pattern: 'adres', weight: 0.9, lang: 'nl', roles: ['nl'] },
    { pattern: '*adres', weight: 0.85, lang: 'nl' },
    { pattern: 'straat', weight: 0.85, lang: 'nl' },
    { pattern: 'straatnaam', weight: 0.85, lang: 'nl' },
    { pattern: 'huisnummer', weight: 0.7, lang: 'nl' },
    { pattern: 'rue', weight: 0.8, lang: 'fr' },
    { pattern: 'voie', weight: 0.7, lang: 'fr' },
    { pattern: 'complement adresse', weight: 0.85, lang: 'fr' },
    { pattern: 'direccion', weight: 0.9, lang: 'es', roles: ['es'] },
    { pattern: 'domicilio', weight: 0.8, lang: 'es' },
    { pattern: 'calle', weight: 0.85, lang: 'es' },
    { pattern: 'endereco', weight: 0.9, lang: 'pt', roles: ['pt'] },
    { pattern: 'logradouro', weight: 0.9, lang: 'pt' },
    { pattern: 'morada', weight: 0.85, lang: 'pt', roles: ['pt'] },
    { pattern: 'complemento', weight: 0.6, lang: 'pt' },
    { pattern: 'indirizzo', weight: 0.9, lang: 'it', roles: ['it'] },
    { pattern: 'osoite', weight: 0.9, lang: 'fi' },
    { pattern: '*osoite', weight: 0.85, lang: 'fi' },
    { pattern: 'ulica', weight: 0.85, lang: 'pl' },
  ]),
  // An e-mail, IP, MAC or web address is not where anyone lives.
  { pattern: 'email', weight: -0.95 },
  { pattern: 'e mail', weight: -0.95 },
  { pattern: '*email', weight: -0.95 },
  { pattern: 'email*', weight: -0.95 },
  { pattern: 'mail', weight: -0.95 },
  { pattern: 'mailadresse', weight: -0.95 },
  { pattern: '*mailadresse', weight: -0.95 },
  { pattern: '*mailadress', weight: -0.95 },
  { pattern: 'epost*', weight: -0.95 },
  { pattern: 'e post', weight: -0.95 },
  { pattern: 'courriel', weight: -0.95 },
  { pattern: 'ip', weight: -0.95 },
  { pattern: 'ip*', weight: -0.95 },
  { pattern: 'ipadresse', weight: -0.95 },
  { pattern: 'mac', weight: -0.95 },
  { pattern: 'web', weight: -0.95 },
  { pattern: 'web*', weight: -0.95 },
  { pattern: 'webadresse', weight: -0.95 },
  { pattern: 'internet*', weight: -0.9 },
  { pattern: 'url', weight: -0.95 },
  { pattern: 'uri', weight: -0.95 },
  { pattern: 'http', weight: -0.95 },
  { pattern: 'website', weight: -0.95 },
  { pattern: 'homepage', weight: -0.95 },
  { pattern: 'hjemmeside', weight: -0.95 },
  { pattern: 'host', weight: -0.9 },
  { pattern: 'hostname', weight: -0.9 },
  { pattern: 'server', weight: -0.9 },
  { pattern: 'domain', weight: -0.9 },
  { pattern: 'network', weight: -0.9 },
  { pattern: 'subnet', weight: -0.9 },
  { pattern: 'gateway', weight: -0.9 },
  { pattern: 'proxy', weight: -0.9 },
  { pattern: 'dns', weight: -0.9 },
  { pattern: 'socket', weight: -0.9 },
  { pattern: 'port', weight: -0.8 },
  { pattern: 'bluetooth', weight: -0.9 },
  { pattern: 'device', weight: -0.8 },
  { pattern: 'hardware', weight: -0.9 },
  { pattern: 'wallet', weight: -0.9 },
  { pattern: 'bitcoin', weight: -0.9 },
  { pattern: 'btc', weight: -0.9 },
  { pattern: 'eth', weight: -0.9 },
  { pattern: 'contract', weight: -0.8 },
  { pattern: 'memory', weight: -0.9 },
  { pattern: 'pointer', weight: -0.9 },
  { pattern: 'offset', weight: -0.9 },
  { pattern: 'addressid', weight: -0.9 },
  { pattern: 'addresstype', weight: -0.9 },
  { pattern: 'addressee', weight: -0.9 },
  ...ADDRESS_PART_COUNTER_HINTS,
];

export const addressStreet: Detector = {
  id: 'address-street',
  category: 'address.street',
  description: 'street addresses',
  // Street lines are distinctive, but an office's or a shop's address looks the same as a
  // person's: values alone stay just below the reporting threshold.
  valueWeight: 0.5,
  match: streetScore,
  names: NAMES,
};

/** A bare house number: `12`, `5a`, `5 A`, `12 bis`, `12-14`, `7/2`. Never `0` or a five-digit code. */
const BARE_HOUSE_NUMBER = /^[1-9]\d{0,3}(?: ?[a-z]| ?(?:bis|ter|quater))?(?: ?[-/] ?[1-9]\d{0,3} ?[a-z]?)?$/i;

/** 1 for a bare house number, the only thing a `Hausnummer` column holds. */
export function houseNumberScore(value: string): number {
  const v = value.trim();
  return v.length <= 16 && BARE_HOUSE_NUMBER.test(v) ? 1 : 0;
}

/**
 * A house number kept apart from the street (`Hausnummer`, `husnummer`, `huisnummer`,
 * `house_number`) is part of the street line (labelling: `address.street`). Its values are bare
 * numbers, which say nothing on their own and contradict the street detector's name hint; this
 * detector reads them only under a house-number name, and only in a container about people or
 * with a role that makes the address somebody's (`lev_husnr`, `billing_house_number`).
 */
export const houseNumber: Detector = {
  id: 'house-number',
  category: 'address.street',
  description: 'house numbers',
  requiresName: true,
  // `12` is anything: the name carries the verdict, the values only must not contradict it.
  valueWeight: 0.1,
  match: houseNumberScore,
  names: [
    ...addressPartSignals([
      { pattern: 'house number', weight: 0.85, lang: 'en', roles: ['en'] },
      { pattern: 'house no', weight: 0.85, lang: 'en', roles: ['en'] },
      { pattern: 'house nr', weight: 0.85, lang: 'en', roles: ['en'] },
      { pattern: 'house num', weight: 0.85, lang: 'en' },
      { pattern: 'street number', weight: 0.85, lang: 'en', roles: ['en'] },
      { pattern: 'street no', weight: 0.85, lang: 'en', roles: ['en'] },
      { pattern: 'street nr', weight: 0.85, lang: 'en' },
      { pattern: 'building number', weight: 0.8, lang: 'en' },
      { pattern: 'husnummer', weight: 0.85, lang: 'da', roles: ['da', 'sv'] },
      { pattern: 'husnr', weight: 0.85, lang: 'da', roles: ['da'] },
      { pattern: 'gatunummer', weight: 0.85, lang: 'sv', roles: ['sv'] },
      { pattern: 'hausnummer', weight: 0.85, lang: 'de', roles: ['de'] },
      { pattern: 'hausnr', weight: 0.85, lang: 'de', roles: ['de'] },
      { pattern: 'huisnummer', weight: 0.85, lang: 'nl', roles: ['nl'] },
      { pattern: 'huisnr', weight: 0.85, lang: 'nl', roles: ['nl'] },
      // A bare `numero` is as often a member's or an order's number: only the street's counts.
      { pattern: 'numero de rue', weight: 0.85, lang: 'fr' },
      { pattern: 'numero rue', weight: 0.85, lang: 'fr' },
      { pattern: 'numero de voie', weight: 0.85, lang: 'fr' },
      { pattern: 'numero voie', weight: 0.85, lang: 'fr' },
      { pattern: 'numero de calle', weight: 0.85, lang: 'es' },
      { pattern: 'numero calle', weight: 0.85, lang: 'es' },
      { pattern: 'numero exterior', weight: 0.85, lang: 'es' },
      { pattern: 'numero civico', weight: 0.85, lang: 'it' },
      { pattern: 'numero casa', weight: 0.85, lang: 'pt' },
    ]),
    // `house_number_suffix`, `huisnummer_toevoeging`: the letter after the number, not the number.
    { pattern: 'suffix', weight: -0.9 },
    { pattern: 'addition', weight: -0.9 },
    { pattern: 'toevoeging', weight: -0.9 },
    { pattern: 'zusatz', weight: -0.9 },
    ...ADDRESS_PART_COUNTER_HINTS,
  ],
};
