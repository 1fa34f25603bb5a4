#!/usr/bin/env node
// Checks the packed packages as a registry would serve them: each has a
// LICENSE, and every package its published type declarations and code
// import is one it declares (dependencies or peerDependencies), so an app
// that installs it type-checks without adding what the package forgot.
//
//   node scripts/adopter/check-tarballs.mjs <folder of .tgz files>
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const tar = (...args) =>
  execFileSync('tar', args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
const builtins = new Set(builtinModules);

let problems = 0;
for (const file of readdirSync(folder).filter(f => f.endsWith('.tgz'))) {
  const path = join(folder, file);
  const files = tar('-tzf', path).split('\n');
  const manifest = JSON.parse(tar('-xzOf', path, 'package/package.json'));
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  if (!files.includes('package/LICENSE')) {
    console.error(`${manifest.name}: no LICENSE`);
    problems++;
  }
  const published = files.filter(f =>
    /^package\/dist\/.*\.(d\.ts|cjs\.js|esm\.js)$/.test(f),
  );
  const missing = new Map();
  for (const f of published) {
    const text = tar('-xzOf', path, f);
    const specifiers = [
      ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
      ...text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map(m => m[1]);
    for (const s of specifiers) {
      if (s.startsWith('.') || s.startsWith('node:') || builtins.has(s)) {
        continue;
      }
      const name = s.startsWith('@')
        ? s.split('/').slice(0, 2).join('/')
        : s.split('/')[0];
      if (!declared.has(name)) missing.set(name, f.slice('package/'.length));
    }
  }
  for (const [name, where] of missing) {
    console.error(`${manifest.name}: ${where} imports ${name}, not declared`);
    problems++;
  }
}
if (problems > 0) process.exit(1);
console.log(`[adopter] packed packages: a LICENSE each, every import declared`);
