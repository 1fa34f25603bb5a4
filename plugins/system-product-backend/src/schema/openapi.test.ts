import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { spec } from './openapi.generated';
import { validatorSpec } from './validatorSpec';
import { DELIVERY_EVENT_TYPES } from '@system-product/backstage-plugin-common';

type Schema = { [keyword: string]: any };

const resolve = (schema: Schema): Schema =>
  schema.$ref
    ? resolve(
        (schema.$ref as string)
          .slice(2)
          .split('/')
          .reduce<any>((node, key) => node[key], spec),
      )
    : schema;

/** Every schema a request body is made of, with where it is. */
function requestSchemas(): Array<{ at: string; schema: Schema }> {
  const found: Array<{ at: string; schema: Schema }> = [];
  const seen = new Set<Schema>();
  const walk = (schema: Schema, at: string) => {
    const s = resolve(schema);
    if (seen.has(s)) return;
    seen.add(s);
    found.push({ at, schema: s });
    for (const [key, child] of Object.entries<Schema>(s.properties ?? {})) {
      walk(child, `${at}.${key}`);
    }
    if (s.items) walk(s.items, `${at}[]`);
    if (typeof s.additionalProperties === 'object') {
      walk(s.additionalProperties, `${at}.*`);
    }
    for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
      (s[keyword] ?? []).forEach((part: Schema, i: number) =>
        walk(part, `${at}(${keyword} ${i})`),
      );
    }
  };
  for (const [path, item] of Object.entries<Schema>(spec.paths)) {
    for (const [method, operation] of Object.entries<Schema>(item)) {
      const body = operation?.requestBody?.content?.['application/json'];
      if (body) walk(body.schema, `${method.toUpperCase()} ${path}`);
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  it('is what scripts/generate-openapi.mjs makes of openapi.yaml', () => {
    const yaml = YAML.parse(
      readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });

  it('closes and bounds every object, list and text of a request body', () => {
    const schemas = requestSchemas();
    expect(schemas.length).toBeGreaterThan(50);
    // A union (the events) is as closed as each of its branches.
    const objects = schemas.filter(
      ({ schema }) =>
        (schema.type === 'object' || schema.properties) && !schema.oneOf,
    );
    // Maps (question id to answer) bound their size and type their values;
    // the one object left open is an OpenSLO spec, which its parser reads.
    expect(
      objects
        .filter(({ schema }) => schema.additionalProperties !== false)
        .map(({ at, schema }) => [at, schema.maxProperties]),
    ).toEqual([
      ['POST /surveys/{roundId}/responses.answers', 50],
      ['POST /entities/{kind}/{namespace}/{name}/slos.spec', 20],
    ]);
    expect(
      schemas
        .filter(({ schema }) => schema.type === 'array' && !schema.maxItems)
        .map(({ at }) => at),
    ).toEqual([]);
    const unbounded = (schema: Schema) =>
      [schema.type].flat().includes('string') &&
      schema.maxLength === undefined &&
      !schema.enum &&
      schema.const === undefined &&
      !schema.format &&
      !String(schema.pattern ?? '').endsWith('$');
    expect(
      schemas.filter(({ schema }) => unbounded(schema)).map(({ at }) => at),
    ).toEqual([]);
  });

  it('lists each enum once', () => {
    const enums: string[] = [];
    JSON.stringify(spec, (key, value) => {
      if (key === 'enum' && value.length > 1) enums.push(JSON.stringify(value));
      return value;
    });
    expect(enums.filter((e, i) => enums.indexOf(e) !== i)).toEqual([]);
  });

  it('maps each discriminator value to the branch whose const it is, which the validator goes by', () => {
    const unions: Schema[] = [];
    JSON.stringify(spec, (_key, value) => {
      if (value?.discriminator) unions.push(value);
      return value;
    });
    expect(unions.length).toBeGreaterThan(0);
    for (const union of unions) {
      const { propertyName, mapping } = union.discriminator;
      const byConst = Object.fromEntries(
        union.oneOf.map((branch: Schema) => [
          resolve(branch).properties[propertyName].const,
          branch.$ref,
        ]),
      );
      expect(mapping).toEqual(byConst);
    }
    expect(JSON.stringify(validatorSpec)).not.toContain('"mapping"');
    // The event types the shared code lists are the document's.
    expect(
      Object.keys(spec.components.schemas.DeliveryEvent.discriminator.mapping),
    ).toEqual([...DELIVERY_EVENT_TYPES]);
  });
});
