import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Seeds the example canvases through the API before any test runs. */
export default function globalSetup() {
  execFileSync(
    process.execPath,
    [join(__dirname, '..', 'scripts', 'seed-demo.mjs')],
    {
      stdio: 'inherit',
      env: { ...process.env, SEED_TIMEOUT_MS: '300000' },
    },
  );
}
