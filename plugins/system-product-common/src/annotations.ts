import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Prefix shared by every annotation this plugin suite reads. @public */
export const SYSTEM_PRODUCT_ANNOTATION_PREFIX = 'system-product/';

/** `"true"` opts an entity of any kind in. @public */
export const ANNOTATION_ENABLED = 'system-product/enabled';
/** Comma-separated entity refs of the primary user groups. @public */
export const ANNOTATION_USERS = 'system-product/users';
/** Location of the entity's OpenSLO file (`url:` or a relative path). @public */
export const ANNOTATION_SLO_REF = 'system-product/slo-ref';
/** Survey template id to use, or `off`. @public */
export const ANNOTATION_SURVEY = 'system-product/survey';
/**
 * The tools' subjects whose delivery events a system product claims besides
 * those of its own components: comma-separated `source:pattern` items such as
 * `github:acme/*, pagerduty:PABC123`. @public
 */
export const ANNOTATION_EVENT_SOURCES = 'system-product/event-sources';

/** Every annotation key the plugins understand. @public */
export const SYSTEM_PRODUCT_ANNOTATIONS = [
  ANNOTATION_ENABLED,
  ANNOTATION_USERS,
  ANNOTATION_SLO_REF,
  ANNOTATION_SURVEY,
  ANNOTATION_EVENT_SOURCES,
] as const;

/**
 * The catalog annotation that names, on an entity, the subject of each
 * source of delivery events: the repository of GitHub and GitLab events,
 * the service of PagerDuty incidents. The annotations are the ones the
 * GitHub, GitLab and PagerDuty plugins of Backstage read.
 *
 * @public
 */
export const EVENT_SUBJECT_ANNOTATIONS = {
  github: 'github.com/project-slug',
  gitlab: 'gitlab.com/project-slug',
  pagerduty: 'pagerduty.com/service-id',
} as const;

/** A source of delivery events: `github`, `gitlab` or `pagerduty`. @public */
export type EventSubjectSource = keyof typeof EVENT_SUBJECT_ANNOTATIONS;

/** One item of `system-product/event-sources`. @public */
export interface EventSourcePattern {
  source: EventSubjectSource;
  /** The subject key, where `*` stands for any characters (`/` too). */
  pattern: string;
}

const EVENT_SOURCE_ITEM = /^([a-z]+):([A-Za-z0-9._/*-]+)$/;

/**
 * Reads `system-product/event-sources`: the patterns, and a sentence for
 * each item that is not one (the catalog processor reports those; the
 * backend ignores them).
 *
 * @public
 */
export function parseEventSources(value: string): {
  patterns: EventSourcePattern[];
  problems: string[];
} {
  const patterns: EventSourcePattern[] = [];
  const problems: string[] = [];
  const items = value
    .split(',')
    .map(item => item.trim())
    .filter(item => item.length > 0);
  if (items.length === 0) {
    problems.push(
      `${ANNOTATION_EVENT_SOURCES} names no source; give items such as github:acme/*`,
    );
  }
  for (const item of items) {
    const match = EVENT_SOURCE_ITEM.exec(item);
    const source = match?.[1];
    if (!match || !(source! in EVENT_SUBJECT_ANNOTATIONS)) {
      problems.push(
        `${ANNOTATION_EVENT_SOURCES} item ${JSON.stringify(
          item,
        )} must be source:pattern with source one of ${Object.keys(
          EVENT_SUBJECT_ANNOTATIONS,
        ).join(', ')} and a pattern of letters, digits, . _ - / and *`,
      );
      continue;
    }
    patterns.push({
      source: source as EventSubjectSource,
      pattern: match[2],
    });
  }
  return { patterns, problems };
}

/**
 * Whether a pattern of `system-product/event-sources` claims a subject: the
 * same source, and the key matching the pattern, letter case ignored as the
 * catalog ignores it when it matches annotations.
 *
 * @public
 */
export function eventSourceMatches(
  pattern: EventSourcePattern,
  subject: { source: string; key: string },
): boolean {
  if (pattern.source !== subject.source) return false;
  const regex = new RegExp(
    `^${pattern.pattern
      .split('*')
      .map(part => part.replace(/[.]/g, '\\.'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(subject.key);
}

/**
 * Whether an entity is a system product: kind System entities are by default
 * (they show an empty state inviting the owner to start), other kinds opt in by
 * carrying any `system-product/` annotation. `system-product/enabled: "false"`
 * opts any entity out.
 *
 * @public
 */
export function isSystemProductEntity(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const enabled = annotations[ANNOTATION_ENABLED];
  if (enabled !== undefined) {
    return enabled.trim().toLowerCase() === 'true';
  }
  if (entity.kind.toLowerCase() === 'system') {
    return true;
  }
  return Object.keys(annotations).some(key =>
    key.startsWith(SYSTEM_PRODUCT_ANNOTATION_PREFIX),
  );
}

/**
 * The primary user groups named by `system-product/users`, as full entity
 * refs: a short ref such as `mobile` is `group:default/mobile`, one without a
 * namespace takes the entity's. Empty items and refs that do not parse are left
 * out (the catalog processor reports those).
 *
 * @public
 */
export function getSystemProductUsers(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[ANNOTATION_USERS] ?? '';
  const refs = new Set<string>();
  for (const item of value.split(',')) {
    const text = item.trim();
    if (!text) continue;
    try {
      refs.add(
        stringifyEntityRef(
          parseEntityRef(text, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      // Not an entity ref: reported by the catalog processor, ignored here.
    }
  }
  return [...refs];
}

/**
 * The entity ref of the entity's owner (`spec.owner`), if it has one.
 *
 * @public
 */
export function getEntityOwner(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  return typeof owner === 'string' && owner.length > 0 ? owner : undefined;
}

/**
 * The path of the entity's page in the catalog, as the catalog's own collator
 * writes it: lower case and encoded, like the catalog's entity route expects.
 * Notifications and search results link here.
 *
 * @public
 */
export function entityPagePath(entity: Entity): string {
  const parts = [
    entity.metadata.namespace || 'default',
    entity.kind,
    entity.metadata.name,
  ].map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')));
  return `/catalog/${parts.join('/')}`;
}
