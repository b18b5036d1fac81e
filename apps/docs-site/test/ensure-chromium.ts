// vitest global setup: the browser test drives Debian's chromium with playwright-core. When it is
// missing, install it with apt (root only), never with `playwright install` (which downloads a
// browser build from outside the package registries).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${String(result.status)}`}): ${result.stderr.slice(-2000)}`,
    );
  }
}

/** Installs chromium with apt-get when it is not there yet. */
export default function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(`[docs-site] ${CHROMIUM_PATH} is missing: installing Debian's chromium with apt-get…`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} still does not exist.`);
}
