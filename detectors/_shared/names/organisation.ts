import { foldName as foldName, gazetteer } from './gazetteer.js';
import { jobTitleScore } from '../../job-title/job-title.js';
import { fullNameScore } from './person.js';

/**
 * How much a value looks like the name of an organisation: a legal form (`A/S`, `GmbH`, `Inc.`)
 * proves it; a business word (`Supermarkt`, `Restaurante`, `Consulting`) says a lot; otherwise a
 * short capitalised name that is not a person's name is only weakly one (`Riotur`, `Speedy
 * Express` could be anything). Used by the company detector, and by the person-name detector to
 * refuse `Hansen ApS`.
 */

/** Legal-form words, folded, dots removed: `A/S`, `ApS`, `GmbH`, `S.A.`, `Ltd.`, `Inc.`… */
const LEGAL_FORMS = new Set([
  'a/s', 'aps', 'i/s', 'k/s', 'p/s', 'amba', 'fmba', 'smba', 'ivs', 'gmbh', 'ag', 'kg', 'ohg', 'ek', 'ug', 'mbh',
  'kgaa', 'gbr', 'ev', 'ab', 'hb', 'kb', 'as', 'asa', 'ans', 'bv', 'nv', 'vof', 'cv', 'sa', 'sas', 'sasu', 'sarl',
  'eurl', 'sl', 'slu', 'sau', 'sc', 'scs', 'ltda', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp',
  'plc', 'co', 'corp', 'corporation', 'company', 'spa', 'srl', 'sro', 'sp zoo', 'oy', 'oyj', 'pty', 'bhd', 'kk',
  'se', 'sce', 'eg', 'ehf', 'hf', 'doo', 'dd', 'ad', 'ood', 'eood', 'zrt', 'kft', 'nyrt', 'bvba', 'cvba', 'sprl',
  'gie', 'scop', 'cooperative', 'coop', 'stiftung', 'foundation', 'fonden', 'forening', 'association',
]);

/** Words that name a kind of business, matched as whole words or compound endings. */
const BUSINESS_WORDS = new Set([
  'restaurant', 'restaurante', 'ristorante', 'cafe', 'bistro', 'bar', 'pub', 'hotel', 'market', 'markets',
  'supermarket', 'supermarkt', 'supermercado', 'hypermarket', 'hipermercados', 'hipermercado', 'mercado', 'grocery',
  'groceries', 'grocers', 'delicatessen', 'deli', 'delikatessen', 'delicias', 'delices', 'feinkost', 'import',
  'imports', 'importadora', 'importers', 'export', 'exports', 'trading', 'traders', 'handel', 'handels', 'shop',
  'store', 'stores', 'boutique', 'foods', 'food', 'wines', 'vins', 'bakery', 'bageri', 'backerei', 'consulting',
  'consultants', 'solutions', 'systems', 'software', 'technologies', 'technology', 'tech', 'group', 'gruppe',
  'grupo', 'groupe', 'holding', 'holdings', 'partners', 'associates', 'services', 'service', 'industries',
  'industri', 'industrie', 'enterprises', 'enterprise', 'international', 'logistics', 'shipping', 'express',
  'distribution', 'distributors', 'supplies', 'supply', 'manufacturing', 'motors', 'media', 'studio', 'studios',
  'labs', 'laboratories', 'networks', 'airlines', 'airways', 'insurance', 'pharma', 'pharmaceuticals', 'bank',
  'banco', 'banque', 'sparkasse', 'sparekasse', 'comercial', 'comercio', 'commerce', 'commercial', 'marketing',
  'agency', 'agentur', 'bureau', 'byra', 'kontor', 'versand', 'laden', 'markt', 'spezialitaten', 'epicerie',
  'alimentari', 'alimentos', 'caseifici', 'cocina', 'taqueria', 'herkku', 'snabbkop', 'gesundkost', 'kiosk',
  'apotek', 'apotheke', 'pharmacy', 'clinic', 'klinik', 'hospital', 'university', 'universitet', 'school', 'skole',
  'institute', 'institut', 'college', 'academy', 'akademi', 'museum', 'club', 'klub', 'verein', 'church',
  'kommune', 'municipality', 'council', 'ministry', 'ministeriet', 'styrelsen', 'department', 'agency',
  'construction', 'byg', 'bau', 'transport', 'auto', 'automotive', 'energy', 'energi', 'electric', 'elektro',
  'telecom', 'communications', 'publishing', 'forlag', 'verlag', 'press', 'design', 'architects', 'arkitekter',
  'advokater', 'advokatfirma', 'law', 'legal', 'accounting', 'revision', 'realty', 'properties', 'ejendomme',
  'immobilien', 'invest', 'investments', 'capital', 'finance', 'financial', 'ventures', 'games', 'entertainment',
  'records', 'productions', 'films', 'pictures', 'brewery', 'bryggeri', 'brauerei', 'winery', 'farms', 'farm',
  'mejeri', 'dairy', 'textiles', 'fashion', 'apparel', 'electronics', 'computers', 'data', 'digital',
  'online', 'web', 'net', 'cloud', 'hub', 'works', 'werke', 'fabrik', 'factory', 'mills', 'outlet', 'center',
  'centre', 'centrum', 'zentrum', 'musik', 'music', 'gifts', 'gift', 'souvenirs', 'collectables', 'collectibles',
  'toys', 'models', 'replicas', 'resellers', 'retailers', 'wholesale', 'wholesalers', 'outfitters', 'supplies',
  'equipment', 'tools', 'parts', 'motors', 'garage', 'salon', 'spa', 'gym', 'fitness', 'travel', 'tours',
  'rejser', 'reisen', 'catering', 'kitchen', 'kok', 'kuche', 'cuisine', 'pizzeria', 'trattoria', 'brasserie',
  'taverna', 'diner', 'grill', 'steakhouse', 'cafeteria', 'konditori', 'bodega', 'gourmet', 'wine', 'wines',
  'cellars', 'beverages', 'drinks', 'provisions', 'comidas', 'cozinha', 'restauration', 'traiteur', 'vinhos',
  'brewing', 'roasters', 'coffee', 'kaffe', 'kaffee', 'tea', 'chocolates', 'sweets', 'candy', 'pharmaceutical',
  'lager', 'warehouse', 'depot', 'filial', 'filiale', 'branch', 'office', 'niederlassung', 'afdeling', 'avdeling',
]);

