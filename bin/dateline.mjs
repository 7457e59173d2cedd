#!/usr/bin/env node
// `npx dateline …`: the command-line tool, built like `npm start` and run from dist/.
import { buildAndRun } from '../scripts/run-built.mjs';

await buildAndRun('cli.js');
