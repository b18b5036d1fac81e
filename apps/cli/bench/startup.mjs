#!/usr/bin/env node
// Startup time of the built CLI: wall time of whole processes, as a person or a script sees it.
//
//   pnpm build && pnpm bench            (from apps/cli)
//   node bench/startup.mjs --runs 40    (more runs)
//
// Each case is spawned `runs` times after 3 warm-up runs (page cache warm); the table gives the
// mean, median, p90 and minimum in milliseconds. `node -e 0` is the floor no Node CLI can beat.
// With hyperfine installed the same figures can be had with:
//   hyperfine -N -w 3 'node dist/bin.js estimate ../../samples/spill-1024x768.jpg' 'node -e 0'
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const sample = fileURLToPath(new URL('../../../samples/spill-1024x768.jpg', import.meta.url));
const samples = fileURLToPath(new URL('../../../samples/', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 25 : Number(process.argv[runsFlag + 1]);
const BUDGET_MS = 150;

if (!existsSync(bin)) {
  console.error('dist/bin.js is missing: run `pnpm build` first.');
  process.exit(1);
}

const cases = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: 'gemini-vision --version', args: [bin, '--version'] },
  { name: 'gemini-vision estimate one.jpg', args: [bin, 'estimate', sample], budget: true },
  { name: 'gemini-vision estimate samples/ --json', args: [bin, 'estimate', samples, '--json'] },
  {
    name: "import('@gemini-vision/images') (loads sharp)",
    args: ['--input-type=module', '-e', "await import('@gemini-vision/images')"],
  },
];

// Reports the child's own CPU time (user + system) at exit: unlike wall time, it hardly changes
// when other work shares the machine's cores.
const CPU_REPORTER = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\ncpu-ms '+JSON.stringify(process.cpuUsage())+'\\n'))`;

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', CPU_REPORTER, ...args], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const usage = JSON.parse(/cpu-ms (\{.*\})/u.exec(String(result.stderr))?.[1] ?? '{"user":NaN,"system":NaN}');
  return { wall, cpu: (usage.user + usage.system) / 1000 };
}

const rows = [];
for (const { name, args, budget } of cases) {
  for (let index = 0; index < 3; index += 1) time(args);
  const samples = Array.from({ length: runs }, () => time(args));
  const walls = samples.map((sample) => sample.wall).sort((a, b) => a - b);
  const cpus = samples.map((sample) => sample.cpu).sort((a, b) => a - b);
  const at = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  const mean = walls.reduce((sum, value) => sum + value, 0) / walls.length;
  rows.push({ name, mean, median: at(walls, 0.5), p90: at(walls, 0.9), min: walls[0], cpu: at(cpus, 0.5), budget });
}

const width = Math.max(...rows.map((row) => row.name.length));
const load = (await import('node:os')).loadavg()[0].toFixed(1);
console.log(`Node ${process.version}, ${runs} runs per case after 3 warm-up runs; load average ${load} on ${(await import('node:os')).availableParallelism()} cores`);
console.log(`${'case'.padEnd(width)}  wall: mean median    p90    min   cpu: median`);
for (const row of rows) {
  const cells = [row.mean, row.median, row.p90, row.min].map((value) => value.toFixed(1).padStart(6));
  const verdict = row.budget ? `   (budget ${BUDGET_MS} ms wall: ${row.median <= BUDGET_MS ? 'met' : 'missed'} on the median)` : '';
  console.log(`${row.name.padEnd(width)}       ${cells.join(' ')}   ${row.cpu.toFixed(1).padStart(10)}${verdict}`);
}
