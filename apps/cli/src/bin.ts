#!/usr/bin/env node
// The `gemini-vision` executable: runs main() and sets the exit code. Nothing else lives here.
import { createProcessIo } from './cli-io';
import { main } from './main';

// With --debug, stack traces point into src/ rather than the bundle.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
process.exitCode = await main(process.argv.slice(2), createProcessIo());