/** Compound endings that mark a business in Germanic languages: `Frankenversand`, `Käseladen`. */
const BUSINESS_ENDINGS: readonly string[] = [
  'versand', 'laden', 'markt', 'handel', 'kost', 'service', 'consult', 'systeme', 'technik', 'gruppe', 'group',
  'bank', 'hotel', 'shop', 'import', 'export', 'industri', 'bageri', 'backerei', 'forlag', 'verlag', 'media',
  'soft', 'tech', 'data', 'butik', 'kiosk', 'apotek', 'kompagni', 'kompagniet', 'centret', 'centeret', 'huset',
  'lager', 'center', 'zentrum', 'zentrale', 'kontor', 'werk', 'filiale', 'filial', 'magasin', 'winkel',
];

/** Lower-case joining words that business names have and people's names do not (`Vins et alcools`). */
const BUSINESS_JOINERS = new Set(['et', 'och', 'og', 'und', 'and', 'of', 'the', 'en', 'for', 'fur', 'til', 'i', 'a', 'au', 'aux']);

const MAX_LENGTH = 150;
/** Characters no name of a company or person has. */
const BAD = new Set('@\\{}[]<>=_|~^$%#'.split(''));

interface Shape {
  readonly bad: boolean;
  readonly letters: number;
  readonly digits: number;
  readonly spaces: number;
  /** Words that start with a capital letter (or a digit: `3M`, `7-Eleven`). */
  readonly capitalised: number;
  /** `&`, `+` or ` - ` between words: partners' names, `Smith & Sons`. */
  readonly joined: boolean;
}

/** One pass over the characters: cheaper than a handful of regular expressions. */
function shapeOf(v: string): Shape {
  let letters = 0;
  let digits = 0;
  let spaces = 0;
  let capitalised = 0;
  let joined = false;
  let bad = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const wordStart = i === 0 || v.charCodeAt(i - 1) === 32;
    if (c >= 48 && c <= 57) {
      digits++;
    } else if (c === 32) {
      spaces++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192) {
      letters++;
      if (wordStart && (c <= 90 || (c >= 192 && v[i] !== v[i]?.toLowerCase()))) capitalised++;
    } else if (c === 38 || c === 43 || (c === 45 && wordStart && v.charCodeAt(i + 1) === 32)) {
      joined = true;
    } else if (BAD.has(v[i] ?? '')) {
      bad = true;
    }
  }
  return { bad, letters, digits, spaces, capitalised, joined };
}

