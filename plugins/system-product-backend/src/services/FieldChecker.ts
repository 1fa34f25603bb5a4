import { InputError } from '@backstage/errors';

/** One thing wrong with a request: the field, and the rule it breaks. */
export interface FieldProblem {
  /** Where, from the top of the request: `body.events[2].deployTime`, `params.roundId`. */
  field: string;
  /** What the field must be: `must be a date (YYYY-MM-DD) that exists`. */
  rule: string;
}

/** Problems named in one error message; a request with very many lists the first. */
const MAX_LISTED = 20;
/** Field names taken from the request are cut here, so a message stays small. */
const MAX_NAME = 100;

/**
 * The path of a field from its parts, the way the error messages write it:
 * `body.events[2].deployTime`, `body.answers["my question"]`.
 */
export function fieldPath(
  root: string,
  parts: ReadonlyArray<string | number>,
): string {
  return parts.reduce<string>((path, part) => {
    if (typeof part === 'number') return `${path}[${part}]`;
    const name = part.length > MAX_NAME ? `${part.slice(0, MAX_NAME)}…` : part;
    return /^[A-Za-z_$][\w$-]*$/.test(name)
      ? `${path}.${name}`
      : `${path}[${JSON.stringify(name)}]`;
  }, root);
}

/**
 * The message of a 400 for these problems, the same for the schema's and the
 * services' checks: `body.title: must not be blank; body.typo: is not a known
 * field`.
 */
export function describeProblems(problems: readonly FieldProblem[]): string {
  const listed = problems
    .slice(0, MAX_LISTED)
    .map(p => `${p.field}: ${p.rule}`);
  const more = problems.length - listed.length;
  return more > 0
    ? `${listed.join('; ')}; and ${more} more`
    : listed.join('; ');
}

/**
 * Collects what the services find wrong with a request beyond what its
 * OpenAPI schema says (which the router has checked already): rules across
 * fields, rules that need the database. Throws them together as one
 * `InputError` (400) in the style of the schema's errors.
 */
export class FieldChecker {
  private readonly problems: FieldProblem[] = [];

  /** `root` is where the checked fields are: the request body unless told. */
  constructor(private readonly root = 'body') {}

  /**
   * Notes a problem of `field` (relative to the root, e.g. `stages[0].id`).
   * Given as one sentence starting with the field's name ("respondent may
   * only be given …"), it is split after the name.
   */
  problem(field: string, rule?: string): void {
    let name = field;
    let says = rule;
    if (says === undefined) {
      const space = field.indexOf(' ');
      name = space < 0 ? field : field.slice(0, space);
      says = space < 0 ? 'is not valid' : field.slice(space + 1);
    }
    this.problems.push({ field: this.path(name), rule: says });
  }

  /** A string of at most `max` characters; `required` also rejects blank ones. */
  string(
    value: unknown,
    field: string,
    options: { max: number; required?: boolean },
  ): string | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(field, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(field, 'must be a string');
      return undefined;
    }
    if (options.required && value.trim().length === 0) {
      this.problem(field, 'must not be blank');
      return undefined;
    }
    if (value.length > options.max) {
      this.problem(field, `must be at most ${options.max} characters`);
      return undefined;
    }
    return value;
  }

  /**
   * The instant of an ISO 8601 date-time the schema let through. A leap
   * second (23:59:60) is a valid date-time that JavaScript cannot represent.
   */
  dateTime(value: string | undefined, field: string): Date | undefined {
    if (value === undefined) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      this.problem(field, 'must be a date-time that exists (no leap second)');
      return undefined;
    }
    return date;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new InputError(describeProblems(this.problems));
    }
  }

  private path(field: string): string {
    if (field === '') return this.root;
    return field.startsWith('[')
      ? `${this.root}${field}`
      : `${this.root}.${field}`;
  }
}
