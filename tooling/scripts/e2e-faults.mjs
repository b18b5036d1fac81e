#!/usr/bin/env node
// Fault-injected end-to-end run of the built CLI against the offline emulator (`pnpm
// test:e2e-faults`; not part of `pnpm test`). Builds the CLI, makes 1,000 tiny distinct PNGs and:
//
//  A. runs `gemini-vision detect IMAGES --out OUT` with ~10 % of generateContent calls failing
//     (random 429 / 500 / 503 / truncated output at 8 %, plus a dropped connection after a held
//     socket — a timeout — on every 50th call): every image must get its result and no request
//     may be billed twice (emulator `stats.billedRequests`);
//  B. starts the same run on a fresh folder, `kill -9`s the CLI once half the results are saved,
//     reruns the same command, and checks that the rerun finishes the rest, skips every image
//     saved before the kill (none of them is requested again) and that only requests in flight at
//     the kill can have been billed twice;
//  C. checks that the API key appears nowhere: stdout/stderr of every run, every file written,
//     the emulator's request log, and the error output of runs that fail on purpose (a rejected
//     key; a base URL nobody listens on);
//  D. runs `gemini-vision estimate` on a folder with symbolic-link loops, a FIFO and a link to
//     the folder's parent: it must finish promptly.
//
// Exits 1 on any failed check. Prints a Markdown summary (for BENCHMARKS.md).
//
//   node tooling/scripts/e2e-faults.mjs [--images 1000] [--concurrency 8] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    keep: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'apps/cli/dist/bin.js');
const IMAGE_COUNT = Number(values.images);
const MODEL = 'gemini-2.5-flash';
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✔' : '✘'} ${message}`);
  if (!ok) failures.push(message);
};
const load = () => loadavg().map((value) => value.toFixed(2)).join(' / ');

if (!values['skip-build']) {
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@gemini-vision/cli', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
}
if (!existsSync(bin)) {
  console.error(`No CLI build at ${bin}.`);
  process.exit(1);
}
const { startEmulator } = await import(join(root, 'packages/gemini/dist/emulator/index.js'));

const work = await mkdtemp(join(tmpdir(), 'gv-e2e-faults-'));
const SECRET = `gv-e2e-${randomBytes(12).toString('hex')}`;
console.log(`# Fault-injected end-to-end run (${new Date().toISOString()}, load ${load()})\n`);
console.log(`work: ${work}; ${IMAGE_COUNT} images; CLI concurrency ${values.concurrency}; model ${MODEL}\n`);

// --- Images: tiny distinct PNGs (16–63 px, a colour per index) ------------------------------
function png(width, height, seed) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = (seed * 37 + x * 5) & 0xff;
      raw[at + 1] = (seed * 11 + y * 7) & 0xff;
      raw[at + 2] = (seed >> 3) & 0xff;
    }
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const imagesDirectory = join(work, 'images');
await mkdir(imagesDirectory);
const imageByHash = new Map();
for (let index = 0; index < IMAGE_COUNT; index += 1) {
  const name = `img-${String(index).padStart(4, '0')}.png`;
  const bytes = png(16 + (index % 48), 16 + ((index * 7) % 48), index);
  await writeFile(join(imagesDirectory, name), bytes);
  // The emulator's request log replaces long strings by `<N chars sha256:xxxxxxxx>` of the string.
  imageByHash.set(createHash('sha256').update(bytes.toString('base64')).digest('hex').slice(0, 8), name);
}
check(imageByHash.size === IMAGE_COUNT, `${IMAGE_COUNT} distinct images generated`);

