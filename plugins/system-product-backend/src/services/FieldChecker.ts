import { InputError } from '@backstage/errors';

/**
 * The largest version a canvas, journey or roadmap item can be based on:
 * versions are stored as 32-bit integers, and a larger number must be a 400,
 * never a value the database fails to compare.
 */
export const MAX_VERSION = 2_147_483_647;

/**
 * Collects every problem of a request body, each naming the field and the
 * rule, and throws them together as one `InputError` (400).
 */
export class FieldChecker {
  private readonly problems: string[] = [];

  constructor(private readonly what: string) {}

  problem(message: string): void {
    this.problems.push(message);
  }

  /** A string of at most `max` characters; `required` also rejects blank ones. */
  string(
    value: unknown,
    field: string,
    options: { max: number; required?: boolean },
  ): string | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(`${field} is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(`${field} must be a string`);
      return undefined;
    }
    if (options.required && value.trim().length === 0) {
      this.problem(`${field} must not be blank`);
      return undefined;
    }
    if (value.length > options.max) {
      this.problem(`${field} must be at most ${options.max} characters`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(
    value: unknown,
    field: string,
    allowed: readonly T[],
    options: { required?: boolean } = {},
  ): T | undefined {
    if (value === undefined) {
      if (options.required) this.problem(`${field} is required`);
      return undefined;
    }
    if (!allowed.includes(value as T)) {
      this.problem(`${field} must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  strings(
    value: unknown,
    field: string,
    options: { maxItems: number; max: number },
  ): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.problem(`${field} must be an array of strings`);
      return undefined;
    }
    if (value.length > options.maxItems) {
      this.problem(`${field} must have at most ${options.maxItems} items`);
      return undefined;
    }
    const bad = value.findIndex(
      item => typeof item !== 'string' || item.length > options.max,
    );
    if (bad >= 0) {
      this.problem(
        `${field}[${bad}] must be a string of at most ${options.max} characters`,
      );
      return undefined;
    }
    return value;
  }

  /** A finite number (or null when `nullable`), optionally an integer within bounds. */
  number(
    value: unknown,
    field: string,
    options: {
      min?: number;
      max?: number;
      integer?: boolean;
      nullable?: boolean;
    } = {},
  ): number | null | undefined {
    if (value === undefined) return undefined;
    if (value === null && options.nullable) return null;
    const { min, max, integer } = options;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (min === undefined || value >= min) &&
      (max === undefined || value <= max);
    if (!ok) {
      let range = '';
      if (min !== undefined && max !== undefined)
        range = ` from ${min} to ${max}`;
      else if (min !== undefined) range = ` of at least ${min}`;
      this.problem(
        `${field} must be ${integer ? 'an integer' : 'a number'}${range}`,
      );
      return undefined;
    }
    return value as number;
  }

  /** An ISO 8601 date-time. */
  dateTime(value: unknown, field: string): Date | undefined {
    if (value === undefined) return undefined;
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
      this.problem(`${field} must be an ISO 8601 date-time`);
      return undefined;
    }
    return date;
  }

  /** A calendar day, `YYYY-MM-DD`, or null. */
  day(value: unknown, field: string): string | null | undefined {
    if (value === undefined || value === null) return value as null | undefined;
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ) {
      this.problem(`${field} must be a date (YYYY-MM-DD) or null`);
      return undefined;
    }
    return value;
  }

  /** An object (not an array); the caller checks its fields. */
  object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem(`${field} must be an object`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  /** Rejects fields the body may not carry. */
  only(body: Record<string, unknown>, allowed: readonly string[], prefix = '') {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key))
        this.problem(`${prefix}${key} is not a known field`);
    }
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new InputError(`Invalid ${this.what}: ${this.problems.join('; ')}`);
    }
  }
}
