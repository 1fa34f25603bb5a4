#!/usr/bin/env node
// Generates everything the code takes from the OpenAPI document
// (plugins/system-product-backend/src/schema/openapi.yaml), the API's one
// contract:
//
// - backend src/schema/openapi.generated.ts: the document as a const, which
//   the router validates every request with;
// - common src/schema/openapi.generated.ts: the TypeScript types of every
//   path and schema (openapi-typescript), which the client (openapi-fetch)
//   and the shared types are made of;
// - backend src/schema/router.generated.ts: the endpoint map that types the
//   router's handlers (request path, query and body, response body), in the
//   shape Backstage's createValidatedOpenApiRouterFromGeneratedEndpointMap
//   takes.
//
// Backstage's own generator (backstage-repo-tools package schema openapi
// generate) runs a Java tool that cannot be downloaded here; this script
// uses generators kept in the npm registry instead.
//
//   node scripts/generate-openapi.mjs           write the files
//   node scripts/generate-openapi.mjs --check   fail if any is out of date
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const backendSchema = join(root, 'plugins/system-product-backend/src/schema');
const commonSchema = join(root, 'plugins/system-product-common/src/schema');
const require = createRequire(join(backendSchema, 'package.json'));
const YAML = require('yaml');
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');

const HEADER =
  '// Generated from plugins/system-product-backend/src/schema/openapi.yaml\n' +
  '// by scripts/generate-openapi.mjs. Do not edit.\n\n';

const spec = YAML.parse(
  readFileSync(join(backendSchema, 'openapi.yaml'), 'utf8'),
);

/** The document as a const, for the validating router. */
function documentModule() {
  return (
    HEADER +
    `/** The OpenAPI document of the System Product REST API. @public */\n` +
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;\n`
  );
}

/** The types of every path and schema, for the client and shared types. */
async function typesModule() {
  const ast = await openapiTS(spec, {
    // Optional properties stay optional, never `| undefined` added.
    exactOptionalPropertyTypes: false,
    // additionalProperties: false everywhere: no index signatures.
    additionalProperties: false,
    // Each enum also as a list of its values, so no enum is listed twice.
    enumValues: true,
  });
  return (
    HEADER +
    '/* eslint-disable */\n' +
    '// The REST API of the System Product backend, as TypeScript types.\n\n' +
    // The three the package exports, tagged for its API report.
    astToString(ast)
      .replace(
        /^export interface (paths|components|operations) \{/gm,
        '/** @public */\nexport interface $1 {',
      )
      // Comments in TSDoc: openapi-typescript's JSDoc tags (`@description`,
      // `@enum {string}`, `@constant`) are not TSDoc tags, and the text says
      // what they did.
      .replace(/^(\s*\/?\*\*?) @description /gm, '$1 ')
      .replace(/^\s*\* @enum \{[^}]+\}\n/gm, '')
      .replace(/^\s*\/\*\* @enum \{[^}]+\} \*\/\n/gm, '')
      .replace(/^\s*\/\*\* @constant \*\/\n/gm, '')
      // Braces in comment text are TSDoc inline tags unless escaped.
      .replace(/^(\s*(?:\/\*\*|\*) .*)$/gm, line =>
        line.replace(/(?<!\\)([{}])/g, '\\$1'),
      )
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The success response of an operation: its status and media type. */
function success(operation) {
  const status = Object.keys(operation.responses ?? {})
    .filter(code => /^2\d\d$/.test(code))
    .sort()[0];
  if (!status) throw new Error(`${operation.operationId}: no 2xx response`);
  const content = operation.responses[status].content ?? {};
  return { status, mediaType: Object.keys(content)[0] };
}

/**
 * The endpoint map: for each operation, the request's path and query
 * parameters and body and the success response body, as types of the
 * common package. Keyed `#method|path` as Backstage's generator keys it
 * (`_delete` for DELETE).
 */
function routerModule() {
  const lines = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const op = `operations[${JSON.stringify(operation.operationId)}]`;
      const parameters = [
        ...(item.parameters ?? []),
        ...(operation.parameters ?? []),
      ].map(p => (p.$ref ? resolveRef(p.$ref) : p));
      const fields = [];
      if (parameters.some(p => p.in === 'path')) {
        fields.push(`path: ${op}['parameters']['path'];`);
      }
      if (parameters.some(p => p.in === 'query')) {
        fields.push(`query: NonNullable<${op}['parameters']['query']>;`);
      }
      if (operation.requestBody) {
        fields.push(
          `body: NonNullable<${op}['requestBody']>['content']['application/json'];`,
        );
      }
      const { status, mediaType } = success(operation);
      fields.push(
        mediaType === 'application/json'
          ? `response: ${op}['responses'][${status}]['content']['application/json'];`
          : mediaType
          ? `response: string;`
          : `response: void;`,
      );
      const key = `#${method === 'delete' ? '_delete' : method}|${path}`;
      lines.push(
        `  ${JSON.stringify(key)}: {\n    ${fields.join('\n    ')}\n  };`,
      );
    }
  }
  return (
    HEADER +
    `import type { SystemProductApiOperations as operations } from '@system-product/backstage-plugin-common';\n\n` +
    '/**\n' +
    ' * Every operation of the API: path and query parameters, request body and\n' +
    ' * success response body, for the typed router.\n' +
    ' */\n' +
    `export type EndpointMap = {\n${lines.join('\n')}\n};\n`
  );
}

function resolveRef(ref) {
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node[key], spec);
}

const outputs = [
  [join(backendSchema, 'openapi.generated.ts'), documentModule()],
  [join(commonSchema, 'openapi.generated.ts'), await typesModule()],
  [join(backendSchema, 'router.generated.ts'), routerModule()],
];

const check = process.argv.includes('--check');
const stale = [];
for (const [file, source] of outputs) {
  const formatted = await prettier.format(source, {
    ...prettierConfig,
    parser: 'typescript',
  });
  const name = relative(root, file);
  if (check) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current !== formatted) stale.push(name);
    continue;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, formatted);
  console.log(`wrote ${name}`);
}
if (stale.length > 0) {
  console.error(
    `Out of date with openapi.yaml: ${stale.join(', ')}.\n` +
      'Run `node scripts/generate-openapi.mjs` and commit the result.',
  );
  process.exit(1);
}
if (check) console.log('The generated API files match openapi.yaml.');
