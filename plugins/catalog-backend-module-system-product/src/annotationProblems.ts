import {
  Entity,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_ENABLED,
  ANNOTATION_EVENT_SOURCES,
  ANNOTATION_SLO_REF,
  ANNOTATION_SURVEY,
  ANNOTATION_USERS,
  SYSTEM_PRODUCT_ANNOTATIONS,
  SYSTEM_PRODUCT_ANNOTATION_PREFIX,
  SURVEY_ID_PATTERN,
  parseEventSources,
} from '@system-product/backstage-plugin-common';
import { parseSloRef } from '@system-product/backstage-plugin-node';

/*
 * Pure checks of the system-product/* annotation values: no I/O here. Whether
 * the OpenSLO file can be read is checked by SloRefChecker, whether the
 * survey template exists by SurveyTemplateChecker.
 */

const validators = makeValidator();

/**
 * Problems of the annotation values that need no I/O, each a sentence naming
 * the annotation. Empty when all is well.
 */
export function findAnnotationProblems(entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(SYSTEM_PRODUCT_ANNOTATION_PREFIX)) continue;
    switch (key) {
      case ANNOTATION_ENABLED:
        problems.push(...enabledProblems(value));
        break;
      case ANNOTATION_USERS:
        problems.push(
          ...usersProblems(value, entity.metadata.namespace ?? 'default'),
        );
        break;
      case ANNOTATION_SLO_REF: {
        const parsed = parseSloRef(value);
        if ('problem' in parsed) problems.push(parsed.problem);
        break;
      }
      case ANNOTATION_SURVEY:
        problems.push(...surveyProblems(value));
        break;
      case ANNOTATION_EVENT_SOURCES:
        problems.push(...parseEventSources(value).problems);
        break;
      default:
        problems.push(unknownKeyProblem(key));
    }
  }
  return problems;
}

function enabledProblems(value: string): string[] {
  // Read the way isSystemProductEntity reads it, so what works is not flagged.
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true' || normalized === 'false') return [];
  return [
    `${ANNOTATION_ENABLED} must be "true" or "false", not ${JSON.stringify(
      value,
    )}`,
  ];
}

function usersProblems(value: string, namespace: string): string[] {
  const refs = value
    .split(',')
    .map(ref => ref.trim())
    .filter(ref => ref.length > 0);
  if (refs.length === 0) {
    return [
      `${ANNOTATION_USERS} names no group; give comma-separated group refs such as group:default/mobile`,
    ];
  }
  const problems: string[] = [];
  for (const ref of refs) {
    let parsed;
    try {
      parsed = parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      });
    } catch (error) {
      problems.push(
        `${ANNOTATION_USERS}: "${ref}" is not an entity ref: ${
          (error as Error).message
        }`,
      );
      continue;
    }
    if (
      !validators.isValidKind(parsed.kind) ||
      !validators.isValidNamespace(parsed.namespace) ||
      !validators.isValidEntityName(parsed.name)
    ) {
      problems.push(
        `${ANNOTATION_USERS}: "${ref}" is not a valid entity ref; write it as group:<namespace>/<name> with letters, digits, "-", "_" and "."`,
      );
    } else if (parsed.kind.toLowerCase() !== 'group') {
      problems.push(
        `${ANNOTATION_USERS}: "${ref}" is a ${parsed.kind}, but the annotation names the primary user groups (kind Group)`,
      );
    }
  }
  return problems;
}

function surveyProblems(value: string): string[] {
  const id = value.trim();
  if (id === 'off') return [];
  if (id.toLowerCase() === 'off') {
    return [
      `${ANNOTATION_SURVEY}: write "off" in lower case to turn surveys off; "${id}" is read as a template id`,
    ];
  }
  if (SURVEY_ID_PATTERN.test(id)) return [];
  return [
    `${ANNOTATION_SURVEY} must be a survey template id (up to 64 letters, digits, "-", "_" or ".", e.g. platform-pulse) or "off", not ${JSON.stringify(
      value,
    )}`,
  ];
}

function unknownKeyProblem(key: string): string {
  const suggestion = closestKnownAnnotation(key);
  return `${key} is not a System Product annotation${
    suggestion ? `; did you mean ${suggestion}?` : ''
  } (known: ${SYSTEM_PRODUCT_ANNOTATIONS.join(', ')})`;
}

/** A known key within a few typos of `key`, to catch misspellings. */
function closestKnownAnnotation(key: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const known of SYSTEM_PRODUCT_ANNOTATIONS) {
    const distance = editDistance(key, known);
    if (distance <= 3 && (!best || distance < best.distance)) {
      best = { key: known, distance };
    }
  }
  return best?.key;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The survey template id the entity's annotation names, when it is one by
 * its syntax (not `off`, nor a value the checks above refuse).
 */
export function annotatedSurveyTemplate(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_SURVEY];
  if (value === undefined) return undefined;
  const id = value.trim();
  return id !== 'off' && SURVEY_ID_PATTERN.test(id) ? id : undefined;
}
