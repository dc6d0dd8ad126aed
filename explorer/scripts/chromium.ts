// Finds a Chromium installed on the machine (Debian's `chromium` package, or one named by
// CHROMIUM_PATH) for playwright-core to drive. Nothing is ever downloaded.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a Chromium to run, or null when none is found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.CHROMIUM_PATH?.trim();
  if (named) return executable(named) ? named : null;
  for (const path of CANDIDATES) if (executable(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found && executable(found)) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/** True where a missing browser is a failure rather than a skip: CI=1 (or true), or KG_REQUIRE_BROWSER=1. */
export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const on = (v: string | undefined) => v !== undefined && /^(1|true|yes)$/i.test(v.trim());
  return on(env.CI) || on(env.KG_REQUIRE_BROWSER);
}

export const NO_CHROMIUM = "no Chromium found (install Debian's chromium package: apt-get install -y chromium, or set CHROMIUM_PATH)";
