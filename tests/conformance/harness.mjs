// What the conformance scripts share: RingCentral's npm packages from the prefix the test installed
// them into (SDK_DIR), the simulator's first-line JSON, and numbered checks that stop at the first miss.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.SDK_DIR || process.cwd(), 'package.json'));

/** A package installed under SDK_DIR (e.g. '@ringcentral/sdk'). */
export const load = (name) => require(name);

/** The simulator's first output line: argv[2], or the SIM_INFO environment variable. */
export const info = JSON.parse(process.argv[2] || process.env.SIM_INFO || '');

let checks = 0;

/** Prints "ok - what", or "FAIL: what" and exits 1. */
export function check(condition, what) {
  if (!condition) {
    console.error(`FAIL: ${what}`);
    process.exit(1);
  }
  checks++;
  console.log(`ok - ${what}`);
}

/** The closing line the Pester test looks for. */
export function passed() {
  console.log(`all ${checks} checks passed`);
}
