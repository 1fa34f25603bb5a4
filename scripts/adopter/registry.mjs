#!/usr/bin/env node
// A package registry of one scope for the adopter test: serves the packed
// tarballs of a folder the way a registry serves published packages
// (packuments at /<name>, tarballs at /-/<file>), so the stock app installs
// the suite with the commands the READMEs give, its .yarnrc.yml pointing the
// @system-product scope here. Everything else still comes from the registry
// the machine is configured with.
//
//   node scripts/adopter/registry.mjs <folder of .tgz files> <port file>
//
// Listens on a free loopback port and writes it to <port file>.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const [folder, portFile] = process.argv.slice(2);
if (!folder || !portFile) {
  console.error('usage: registry.mjs <folder of .tgz files> <port file>');
  process.exit(2);
}

/** Every tarball's package.json and integrity, by package name. */
function packages(origin) {
  const byName = new Map();
  for (const file of readdirSync(folder).filter(f => f.endsWith('.tgz'))) {
    const path = join(folder, file);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', path, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    const bytes = readFileSync(path);
    const published = statSync(path).mtime.toISOString();
    const entry = byName.get(manifest.name) ?? {
      name: manifest.name,
      'dist-tags': {},
      versions: {},
      time: { created: published },
    };
    entry.versions[manifest.version] = {
      ...manifest,
      dist: {
        tarball: `${origin}/-/${encodeURIComponent(file)}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
        integrity: `sha512-${createHash('sha512')
          .update(bytes)
          .digest('base64')}`,
      },
    };
    entry['dist-tags'].latest = manifest.version;
    entry.time[manifest.version] = published;
    entry.time.modified = published;
    byName.set(manifest.name, entry);
  }
  return byName;
}

const server = createServer((req, res) => {
  const origin = `http://${req.headers.host}`;
  const path = decodeURIComponent(new URL(req.url, origin).pathname);
  if (path.startsWith('/-/')) {
    try {
      const bytes = readFileSync(
        join(folder, path.slice(3).replace(/\//g, '')),
      );
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
    } catch {
      res.writeHead(404).end();
    }
    return;
  }
  const packument = packages(origin).get(path.slice(1));
  if (!packument) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(packument));
});

server.listen(0, '127.0.0.1', () => {
  writeFileSync(portFile, String(server.address().port));
});
