#!/usr/bin/env node
// Writes the release manifest of the Backstage release the suite is tested
// with, in the shape `backstage-cli versions:bump` reads from
// BACKSTAGE_MANIFEST_FILE: the release of backstage.json and the version
// yarn.lock resolves for each @backstage package (the newest, where a
// test-only package pulls in an older one too; scripts/check-backstage-versions.mjs
// lists those). For aligning an app where Backstage's release manifests
// cannot be reached.
//
//   node scripts/adopter/release-manifest.mjs [out.json]
import { readFileSync, writeFileSync } from 'node:fs';

const file = name => new URL(`../../${name}`, import.meta.url);
const releaseVersion = JSON.parse(
  readFileSync(file('backstage.json'), 'utf8'),
).version;

const newer = (a, b) => {
  const [x, y] = [a, b].map(v => v.split(/[.-]/).map(n => Number(n) || 0));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return false;
};

const versions = new Map();
let current;
for (const line of readFileSync(file('yarn.lock'), 'utf8').split('\n')) {
  const header = line.match(/^"?(@backstage\/[^@"]+)@npm:/);
  if (header) current = header[1];
  else if (!line.startsWith(' ')) current = undefined;
  const version = line.match(/^ {2}version: (.+)$/);
  if (current && version) {
    const known = versions.get(current);
    if (!known || newer(version[1], known)) versions.set(current, version[1]);
  }
}
const manifest = {
  releaseVersion,
  packages: [...versions]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => ({ name, version })),
};
const out = process.argv[2];
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (out) writeFileSync(out, text);
else process.stdout.write(text);
