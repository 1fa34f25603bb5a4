#!/usr/bin/env node
// Turns the backend's OpenAPI document (src/schema/openapi.yaml) into the
// TypeScript module the router validates requests with. Run after editing the
// YAML; a test fails while the two disagree. (Backstage's own generator needs
// a Java tool this project cannot download, so the module is written here.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const dir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../plugins/system-product-backend/src/schema',
);
const require = createRequire(join(dir, 'package.json'));
const YAML = require('yaml');
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');

const spec = YAML.parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8'));
const source =
  `// Generated from openapi.yaml by scripts/generate-openapi.mjs. Do not edit.\n\n` +
  `/** The OpenAPI document of the System Product REST API. @public */\n` +
  `export const spec = ${JSON.stringify(spec, null, 2)} as const;\n`;
writeFileSync(
  join(dir, 'openapi.generated.ts'),
  prettier.format(source, { ...prettierConfig, parser: 'typescript' }),
);
console.log('wrote src/schema/openapi.generated.ts');
