import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_EVENT_SOURCES,
  EVENT_SUBJECT_ANNOTATIONS,
  EventSourcePattern,
  eventSourceMatches,
  isSystemProductEntity,
  parseEventSources,
} from '@system-product/backstage-plugin-common';
import { DeliveryEventSubject } from '@system-product/backstage-plugin-node';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.system',
];

/** How long the catalog's answer is kept: a new annotation counts within this. */
export const CLAIMS_TTL_MS = 60_000;

interface Cached<T> {
  value: Promise<T>;
  expires: number;
}

/**
 * Which system products an event of a tool belongs to, as the catalog says:
 * the entities whose annotation names the subject (`github.com/project-slug`
 * and so on), each counting for itself when it is a system product and for
 * the System it is part of (`spec.system`), and the system products whose
 * `system-product/event-sources` claims it. Answers are kept for
 * {@link CLAIMS_TTL_MS}, so a burst of webhooks asks the catalog once.
 */
export class EventClaims {
  private readonly bySubject = new Map<string, Cached<string[]>>();
  private readonly claimants = new Map<
    'all',
    Cached<Array<{ ref: string; patterns: EventSourcePattern[] }>>
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = CLAIMS_TTL_MS,
  ) {}

  /** The entity refs of the system products that claim the subject, sorted. */
  async claimantsOf(subject: DeliveryEventSubject): Promise<string[]> {
    const cacheKey = `${subject.source}:${subject.key.toLocaleLowerCase(
      'en-US',
    )}`;
    const [direct, claimants] = await Promise.all([
      this.cached(this.bySubject, cacheKey, () => this.annotated(subject)),
      this.eventSourceClaimants(),
    ]);
    const refs = new Set(direct);
    for (const { ref, patterns } of claimants) {
      if (patterns.some(p => eventSourceMatches(p, subject))) refs.add(ref);
    }
    return [...refs].sort();
  }

  private async annotated(subject: DeliveryEventSubject): Promise<string[]> {
    const annotation = EVENT_SUBJECT_ANNOTATIONS[subject.source];
    if (!annotation) return [];
    const { items } = await this.catalog.getEntities(
      {
        filter: { [`metadata.annotations.${annotation}`]: subject.key },
        fields: FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.flatMap(entity => countedFor(entity));
  }

  private async eventSourceClaimants() {
    return this.cached(this.claimants, 'all', async () => {
      const { items } = await this.catalog.getEntities(
        {
          filter: {
            [`metadata.annotations.${ANNOTATION_EVENT_SOURCES}`]:
              CATALOG_FILTER_EXISTS,
          },
          fields: FIELDS,
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      return items.filter(isSystemProductEntity).map(entity => ({
        ref: stringifyEntityRef(entity),
        patterns: parseEventSources(
          entity.metadata.annotations?.[ANNOTATION_EVENT_SOURCES] ?? '',
        ).patterns,
      }));
    });
  }

  /** A failed answer is not kept: the next event asks again. */
  private cached<K, T>(
    cache: Map<K, Cached<T>>,
    key: K,
    load: () => Promise<T>,
  ): Promise<T> {
    const now = this.now();
    const hit = cache.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (cache.size > 10_000) cache.clear();
    const value = load();
    cache.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => cache.delete(key));
    return value;
  }
}

/**
 * The system products an entity's events count for: itself when it is one,
 * and the System it is part of.
 */
function countedFor(entity: Entity): string[] {
  const refs: string[] = [];
  if (isSystemProductEntity(entity)) refs.push(stringifyEntityRef(entity));
  const system = entity.spec?.system;
  if (typeof system === 'string' && system.length > 0) {
    try {
      refs.push(
        stringifyEntityRef(
          parseEntityRef(system, {
            defaultKind: 'system',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      // Not an entity ref: the catalog reports it; the event counts for no system.
    }
  }
  return refs;
}
