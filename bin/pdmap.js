#!/usr/bin/env node
// Entry point of the published CLI: the compiled code lives in dist/ (built by `npm run build`).
import { run } from '../dist/src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
