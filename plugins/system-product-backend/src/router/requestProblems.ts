import express from 'express';
import { FieldProblem, fieldPath } from '../services/FieldChecker';
import { spec } from '../schema/openapi.generated';

type Schema = { [keyword: string]: any };
type Part = string | number;

/**
 * What is wrong with a request before any service saw it, as found by the
 * schema check or the text check. Never answered as is: `createRouter` turns
 * it into an `InputError` (or a refused event batch) naming each field.
 */
export class RequestProblems extends Error {
  name = 'RequestProblems';

  constructor(readonly problems: FieldProblem[]) {
    super(problems.map(p => `${p.field}: ${p.rule}`).join('; '));
  }
}

/** The schema of a JSON pointer `#/components/...` into the OpenAPI document. */
function resolve(schema: Schema | undefined): Schema | undefined {
  let resolved = schema;
  for (let hops = 0; resolved?.$ref && hops < 10; hops++) {
    resolved = (resolved.$ref as string)
      .slice(2)
      .split('/')
      .reduce<any>((node, key) => node?.[key], spec);
  }
  return resolved;
}

/** The branch of a discriminated `oneOf` that `data` takes, if any. */
function branchOf(schema: Schema, data: unknown): Schema | undefined {
  const tag = schema.discriminator?.propertyName;
  if (!tag || !Array.isArray(schema.oneOf)) return undefined;
  const value = (data as Record<string, unknown> | null)?.[tag];
  return schema.oneOf
    .map(resolve)
    .find((b: Schema | undefined) => b?.properties?.[tag]?.const === value);
}

/** The fields an object schema names (with its `allOf` and its branch). */
function namedFields(schema: Schema | undefined, data: unknown): string[] {
  const s = resolve(schema);
  if (!s) return [];
  return [
    ...Object.keys(s.properties ?? {}),
    ...(s.allOf ?? []).flatMap((part: Schema) => namedFields(part, data)),
    ...namedFields(branchOf(s, data), data),
  ];
}

/** The schema of the part `key` of `data`, which `schema` describes. */
function childSchema(
  schema: Schema | undefined,
  key: Part,
  data: unknown,
): Schema | undefined {
  const s = resolve(schema);
  if (!s) return undefined;
  const branch = branchOf(s, data);
  if (branch) return childSchema(branch, key, data);
  if (Array.isArray(data)) return s.items;
  if (s.properties && Object.hasOwn(s.properties, key)) {
    return s.properties[key];
  }
  for (const part of s.allOf ?? []) {
    const found = childSchema(part, key, data);
    if (found) return found;
  }
  return typeof s.additionalProperties === 'object'
    ? s.additionalProperties
    : undefined;
}