// --- Helpers -----------------------------------------------------------------------------
/** The images a generateContent request carried, by the SHA-256 prefix the request log keeps. */
function imagesOfRequest(request) {
  const names = [];
  for (const content of request.body?.contents ?? []) {
    for (const part of content.parts ?? []) {
      const data = part.inlineData?.data ?? part.inline_data?.data;
      const hash = typeof data === 'string' ? /sha256:([0-9a-f]{8})>$/u.exec(data)?.[1] : undefined;
      if (typeof data === 'string') names.push(imageByHash.get(hash ?? '') ?? '?');
    }
  }
  return names;
}
/** Saved per-image results: `<out>/*.json` except run-wide files. */
function savedResults(out) {
  if (!existsSync(out)) return [];
  return readdirSync(out).filter((name) => name.endsWith('.json') && name !== 'coco.json');
}
const logs = [];
function runCli(args, { env = {}, killWhenSaved } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('node', [bin, ...args], { cwd: work, env: { ...process.env, GEMINI_API_KEY: SECRET, NO_COLOR: '1', ...env } });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    let killed = false;
    let timer;
    if (killWhenSaved !== undefined) {
      timer = setInterval(() => {
        if (!killed && savedResults(killWhenSaved.out).length >= killWhenSaved.count) {
          killed = true;
          killWhenSaved.onKill?.();
          child.kill('SIGKILL');
        }
      }, 20);
    }
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      logs.push(output);
      resolve({ code, signal, output, killed, seconds: (performance.now() - started) / 1000 });
    });
  });
}
const faults = {
  seed: 20_261_121,
  faultRate: 0.08,
  faultKinds: ['429', '500', '503', 'truncated'],
  faultRoutes: ['generateContent'],
  // A held socket that is then dropped: what a client sees when a call times out upstream.
  faults: Array.from({ length: Math.ceil(IMAGE_COUNT / 50) }, (_, index) => ({ when: { route: 'generateContent', nth: 25 + index * 50 }, fault: { kind: 'timeout', holdMs: 1500 } })),
};
const detectArgs = (out) => ['detect', 'images', '--out', out, '--model', MODEL, '--concurrency', values.concurrency, '--base-url'];
function doubleBilled(emulator) {
  return [...emulator.stats.billedRequests.entries()].filter(([, times]) => times > 1);
}
function namesOfFingerprint(emulator, fingerprint) {
  const calls = emulator.stats.billed.filter((call) => call.fingerprint === fingerprint);
  return calls.flatMap((call) => imagesOfRequest(emulator.requests.find((request) => request.id === call.requestId) ?? {}));
}
function resultProblems(out) {
  const problems = [];
  for (const name of savedResults(out)) {
    const result = JSON.parse(readFileSync(join(out, name), 'utf8'));
    const items = result.items ?? result.result?.items;
    if (!Array.isArray(items)) problems.push(`${name}: no items`);
  }
  return problems;
}

// --- A. One run with faults --------------------------------------------------------------
{
  const emulator = await startEmulator(faults);
  const out = 'out-a';
  const run = await runCli([...detectArgs(out), emulator.url]);
  const saved = savedResults(join(work, out));
  const { stats } = emulator;
  const faultCounts = Object.entries(stats.faults).map(([kind, count]) => `${count} × ${kind}`).join(', ');
  const calls = emulator.requests.filter((request) => request.route === 'generateContent').length;
  console.log(`\nA. ${run.seconds.toFixed(1)} s, exit ${run.code}; ${calls} generateContent calls, faults served: ${faultCounts} (${((100 * Object.values(stats.faults).reduce((a, b) => a + b, 0)) / calls).toFixed(1)} % of calls); billed ${stats.billed.length}, ${Object.entries(stats.usd).map(([k, v]) => `${k} $${v.toFixed(5)}`).join(', ')}`);
  check(run.code === 0, `A: the CLI exits 0 (got ${run.code}${run.code === 0 ? '' : `; last output: ${run.output.trim().split('\n').slice(-3).join(' | ')}`})`);
  check(saved.length === IMAGE_COUNT, `A: every image has its result (${saved.length} / ${IMAGE_COUNT})`);
  check(resultProblems(join(work, out)).length === 0, 'A: every result file holds an items list');
  const twice = doubleBilled(emulator);
  check(twice.length === 0, `A: no request billed twice (${twice.length} billed more than once${twice.length === 0 ? '' : `: ${twice.slice(0, 5).map(([fingerprint, times]) => `${namesOfFingerprint(emulator, fingerprint).join('+')} ×${times}`).join(', ')}`})`);
  const truncatedBilled = stats.billed.filter((call) => call.truncated).length;
  console.log(`   truncated replies billed (and kept, not re-asked): ${truncatedBilled}`);
  await emulator.close();
}

