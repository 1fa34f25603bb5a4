#!/usr/bin/env node
// Installs the suite into a stock Backstage app by doing what the READMEs
// say, in the order an adopter reads them: every fenced block marked with an
// `<!-- adopter: … -->` comment on the line before it is applied to the app.
// The READMEs are the script's only source, so docs and test cannot drift: a
// README listed here without a marked block fails the run.
//
//   node scripts/adopter/follow-readmes.mjs <app folder>
//
// Markers (invisible on a package page):
//   <!-- adopter: run -->        a sh block, run in the app's root
//   <!-- adopter: backend -->    a ts block of `backend.add(…)` lines, added
//                                to packages/backend/src/index.ts before
//                                `backend.start()`; `… replaces <text>` first
//                                removes the `backend.add(…)` naming <text>
//   <!-- adopter: file -->       a block whose first line is a comment naming
//                                the file (`// packages/backend/src/x.ts`)
//   <!-- adopter: config -->     a yaml block merged into app-config.yaml
//                                (lists are appended to)
//   <!-- adopter: yarnrc -->     a yaml block merged into .yarnrc.yml
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const YAML = createRequire(join(root, 'package.json'))('yaml');

/** The READMEs an adopter follows, in order. */
export const READMES = [
  'README.md',
  'plugins/system-product-backend/README.md',
  'plugins/system-product/README.md',
  'plugins/catalog-backend-module-system-product/README.md',
  'plugins/scaffolder-backend-module-system-product/README.md',
  'plugins/search-backend-module-system-product/README.md',
  'plugins/system-product-backend-module-github/README.md',
  'plugins/system-product-backend-module-gitlab/README.md',
  'plugins/system-product-backend-module-pagerduty/README.md',
  'plugins/system-product-backend-module-prometheus/README.md',
];

/** The marked blocks of a README: `{ kind, args, lang, body, line }`. */
export function markedBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!-- adopter: ([a-z]+)(?: (.*?))? -->$/.exec(
      lines[i].trim(),
    );
    if (!marker) continue;
    let start = i + 1;
    while (lines[start]?.trim() === '') start++;
    const fence = /^```(\w*)$/.exec(lines[start] ?? '');
    if (!fence) {
      throw new Error(
        `line ${i + 1}: an adopter marker must be followed by a fenced block`,
      );
    }
    const end = lines.indexOf('```', start + 1);
    if (end < 0) throw new Error(`line ${start + 1}: unclosed block`);
    blocks.push({
      kind: marker[1],
      args: marker[2] ?? '',
      lang: fence[1],
      body: lines.slice(start + 1, end).join('\n'),
      line: i + 1,
    });
    i = end;
  }
  return blocks;
}

/** Merges `extra` into `base`: objects key by key, lists appended. */
function merge(base, extra) {
  if (Array.isArray(base) && Array.isArray(extra)) return [...base, ...extra];
  if (
    base &&
    extra &&
    typeof base === 'object' &&
    typeof extra === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(extra)
  ) {
    const out = { ...base };
    for (const [k, v] of Object.entries(extra)) {
      out[k] = k in base ? merge(base[k], v) : v;
    }
    return out;
  }
  return extra;
}

function mergeYaml(file, body) {
  let current = {};
  try {
    current = YAML.parse(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  writeFileSync(file, YAML.stringify(merge(current, YAML.parse(body))));
}

/** The `backend.add(…)` statements of a block, each as written. */
function statements(body) {
  const out = [];
  let current = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    if (depth === 0 && !line.trim().startsWith('backend.add(')) continue;
    current.push(line);
    depth += (line.match(/\(/g) ?? []).length;
    depth -= (line.match(/\)/g) ?? []).length;
    if (depth === 0) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  return out;
}

function applyBackend(app, args, body) {
  const file = join(app, 'packages/backend/src/index.ts');
  let source = readFileSync(file, 'utf8');
  const replaces = /^replaces (.+)$/.exec(args)?.[1];
  if (replaces) {
    const old = statements(source).find(s => s.includes(replaces));
    if (!old) throw new Error(`index.ts has no backend.add of ${replaces}`);
    source = source.replace(`${old}\n`, '');
  }
  const added = statements(body);
  if (added.length === 0) throw new Error('no backend.add(…) in the block');
  // A statement as code: without comments and line breaks.
  const code = statement =>
    statement
      .split('\n')
      .map(line => line.replace(/\s*\/\/.*$/, '').trim())
      .join('');
  const present = new Set(statements(source).map(code));
  for (const statement of added) {
    // A line the README marks "already there" is in a stock app.
    if (present.has(code(statement))) continue;
    source = source.replace(
      'backend.start();',
      `${statement}\nbackend.start();`,
    );
  }
  writeFileSync(file, source);
}

function apply(app, block, where) {
  switch (block.kind) {
    case 'run':
      console.log(`[adopter] ${where}: ${block.body.replace(/\\\n\s*/g, '')}`);
      execFileSync('bash', ['-euo', 'pipefail', '-c', block.body], {
        cwd: app,
        stdio: 'inherit',
      });
      return;
    case 'backend':
      console.log(`[adopter] ${where}: packages/backend/src/index.ts`);
      applyBackend(app, block.args, block.body);
      return;
    case 'file': {
      const name = /^(?:\/\/|#) (\S+)/.exec(block.body)?.[1];
      if (!name)
        throw new Error('a file block starts with a comment naming it');
      console.log(`[adopter] ${where}: ${name}`);
      mkdirSync(dirname(join(app, name)), { recursive: true });
      writeFileSync(join(app, name), `${block.body}\n`);
      return;
    }
    case 'config':
      console.log(`[adopter] ${where}: app-config.yaml`);
      mergeYaml(join(app, 'app-config.yaml'), block.body);
      return;
    case 'yarnrc':
      console.log(`[adopter] ${where}: .yarnrc.yml`);
      mergeYaml(join(app, '.yarnrc.yml'), block.body);
      return;
    default:
      throw new Error(`unknown adopter marker "${block.kind}"`);
  }
}

function main() {
  const app = process.argv[2];
  if (!app) {
    console.error('usage: follow-readmes.mjs <app folder>');
    process.exit(2);
  }
  for (const readme of READMES) {
    const blocks = markedBlocks(readFileSync(join(root, readme), 'utf8'));
    if (blocks.length === 0) {
      throw new Error(`${readme} has no <!-- adopter: … --> block to follow`);
    }
    for (const block of blocks) {
      apply(app, block, `${relative(root, join(root, readme))}:${block.line}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