/** A folded word without the dots and commas around legal forms: `S.A.,` → `sa`. */
function bare(w: string): string {
  return w.includes('.') || w.includes(',') || w.includes('(') || w.includes(')') ? w.replace(/[.,()]/g, '') : w;
}

function legalForm(words: readonly string[]): boolean {
  const n = words.length;
  // A legal form needs a name beside it: a lone `AB` is a province code, `AS` a word.
  if (n < 2) return false;
  const last = words[n - 1] ?? '';
  const before = words[n - 2] ?? '';
  if (LEGAL_FORMS.has(last)) return true;
  // `Sdn Bhd`, `(publ)` and legal forms in front: `AB Volvo`, `A/S Storebælt`.
  if (LEGAL_FORMS.has(`${before} ${last}`)) return true;
  if (last === 'publ' && LEGAL_FORMS.has(before)) return true;
  const first = words[0];
  return first === 'a/s' || first === 'ab' || first === 'as' || first === 'oy';
}

function foldedWords(folded: string): string[] {
  const out: string[] = [];
  for (const w of folded.split(' ')) {
    const b = bare(w);
    if (b.length > 0) out.push(b);
  }
  return out;
}

/** 1 for a legal form, 0.7 for a business word, 0.3 for another capitalised name, 0 for a person. */
export function organisationScore(value: string): number {
  const v = value.trim();
  if (v.length < 2 || v.length > MAX_LENGTH) return 0;
  const shape = shapeOf(v);
  // Dates, ids, prices and sentences are not names of anything.
  if (shape.bad || shape.letters < 2 || shape.digits > 4 || shape.spaces > 10) return 0;
  if (shape.spaces >= 4 && v.endsWith('.')) return 0;
  const folded = foldName(v);
  const words = foldedWords(folded);
  if (legalForm(words)) return 1;
  if (businessWordIn(words)) return 0.7;
  if (shape.spaces === 0) {
    // `Riotur`, `Telus`: a one-word brand, or a person's name or a code; known names say which.
    const g = gazetteer();
    if (v.length <= 3 || g.first.has(folded) || g.lastStrong.has(folded)) return 0.05;
    return shape.capitalised > 0 ? 0.25 : 0.05;
  }
  if (shape.capitalised === 0) return 0.05;
  // `Smith & Sons`, `Hintz - Mraz`, `Schowalter, Kuhlman and Bogisich`: partners' names.
  if (shape.capitalised >= 2 && (shape.joined || words.includes('and'))) return 0.5;
  const person = fullNameScore(v);
  if (person >= 0.8) return 0.05;
  if (words.length >= 3 && words.some((w) => BUSINESS_JOINERS.has(w))) return 0.4;
  if (person >= 0.5 || jobTitleScore(v) >= 0.6) return 0.15;
  return 0.3;
}

function businessWordIn(words: readonly string[]): boolean {
  for (const word of words) {
    if (word.includes('-')) {
      for (const part of word.split('-')) if (isBusinessWord(part)) return true;
    } else if (isBusinessWord(word)) {
      return true;
    }
  }
  return false;
}

const BUSINESS_ENDING_SET = new Set(BUSINESS_ENDINGS);
const ENDING_LENGTHS = [...new Set(BUSINESS_ENDINGS.map((e) => e.length))].sort((a, b) => a - b);

function isBusinessWord(w: string): boolean {
  if (w.length < 3) return false;
  if (BUSINESS_WORDS.has(w)) return true;
  for (const n of ENDING_LENGTHS) {
    if (w.length < n + 3) break;
    if (BUSINESS_ENDING_SET.has(w.slice(-n))) return true;
  }
  return false;
}

/** True when a word of the value names a kind of business (`Restaurante`, `Frankenversand`). */
export function businessWord(value: string): boolean {
  return value.length <= MAX_LENGTH && businessWordIn(foldedWords(foldName(value)));
}

/** True when a value carries a legal form: never a person, whatever the names in it. */
export function hasLegalForm(value: string): boolean {
  return value.length <= MAX_LENGTH && legalForm(foldedWords(foldName(value.trim())));
}
