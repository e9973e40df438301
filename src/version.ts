import { createRequire } from 'node:module';

// package.json is the one place the version is written; read it once at load.
const pkg = createRequire(import.meta.url)(import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json') as { version: string };

export const VERSION: string = pkg.version;
