import type { NameSignal } from '../types.js';

/**
 * Field-name evidence: splits `BillingPostalCode`, `kontakt_e-mail`, `TLF_NR`, `addr1`
 * into folded tokens and matches detectors' name patterns against them.
 */

const FOLD: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ß: 'ss',
  œ: 'oe',
  ð: 'd',
  þ: 'th',
  ł: 'l',
};

/** Lower-case, fold Nordic letters and strip accents: `Fødselsdato` → `foedselsdato`. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåßœðþł]/g, (ch) => FOLD[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/**
 * Tokens of a field name: split at separators, camelCase humps, and letter/digit borders.
 * `BillingPostalCode` → [billing, postal, code]; `addr1` → [addr, 1]; `HTTPStatus` → [http, status].
 */
export function tokenize(name: string): string[] {
  const spaced = name
    // camelCase and PascalCase humps; acronym followed by a word (HTTPStatus → HTTP Status)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  return (
    foldText(spaced)
      // Again after folding: compatibility forms unfold into letters and digits (`㎡` → `m2`).
      .replace(/([a-z])(\d)/g, '$1 $2')
      .replace(/(\d)([a-z])/g, '$1 $2')
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 0)
  );
}

interface CompiledPattern {
  readonly parts: readonly string[];
  /** The parts as one word (`postalcode`). */
  readonly joined: string;
  readonly prefix: boolean; // `*mail`: the first part may end a longer token
  readonly suffix: boolean; // `telefon*`: the last part may begin a longer token
}

const compiled = new Map<string, CompiledPattern>();

function compile(pattern: string): CompiledPattern {
  let c = compiled.get(pattern);
  if (!c) {
    const trimmed = pattern.trim();
    const prefix = trimmed.startsWith('*');
    const suffix = trimmed.endsWith('*');
    const parts = tokenize(trimmed.replace(/^\*|\*$/g, ''));
    c = { parts, joined: parts.join(''), prefix, suffix };
    compiled.set(pattern, c);
  }
  return c;
}

/**
 * Does `pattern` occur in `tokens`? A multi-word pattern matches a run of tokens, or the same
 * letters written as one token (`postal code` matches `postalcode` and `postal_code`).
 */
export function matchesPattern(tokens: readonly string[], pattern: string): boolean {
  const p = compile(pattern);
  if (p.parts.length === 0) return false;
  const joined = p.joined;
  for (let start = 0; start < tokens.length; start++) {
    // Join up to the pattern's length in letters, so `e_mail` and `email` are one word.
    let run = '';
    for (let end = start; end < tokens.length && run.length < joined.length + 40; end++) {
      run += tokens[end];
      if (wordMatches(run, joined, p.prefix, p.suffix)) {
        return true;
      }
      if (run.length >= joined.length && !p.prefix && !p.suffix) break;
    }
  }
  return false;
}

function wordMatches(word: string, target: string, prefix: boolean, suffix: boolean): boolean {
  if (prefix && suffix) return word.includes(target);
  if (prefix) return word.endsWith(target);
  if (suffix) return word.startsWith(target);
  return word === target;
}

export interface NameMatch {
  /** Strongest positive hint that fired, 0 if none. */
  readonly positive: number;
  /** Strongest counter-hint that fired, as a positive number, 0 if none. */
  readonly negative: number;
  /** The pattern behind `positive`. */
  readonly pattern?: string;
}

/** Scores a field name against a detector's signals. */
export function scoreName(
  tokens: readonly string[],
  signals: readonly NameSignal[] | undefined,
  personContext: boolean,
  employmentContext = false,
): NameMatch {
  let positive = 0;
  let negative = 0;
  let pattern: string | undefined;
  for (const s of signals ?? []) {
    if (s.when === 'person-context' && !personContext) continue;
    if (s.when === 'no-person-context' && personContext) continue;
    if (s.when === 'employment-context' && !employmentContext) continue;
    if (!matchesPattern(tokens, s.pattern)) continue;
    if (s.weight > positive) {
      positive = s.weight;
      pattern = s.pattern;
    } else if (s.weight < 0 && -s.weight > negative) {
      negative = -s.weight;
    }
  }
  return pattern === undefined ? { positive, negative } : { positive, negative, pattern };
}
