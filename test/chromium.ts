// Debian's Chromium for the browser tests, launched one way everywhere. `npm test` installs it when
// it is missing (scripts/test-machine.sh); no test downloads a browser of its own, and none is skipped.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium headless, sandbox and GPU off, no background networking; a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run npm test (it installs Debian's chromium), or apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
