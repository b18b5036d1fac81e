// Runs the built binary (`dist/bin.js`) as a child process, the way people and scripts do.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built executable; `turbo run test` builds it first (apps/cli/turbo.json). */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
/** The repository's sample images. */
export const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
/** This folder's fixtures. */
export const FIXTURES = fileURLToPath(new URL('__fixtures__/', import.meta.url));

/** What a finished run printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli} and {@link spawnCli}. */
export interface RunCliOptions {
  /** Working directory. @defaultValue this package's folder */
  readonly cwd?: string;
  /** Extra environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kills the child after this long. @defaultValue 60 s */
  readonly timeoutMs?: number;
}

/** Variables that would change the CLI's behaviour if inherited from the developer's shell. */
const CLEARED = ['NO_COLOR', 'FORCE_COLOR', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GEMINI_BASE_URL', 'GOOGLE_GENAI_USE_VERTEXAI'];

/** Starts `node dist/bin.js …args` with a clean environment. */
export function spawnCli(args: readonly string[], options: RunCliOptions = {}): ChildProcess {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !CLEARED.includes(name)) env[name] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) Reflect.deleteProperty(env, name);
    else env[name] = value;
  }
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? fileURLToPath(new URL('..', import.meta.url)),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion and collects its output. */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const child = spawnCli(args, options);
  return collect(child, options.timeoutMs ?? 60_000);
}

/** Collects a spawned CLI's output until it exits. */
export function collect(child: ChildProcess, timeoutMs = 60_000): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gemini-vision timed out after ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
