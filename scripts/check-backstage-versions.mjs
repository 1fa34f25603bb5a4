#!/usr/bin/env node
// Backstage's own `versions:check` is gone from the CLI of this release; this is
// its equivalent: every @backstage/* package must resolve to exactly one version
// in yarn.lock, so no two release lines mix at run time. The only exceptions are
// listed below, each with the reason, and are checked to still be needed.
import { readFileSync } from 'node:fs';

const allowed = {
  // @backstage/backend-test-utils 1.11.7 is the newest published; it still
  // depends on the previous release line of these. Test-only: the demo backend
  // and the plugins run on the current line.
  '@backstage/backend-defaults': 'pulled in by @backstage/backend-test-utils',
  '@backstage/plugin-events-node':
    'pulled in by backend-defaults of backend-test-utils',
  // @backstage/plugin-scaffolder-node-test-utils 0.3.14 is the newest published.
  '@backstage/plugin-scaffolder-node':
    'pulled in by @backstage/plugin-scaffolder-node-test-utils',
};

const lock = readFileSync(new URL('../yarn.lock', import.meta.url), 'utf8');
const versions = new Map();
let current;
for (const line of lock.split('\n')) {
  const header = line.match(/^"?(@backstage\/[^@"]+)@/);
  if (header) current = header[1];
  else if (!line.startsWith(' ')) current = undefined;
  const version = line.match(/^ {2}version: (.+)$/);
  if (current && version) {
    if (!versions.has(current)) versions.set(current, new Set());
    versions.get(current).add(version[1]);
  }
}

let failed = false;
for (const [name, set] of [...versions].sort()) {
  if (set.size > 1 && !allowed[name]) {
    console.error(
      `${name} resolves to several versions: ${[...set].join(', ')}`,
    );
    failed = true;
  }
}
for (const name of Object.keys(allowed)) {
  if ((versions.get(name)?.size ?? 0) < 2) {
    console.error(
      `${name} is allowed to have several versions but no longer does: remove it from the list`,
    );
    failed = true;
  }
}
const release = JSON.parse(
  readFileSync(new URL('../backstage.json', import.meta.url), 'utf8'),
).version;
console.log(
  `${versions.size} @backstage packages, release ${release}: ${
    failed
      ? 'mismatches found'
      : 'one version each, apart from the documented test-only exceptions'
  }`,
);
process.exit(failed ? 1 : 0);
