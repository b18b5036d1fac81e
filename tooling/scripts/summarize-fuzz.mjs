#!/usr/bin/env node
// Adds up the case counts the fuzz runs wrote to `packages/*/.cache/fuzz-report/*.json` (one file
// per `*.fuzz.test.ts`, written by the fuzz harness after its tests) and prints a Markdown table:
// cases per target, how many ended in a result and how many in a typed error, the slowest case.
// Run after `turbo run test:fuzz`; the root `pnpm test:fuzz` does both.
//
//   node tooling/scripts/summarize-fuzz.mjs [--min-cases N]
//
// Exits 1 if a report is missing or a target ran fewer than N cases (default: FUZZ_RUNS, or
// 100,000), so that a silently shortened run cannot pass as a full one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const minIndex = process.argv.indexOf('--min-cases');
const minCases = Number(minIndex === -1 ? (process.env.FUZZ_RUNS ?? 100_000) : process.argv[minIndex + 1]);

/** Targets checked by a property that runs a fraction of FUZZ_RUNS on purpose (extra checks). */
const PARTIAL = /\(not a string\)$|^(detect|segment|point) labels$/u;

const rows = [];
for (const group of ['packages', 'apps']) {
  const groupDirectory = join(root, group);
  if (!existsSync(groupDirectory)) continue;
  for (const name of readdirSync(groupDirectory)) {
    const reports = join(groupDirectory, name, '.cache', 'fuzz-report');
    if (!existsSync(reports)) continue;
    for (const file of readdirSync(reports).filter((entry) => entry.endsWith('.json')).sort()) {
      const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
      for (const [target, entry] of Object.entries(report.targets)) rows.push({ where: `${group}/${name} ${report.name}`, target, ...entry });
    }
  }
}

if (rows.length === 0) {
  console.error('No fuzz reports found under packages/*/.cache/fuzz-report; run `turbo run test:fuzz` first.');
  process.exit(1);
}

const format = (value) => value.toLocaleString('en-US');
console.log('| package, file | target | cases | results | typed errors | slowest case | time in target |');
console.log('|---|---|---|---|---|---|---|');
let total = 0;
let seconds = 0;
const short = [];
for (const row of rows) {
  total += row.cases;
  seconds += row.totalMs / 1000;
  console.log(
    `| ${row.where} | \`${row.target}\` | ${format(row.cases)} | ${format(row.results)} | ${format(row.typedErrors)} | ${row.slowestMs.toFixed(1)} ms | ${(row.totalMs / 1000).toFixed(1)} s |`,
  );
  if (row.cases < minCases && !PARTIAL.test(row.target)) short.push(`${row.target} (${row.cases})`);
}
console.log(`\n${format(total)} cases in ${rows.length} targets; ${seconds.toFixed(0)} s inside the functions under test.`);
if (short.length > 0) {
  console.error(`Targets below ${format(minCases)} cases: ${short.join(', ')}`);
  process.exit(1);
}
