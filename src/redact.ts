/**
 * Credential redaction for anything printed: connection URLs, error messages, logs.
 */

/** `postgres://user:secret@host/db?password=x` → `postgres://user:***@host/db?password=***`. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (SECRET_PARAM.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return redactText(raw);
  }
}

const SECRET_PARAM = /pass|pwd|secret|token|key|auth/i;

/** Removes anything that looks like a credential from free text, such as a driver's error message. */
export function redactText(text: string): string {
  // URLs are found word by word (split, not a regex scan) so that hostile text cannot make it slow.
  const urls = text
    .split(/(\s+)/)
    .map((word) => (word.includes('://') && word.includes('@') ? redactUserInfo(word) : word))
    .join('');
  return urls.replace(/\b(password|passwd|pwd|secret|token)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1$2***');
}

function redactUserInfo(word: string): string {
  const start = word.indexOf('://') + 3;
  const firstAt = word.indexOf('@', start);
  const colon = word.indexOf(':', start);
  // `user@host:5432`: the colon is the port's, there is no password.
  if (firstAt < 0 || colon < 0 || colon > firstAt) return word;
  // A password typed into a URL may itself hold `@`, `/`, `?` or `#`: redact up to the last `@`
  // (too much, when a query holds one too, rather than too little).
  return `${word.slice(0, colon)}:***${word.slice(word.lastIndexOf('@'))}`;
}