// --- B. kill -9 halfway, then rerun -------------------------------------------------------
{
  const emulator = await startEmulator({ ...faults, seed: faults.seed + 1 });
  const out = 'out-b';
  let savedAtKill = [];
  let requestsAtKill = 0;
  const first = await runCli([...detectArgs(out), emulator.url], {
    killWhenSaved: {
      out: join(work, out),
      count: Math.floor(IMAGE_COUNT / 2),
      onKill: () => {
        savedAtKill = savedResults(join(work, out));
        requestsAtKill = emulator.requests.length;
      },
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let held sockets of the killed run close
  const savedAfterKill = new Set(savedResults(join(work, out)));
  const rerunFrom = emulator.requests.length;
  // Requests the killed run sent whose results never reached the disk: answered (and maybe
  // billed) but lost with the process.
  const savedNames = new Set([...savedAfterKill].map((name) => name.replace(/\.json$/u, '').replace(/^images_/u, '')));
  const inFlight = emulator.requests
    .slice(0, rerunFrom)
    .filter((request) => request.route === 'generateContent' && imagesOfRequest(request).some((name) => !savedNames.has(name)));
  const second = await runCli([...detectArgs(out), emulator.url]);
  const rerunRequests = emulator.requests.slice(rerunFrom).filter((request) => request.route === 'generateContent');
  const rerunImages = new Set(rerunRequests.flatMap(imagesOfRequest));
  const resentDone = [...savedNames].filter((name) => rerunImages.has(name));
  const skipped = /(\d+) already done/u.exec(second.output)?.[1];
  console.log(`\nB. first run killed (SIGKILL) after ${first.seconds.toFixed(1)} s with ${savedAtKill.length} results saved (${savedAfterKill.size} on disk once it died); rerun ${second.seconds.toFixed(1)} s, exit ${second.code}, skipped ${skipped}, sent ${rerunImages.size} images`);
  check(first.killed && first.signal === 'SIGKILL', 'B: the first run was killed with SIGKILL halfway');
  check(second.code === 0, `B: the rerun exits 0 (got ${second.code})`);
  check(savedResults(join(work, out)).length === IMAGE_COUNT, `B: after the rerun every image has its result (${savedResults(join(work, out)).length} / ${IMAGE_COUNT})`);
  check(Number(skipped) === savedAfterKill.size, `B: the rerun skips exactly the ${savedAfterKill.size} images saved before (reported ${skipped})`);
  check(resentDone.length === 0, `B: no image saved before the kill is requested again (${resentDone.length})`);
  check(rerunImages.size === IMAGE_COUNT - savedAfterKill.size, `B: the rerun requests exactly the ${IMAGE_COUNT - savedAfterKill.size} missing images (${rerunImages.size})`);
  const twice = doubleBilled(emulator);
  const inFlightNames = new Set(inFlight.flatMap(imagesOfRequest).filter((name) => !savedNames.has(name)));
  const unexplained = twice.filter(([fingerprint]) => !namesOfFingerprint(emulator, fingerprint).some((name) => inFlightNames.has(name)));
  console.log(`   requestsAtKill ${requestsAtKill}; billed twice: ${twice.length} request(s), all of them among the ${inFlightNames.size} images in flight at the kill: ${unexplained.length === 0 ? 'yes' : 'no'}`);
  check(unexplained.length === 0, `B: only requests in flight at the kill were billed twice (${unexplained.length} others)`);
  check(resultProblems(join(work, out)).length === 0, 'B: every result file holds an items list');
  await emulator.close();
}

// --- C. The key never appears ----------------------------------------------------------------
{
  const emulator = await startEmulator({ apiKeys: ['some-other-key'] });
  const rejected = await runCli(['detect', 'images/img-0000.png', '--model', MODEL, '--base-url', emulator.url, '--verbose']);
  const requestLog = JSON.stringify(emulator.requests);
  await emulator.close();
  const refused = await runCli(['detect', 'images/img-0001.png', '--model', MODEL, '--base-url', 'http://127.0.0.1:9', '--retries', '0', '--verbose']);
  const viaEnvironment = await runCli(['caption', 'images/img-0002.png', '--model', MODEL, '--retries', '0'], { env: { GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:9', GEMINI_API_KEY: '', GOOGLE_API_KEY: SECRET } });
  check(rejected.code !== 0 && refused.code !== 0 && viaEnvironment.code !== 0, `C: the three failing runs fail (exit ${rejected.code}, ${refused.code}, ${viaEnvironment.code})`);
  console.log(`\nC. error output with a rejected key: ${JSON.stringify(rejected.output.trim().split('\n').at(-1))}`);
  console.log(`   error output with nobody listening: ${JSON.stringify(refused.output.trim().split('\n').at(-1))}`);
  const outputsWithKey = logs.filter((log) => log.includes(SECRET)).length;
  check(outputsWithKey === 0, `C: the key is in none of the ${logs.length} CLI outputs (stdout + stderr)`);
  check(!requestLog.includes(SECRET), 'C: the key is not in the emulator request log');
  const files = [];
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(work);
  const secretBytes = Buffer.from(SECRET);
  const withKey = files.filter((path) => readFileSync(path).includes(secretBytes));
  check(withKey.length === 0, `C: the key is in none of the ${files.length} files written under ${work} (${withKey.map((path) => relative(work, path)).join(', ')})`);
}

// --- D. A folder with symbolic-link loops and a FIFO ----------------------------------------
{
  const hostile = join(work, 'hostile');
  await mkdir(join(hostile, 'sub'), { recursive: true });
  await writeFile(join(hostile, 'real.png'), png(20, 20, 1));
  await symlink('self.jpg', join(hostile, 'self.jpg'));
  await symlink('pong.png', join(hostile, 'ping.png'));
  await symlink('ping.png', join(hostile, 'pong.png'));
  await symlink('..', join(hostile, 'sub', 'up'));
  await symlink(hostile, join(hostile, 'sub', 'again'));
  execFileSync('mkfifo', [join(hostile, 'pipe.jpg')]);
  const walked = await runCli(['estimate', 'hostile', '--json']);
  const explicit = await runCli(['estimate', 'hostile/pipe.jpg', 'hostile/self.jpg', 'hostile/real.png', '--json']);
  console.log(`\nD. estimate on the hostile folder: ${walked.seconds.toFixed(2)} s, exit ${walked.code}; on the FIFO and the loop given by name: ${explicit.seconds.toFixed(2)} s, exit ${explicit.code}`);
  check(walked.seconds < 10 && explicit.seconds < 10, 'D: `estimate` finishes within 10 s on symbolic-link loops and a FIFO');
  check(/real\.png/u.test(walked.output), 'D: the real image in the hostile folder is estimated');
  console.log(`   ${explicit.output.trim().split('\n').filter((line) => /pipe|self/u.test(line)).slice(0, 4).join('\n   ')}`);
}

if (!values.keep) await rm(work, { recursive: true, force: true });
console.log(`\n${failures.length === 0 ? 'All checks passed.' : `${failures.length} check(s) failed.`} (load ${load()})`);
process.exit(failures.length === 0 ? 0 : 1);
