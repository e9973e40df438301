import type { Detector } from '../../src/types.js';
import { foldName } from '../_shared/names/gazetteer.js';

/**
 * Gender, sex and courtesy titles. A salutation (`Mr.`, `Frau`, `Mme`) says a person's gender,
 * so the labelling rules file it here too. Codes such as `M`/`F` prove little on their own (a
 * size column has `M` as well), so they count fully only once the field name agrees.
 */

/** Words and codes for a gender, folded and without a trailing dot; the value is the score. */
const VALUES: ReadonlyMap<string, number> = new Map([
  // Codes: common, but a single letter is weak evidence.
  ['m', 0.8], ['f', 0.8], ['w', 0.6], ['k', 0.6], ['d', 0.3], ['x', 0.3], ['u', 0.2], ['o', 0.2], ['mf', 0.3],
  // English
  ['male', 1], ['female', 1], ['man', 1], ['woman', 1], ['men', 0.6], ['women', 0.6], ['boy', 0.7], ['girl', 0.7],
  ['other', 0.4], ['non-binary', 1], ['nonbinary', 1], ['non binary', 1], ['diverse', 0.7], ['unknown', 0.3],
  ['not specified', 0.4], ['unspecified', 0.4], ['prefer not to say', 0.8], ['intersex', 1], ['genderqueer', 1],
  ['agender', 1], ['transgender', 1], ['trans', 0.6], ['n/a', 0.1],
  // Danish, Norwegian, Swedish
  ['mand', 1], ['kvinde', 1], ['mann', 1], ['kvinne', 1], ['kvinna', 1], ['dreng', 0.7], ['pige', 0.7],
  ['hankon', 1], ['hunkon', 1], ['andet', 0.5], ['annet', 0.5], ['annat', 0.5], ['ukendt', 0.3], ['okand', 0.3],
  ['mannlig', 1], ['kvinnlig', 1], ['kvinnelig', 1], ['ickebinar', 1], ['ikke-binaer', 1], ['ikke-binar', 1],
  // German, Dutch, French, Spanish, Portuguese, Italian
  ['mannlich', 1], ['weiblich', 1], ['divers', 0.9], ['maennlich', 1], ['man', 1], ['vrouw', 1], ['mannelijk', 1],
  ['vrouwelijk', 1], ['homme', 1], ['femme', 1], ['masculin', 1], ['feminin', 1], ['hombre', 1], ['mujer', 1],
  ['masculino', 1], ['femenino', 1], ['feminino', 1], ['otro', 0.5], ['outro', 0.5], ['maschio', 1], ['femmina', 1],
  ['h', 0.5],
  // Courtesy titles and salutations
  ['mr', 1], ['mrs', 1], ['ms', 1], ['miss', 1], ['mx', 1], ['mister', 1], ['madam', 1], ['madame', 1],
  ['sir', 0.8], ['dr', 0.6], ['prof', 0.5], ['herr', 1], ['frau', 1], ['fraulein', 1], ['hr', 0.8], ['fru', 1],
  ['frk', 1], ['froken', 1], ['mme', 1], ['mlle', 1], ['monsieur', 1], ['mademoiselle', 1], ['sr', 0.7],
  ['sra', 1], ['srta', 1], ['senor', 1], ['senora', 1], ['senorita', 1], ['don', 0.6], ['dona', 0.7], ['dhr', 1],
  ['mevr', 1], ['mevrouw', 1], ['meneer', 1], ['heer', 0.8], ['sig', 0.6], ['sig.ra', 1], ['signor', 1],
  ['signora', 1],
]);

const MAX_LENGTH = 24;

/** 1 for an unambiguous gender or salutation, less for bare codes, 0 otherwise. */
export function genderScore(value: string): number {
  const v = value.trim();
  if (v.length === 0 || v.length > MAX_LENGTH) return 0;
  const key = foldName(v).replace(/\.$/, '');
  return VALUES.get(key) ?? 0;
}

export const gender: Detector = {
  id: 'gender',
  category: 'gender',
  description: 'gender, sex or courtesy titles',
  valueWeight: 0.6,
  match: genderScore,
  names: [
    { pattern: 'gender', weight: 0.95, lang: 'en' },
    { pattern: 'sex', weight: 0.9, lang: 'en' },
    { pattern: 'koen', weight: 0.9, lang: 'da' },
    { pattern: 'kon', weight: 0.7, lang: 'sv' },
    { pattern: 'kjoenn', weight: 0.9, lang: 'no' },
    { pattern: 'kjonn', weight: 0.9, lang: 'no' },
    { pattern: 'geschlecht', weight: 0.95, lang: 'de' },
    { pattern: 'geslacht', weight: 0.95, lang: 'nl' },
    { pattern: 'sexe', weight: 0.9, lang: 'fr' },
    { pattern: 'genre', weight: 0.5, lang: 'fr', when: 'person-context' },
    { pattern: 'sexo', weight: 0.9, lang: 'es' },
    { pattern: 'genero', weight: 0.6, lang: 'es', when: 'person-context' },
    { pattern: 'title of courtesy', weight: 0.95, lang: 'en' },
    { pattern: 'courtesy title', weight: 0.95, lang: 'en' },
    { pattern: 'courtesy', weight: 0.85, lang: 'en' },
    { pattern: 'salutation', weight: 0.9, lang: 'en' },
    { pattern: 'honorific', weight: 0.9, lang: 'en' },
    { pattern: 'name prefix', weight: 0.7, lang: 'en' },
    { pattern: 'prefix', weight: 0.4, lang: 'en', when: 'person-context' },
    // A person's `title` is usually a job title, unless its values are Mr./Ms.
    { pattern: 'title', weight: 0.3, lang: 'en', when: 'person-context' },
    { pattern: 'anrede', weight: 0.9, lang: 'de' },
    { pattern: 'tiltale', weight: 0.9, lang: 'da' },
    { pattern: 'tiltaleform', weight: 0.9, lang: 'da' },
    { pattern: 'titulering', weight: 0.8, lang: 'da' },
    { pattern: 'aanhef', weight: 0.9, lang: 'nl' },
    { pattern: 'civilite', weight: 0.9, lang: 'fr' },
    { pattern: 'tratamiento', weight: 0.8, lang: 'es' },
    // Not a person's gender: product or animal categories, ids.
    { pattern: 'product', weight: -0.8 },
    { pattern: 'music', weight: -0.9 },
    { pattern: 'book', weight: -0.9 },
    { pattern: 'film', weight: -0.9 },
    { pattern: 'size', weight: -0.9 },
    { pattern: 'id', weight: -0.85 },
  ],
};