/** The OpenAPI operation a request is for. */
function operationOf(req: express.Request): Schema | undefined {
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}/?$`);
    if (pattern.test(req.path)) {
      return (item as Record<string, Schema>)[req.method.toLowerCase()];
    }
  }
  return undefined;
}

const TYPES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};
// The validator's rules as its messages say them, and as ours do.
const RULES: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  [/^must match format "date"$/, 'must be a date (YYYY-MM-DD) that exists'],
  [
    /^must match format "date-time"$/,
    'must be an ISO 8601 date-time with a time zone (such as 2026-11-20T10:00:00Z) on a day that exists',
  ],
  [/^must match pattern "\\S"$/, 'must not be blank'],
  [
    /^must be equal to one of the allowed values: (.*)$/,
    v => `must be one of ${v}`,
  ],
  [
    /^must NOT have (more|fewer) than (\d+) (characters|items|properties)$/,
    (more, n, what) => {
      const noun = what === 'properties' ? 'field' : what.slice(0, -1);
      const bound = more === 'more' ? 'at most' : 'at least';
      const verb = what === 'characters' ? 'be' : 'have';
      return `must ${verb} ${bound} ${n} ${noun}${n === '1' ? '' : 's'}`;
    },
  ],
  [/^must be >= (\S+)$/, n => `must be at least ${n}`],
  [/^must be <= (\S+)$/, n => `must be at most ${n}`],
  [
    /^must be ([a-z,]+)$/,
    types =>
      `must be ${types
        .split(',')
        .map(t => TYPES[t] ?? t)
        .join(' or ')}`,
  ],
];
// Said by a combinator when a part of it failed, whose own errors say why.
const SUMMARY =
  /^must match (exactly one schema in oneOf|a schema in anyOf|"then" schema|"else" schema)$/;

function ruleOf(message: string): string {
  for (const [pattern, rule] of RULES) {
    const match = pattern.exec(message);
    if (match) {
      return typeof rule === 'string' ? rule : rule(...match.slice(1));
    }
  }
  return message.replace('must NOT', 'must not');
}

/** The parts of a JSON pointer of the validator, `/body/events/2/deployTime`. */
function partsOf(pointer: string, root: unknown): Part[] {
  let data = root;
  return pointer
    .split('/')
    .slice(1)
    .map(raw => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const part: Part = Array.isArray(data) ? Number(key) : key;
      data = (data as any)?.[part];
      return part;
    });
}

/**
 * The problems of a request the OpenAPI validator refused, from its error
 * (whose message alone survives Backstage's wrapping): each field named as
 * the services name theirs, each rule in words, and an unknown field named
 * by its name (the validator names only the object that holds it).
 */
export function schemaProblems(
  error: Error,
  req: express.Request,
): FieldProblem[] | undefined {
  if (error.name !== 'InputError') return undefined;
  const { message } = error;
  const unknownParameter =
    /^(Unknown|Empty value found for) query parameter '(.*)'$/.exec(message);
  if (unknownParameter) {
    return [
      {
        field: fieldPath('query', [unknownParameter[2]]),
        rule:
          unknownParameter[1] === 'Unknown'
            ? 'is not a known parameter'
            : 'must not be empty',
      },
    ];
  }
  if (!message.startsWith('request/')) return undefined;

  const request = {
    body: req.body,
    params: req.params,
    query: req.query,
    headers: req.headers,
  };
  const bodySchema =
    operationOf(req)?.requestBody?.content?.['application/json']?.schema;
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (field: string, rule: string) => {
    if (seen.has(`${field}\n${rule}`)) return;
    seen.add(`${field}\n${rule}`);
    problems.push({ field, rule });
  };
  const summaries: FieldProblem[] = [];
  for (const entry of message.split(/, (?=request\/)/)) {
    // The pointer ends where the rule begins (a field's name may hold a space).
    const match = /^request(\/.*?) ((?:must|tag|value of tag) .*)$/s.exec(
      entry,
    );
    if (!match) continue;
    const [root, ...parts] = partsOf(match[1], request);
    const said = match[2];
    // Where in the request it is, and what the schema says of it there.
    let data: unknown = (request as Record<string, unknown>)[root];
    let schema: Schema | undefined = root === 'body' ? bodySchema : undefined;
    for (const part of parts) {
      schema = childSchema(schema, part, data);
      data = (data as any)?.[part];
    }
    const field = fieldPath(String(root), parts);
    const required = /^must have required property '(.*)'$/.exec(said);
    const tag =
      /^(?:value of )?tag "(.*)" must (?:be string|be in oneOf)$/.exec(said);
    if (said === 'must NOT have additional properties') {
      const known = new Set(namedFields(schema, data));
      const unknown = Object.keys(data ?? {}).filter(key => !known.has(key));
      for (const key of unknown) {
        add(fieldPath(field, [key]), 'is not a known field');
      }
      if (unknown.length === 0) add(field, 'has a field that is not known');
    } else if (required) {
      add(fieldPath(field, [required[1]]), 'is required');
    } else if (tag) {
      const kinds = (resolve(schema)?.oneOf ?? [])
        .map((b: Schema) => resolve(b)?.properties?.[tag[1]]?.const)
        .filter(Boolean);
      add(fieldPath(field, [tag[1]]), `must be one of ${kinds.join(', ')}`);
    } else if (SUMMARY.test(said)) {
      summaries.push({ field, rule: 'does not match any of its forms' });
    } else {
      add(field, ruleOf(said));
    }
  }
  return problems.length > 0 ? problems : summaries;
}

// A NUL, which PostgreSQL cannot store in text, or half of a UTF-16
// surrogate pair, which no text encoding can store (it reads back as U+FFFD).
const HALF_PAIR =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) =>
  text.includes('\u0000') || HALF_PAIR.test(text);

/** A place in a request body: its value, and how it was reached. */
interface Place {
  value: unknown;
  key?: Part;
  parent?: Place;
}

/** The path of a place, from the body down. */
function pathOf(place: Place): string {
  const parts: Part[] = [];
  for (let p: Place | undefined = place; p?.parent; p = p.parent) {
    parts.push(p.key!);
  }
  return fieldPath('body', parts.reverse());
}

/**
 * Every text of a body, in order: each string value, and each field name
 * (`isName`) with the object that has it. Walks without recursion and
 * without copying paths, so that no depth of nesting can exhaust the stack
 * or take more than linear time.
 */
function* texts(
  body: unknown,
): Generator<{ text: string; place: Place; isName: boolean }> {
  const stack: Place[] = [{ value: body }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const { value } = place;
    if (typeof value === 'string') {
      yield { text: value, place, isName: false };
    } else if (Array.isArray(value)) {
      // Pushed last first, so the fields come out in the body's order.
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], key: i, parent: place });
      }
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        yield { text: key, place, isName: true };
        stack.push({ value: item, key, parent: place });
      }
    }
  }
}

/**
 * The fields of a request body whose text (a value, or a field's name)
 * cannot be stored exactly; at most `max`.
 */
export function unstorableText(body: unknown, max = 100): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { text, place, isName } of texts(body)) {
    if (problems.length >= max) break;
    if (!unstorable(text)) continue;
    problems.push({
      field: pathOf(place),
      rule: isName
        ? 'must not have a field whose name contains a NUL character or half of a UTF-16 surrogate pair'
        : 'must not contain a NUL character or half of a UTF-16 surrogate pair (text that cannot be stored as given)',
    });
  }
  return problems;
}

/** The first field of a body whose value is `text`, if any. */
export function fieldHolding(body: unknown, text: string): string | undefined {
  for (const found of texts(body)) {
    if (!found.isName && found.text === text) return pathOf(found.place);
  }
  return undefined;
}

/**
 * Refuses a request whose body holds text that cannot be stored exactly.
 * Runs after the schema check, so the body it walks has the schema's shape.
 */
export function refuseUnstorableText(): express.RequestHandler {
  return (req, _res, next) => {
    const problems = unstorableText(req.body);
    next(problems.length > 0 ? new RequestProblems(problems) : undefined);
  };
}
