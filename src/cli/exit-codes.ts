/** Exit codes of every command, documented in docs/cli.md. */
export const EXIT = { ok: 0, findings: 1, scanFailed: 2, usage: 64 } as const;
