/**
 * Masking of example values. Reports, logs and errors carry masked examples only; the shape
 * of the value stays readable (`j***@***.dk`, `+45 ** ** ** 78`) while the person does not.
 */

/** Masks one value. Keeps separators and a hint of the shape, never enough to identify anyone. */
export function maskValue(value: string, category?: string): string {
  const v = value.trim();
  if (v.length === 0) return '';
  if (category === 'email' || (category === undefined && v.includes('@'))) return maskEmail(v);
  if (category === 'password') return '********';
  if (/^[\d\s()+./-]{6,}$/.test(v)) return maskDigits(v);
  return maskWords(v);
}

function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  // Text that merely contains an address (`Contact a@b.dk. Regards, Jens Hansen`) is masked word by
  // word: what follows its `@` is no domain, and its last "top-level domain" would be the words.
  if (at < 1 || /\s/.test(v)) return maskWords(v);
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot + 1) : '';
  // Top-level domains are letters; anything else after the last dot could be part of a name.
  return `${[...local][0] ?? ''}***@***${/^[a-z]{2,24}$/i.test(tld) ? `.${tld}` : ''}`;
}

/** Digits: keep the first two and last two digit characters, mask the rest, keep separators. */
function maskDigits(v: string): string {
  const digitCount = v.replace(/\D/g, '').length;
  let seen = 0;
  let out = '';
  for (const ch of v) {
    if (/\d/.test(ch)) {
      seen++;
      out += seen <= 2 || seen > digitCount - 2 ? ch : '*';
    } else {
      out += ch;
    }
  }
  return digitCount <= 6 ? out.replace(/\d/g, '*') : out;
}

/** Words: first letter of each word, the rest masked with a fixed-length run (length is not leaked). */
function maskWords(v: string): string {
  const words = v.split(/\s+/).slice(0, 4);
  const masked = words.map((w) => (w.length <= 1 ? '*' : `${[...w][0]}***`)).join(' ');
  return v.split(/\s+/).length > 4 ? `${masked} …` : masked;
}
