import { InputError } from '@backstage/errors';
import { CanvasContent } from '@system-product/backstage-plugin-common';
import { MAX_VERSION } from './FieldChecker';

type Shape = 'string' | 'string[]' | { [key: string]: Shape } | [Shape];

const personaShape: Shape = {
  name: 'string',
  description: 'string',
  needs: 'string[]',
  frustrations: 'string[]',
  successMeasures: 'string[]',
};

const canvasShape: Shape = {
  users: { personas: [personaShape] },
  valueProposition: {
    value: 'string',
    easierWork: 'string',
    withoutIt: 'string',
    externalValue: 'string',
  },
  journey: {
    summary: 'string',
    touchpoints: 'string[]',
    mostFriction: 'string',
    failureModes: 'string[]',
    slowestSteps: 'string[]',
  },
  metrics: {
    efficiency: 'string[]',
    quality: 'string[]',
    satisfaction: 'string[]',
    businessImpact: 'string[]',
  },
  roadmap: {
    summary: 'string',
    painPoints: 'string[]',
    quickWins: 'string[]',
    strategicChanges: 'string[]',
    resourceRequirements: 'string',
    timeline: 'string',
  },
};

const MAX_TEXT = 4000;
const MAX_ITEMS = 50;

function check(value: unknown, shape: Shape, path: string, problems: string[]) {
  if (shape === 'string') {
    if (typeof value !== 'string') problems.push(`${path} must be a string`);
    else if (value.length > MAX_TEXT)
      problems.push(`${path} must be at most ${MAX_TEXT} characters`);
    return;
  }
  if (shape === 'string[]' || Array.isArray(shape)) {
    if (!Array.isArray(value)) {
      problems.push(`${path} must be an array`);
      return;
    }
    if (value.length > MAX_ITEMS) {
      problems.push(`${path} must have at most ${MAX_ITEMS} items`);
      return;
    }
    const item = shape === 'string[]' ? 'string' : shape[0];
    value.forEach((v, i) => check(v, item, `${path}[${i}]`, problems));
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path} must be an object`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(key in shape)) problems.push(`${path}.${key} is not a canvas field`);
  }
  for (const [key, inner] of Object.entries(shape)) {
    check(
      (value as Record<string, unknown>)[key],
      inner,
      `${path}.${key}`,
      problems,
    );
  }
}

/**
 * Checks a canvas update body, naming every offending field and its rule.
 * Throws `InputError` (400) when anything is wrong.
 */
export function parseCanvasUpdate(body: unknown): {
  version: number;
  content: CanvasContent;
} {
  const problems: string[] = [];
  const input = (body ?? {}) as { version?: unknown; content?: unknown };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problems.push('body must be an object with version and content');
  } else {
    if (
      !Number.isInteger(input.version) ||
      (input.version as number) < 0 ||
      (input.version as number) > MAX_VERSION
    ) {
      problems.push(`version must be an integer from 0 to ${MAX_VERSION}`);
    }
    check(input.content, canvasShape, 'content', problems);
  }
  if (problems.length > 0) {
    throw new InputError(`Invalid canvas update: ${problems.join('; ')}`);
  }
  return input as { version: number; content: CanvasContent };
}
