import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { InputError } from '@backstage/errors';
import {
  DeliveryEventType,
  IngestionResult,
  systemProductSloManagePermission,
} from '@system-product/backstage-plugin-common';
import { EventRow, EventStore } from '../database/EventStore';
import { describeProblems } from './FieldChecker';
import type { MomentCandidate } from './MomentService';

/** What is wrong with one event of a batch. */
export interface EventProblem {
  /** Its index in the batch. */
  index: number;
  /** Its id, when it has one. */
  id?: string;
  /** The event's field; left out when the event as a whole is wrong. */
  field?: string;
  reason: string;
}

/**
 * 400 for a batch with bad events: every problem of every bad event, and
 * nothing stored. Backstage's error middleware puts `rejected` into the
 * body's `error`, next to its name and message.
 */
export class EventBatchError extends InputError {
  readonly rejected: EventProblem[];

  constructor(total: number, rejected: EventProblem[]) {
    const bad = new Set(rejected.map(r => r.index)).size;
    super(
      `${bad} of ${total} events are invalid, so none was stored: ${describeProblems(
        rejected.map(r => ({
          field: `body.events[${r.index}]${
            r.field && !r.field.startsWith('[') ? '.' : ''
          }${r.field ?? ''}`,
          rule: r.reason,
        })),
      )}`,
    );
    this.rejected = rejected;
  }
}

type Event = Record<string, unknown>;

/**
 * Turns one event that the OpenAPI schema let through into a row, or says
 * what is wrong with it that the schema cannot say: an entity ref that does
 * not parse, a span that ends before it starts, a time JavaScript cannot
 * represent (a leap second).
 */
function eventRow(
  e: Event,
  receivedAt: Date,
): EventRow | Array<{ field: string; reason: string }> {
  const problems: Array<{ field: string; reason: string }> = [];
  const time = (field: string) => {
    if (typeof e[field] !== 'string') return undefined;
    const ms = Date.parse(e[field] as string);
    if (Number.isNaN(ms)) {
      problems.push({
        field,
        reason: 'must be a date-time that exists (no leap second)',
      });
      return undefined;
    }
    return ms;
  };
  const text = (field: string) =>
    typeof e[field] === 'string' ? (e[field] as string) : null;
  const after = (
    from: number | undefined,
    to: number | undefined,
    field: string,
  ) => {
    if (from === undefined || to === undefined) return null;
    if (to < from) {
      problems.push({ field, reason: 'must not be before the start it ends' });
      return null;
    }
    return (to - from) / 1000;
  };

  let entityRef = '';
  try {
    entityRef = stringifyEntityRef(parseEntityRef(String(e.entityRef)));
  } catch {
    problems.push({
      field: 'entityRef',
      reason: 'must be an entity ref such as system:default/ci-cd-pipeline',
    });
  }
  const type = e.type as DeliveryEventType;
  const row: Partial<EventRow> = {
    succeeded: typeof e.succeeded === 'boolean' ? e.succeeded : null,
    environment: text('environment'),
    pipeline: text('pipeline'),
    name: null,
    value: null,
    lead_seconds: null,
    detect_seconds: null,
    restore_seconds: null,
    response_seconds: null,
    resolve_seconds: null,
    duration_seconds: null,
    caused_by: text('causedByDeployment'),
    remediates: text('remediatesIncident'),
    commit_scope: null,
    commit_sha: null,
  };
  let occurred: number | undefined;
  switch (type) {
    case 'deployment':
      occurred = time('deployTime');
      row.lead_seconds = after(time('commitTime'), occurred, 'deployTime');
      break;
    case 'incident':
      occurred = time('started');
      row.detect_seconds = after(occurred, time('detected'), 'detected');
      row.restore_seconds = after(occurred, time('resolved'), 'resolved');
      break;
    case 'ticket':
      occurred = time('opened');
      row.response_seconds = after(
        occurred,
        time('firstResponse'),
        'firstResponse',
      );
      row.resolve_seconds = after(occurred, time('resolved'), 'resolved');
      break;
    case 'build':
      occurred = time('finished');
      row.duration_seconds = e.durationSeconds as number;
      break;
    default:
      occurred = time('time');
      row.name = text('name');
      row.value = e.value as number;
  }
  if (typeof e.actor === 'string') {
    try {
      userRef(e.actor);
    } catch {
      problems.push({
        field: 'actor',
        reason: 'must be a user entity ref such as user:default/jane',
      });
    }
  }
  if (problems.length > 0) return problems;
  // Who was behind the event is for a moment prompt only, never stored.
  const { actor: _actor, ...stored } = e;
  return {
    ...(row as EventRow),
    event_id: e.id as string,
    entity_ref: entityRef,
    type,
    occurred_at: new Date(occurred!),
    payload: JSON.stringify(stored),
    received_at: receivedAt,
  };
}

/**
 * Turns one posted event, as the OpenAPI schema lets it through, into a
 * row, or says why it cannot be stored. Exported for tests.
 */
export function toEventRow(
  event: unknown,
  receivedAt: Date,
): EventRow | string {
  const row = eventRow(event as Event, receivedAt);
  return Array.isArray(row)
    ? row.map(p => `${p.field} ${p.reason}`).join('; ')
    : row;
}

/** Ingests batches of delivery events from pipelines and tools. */
export class EventService {
  constructor(
    private readonly store: EventStore,
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
    /** Told of the entities whose events changed (their SLIs). */
    private readonly onStored: (entityRefs: string[]) => void = () => {},
    /** Told of the stored events that name the person behind them. */
    private readonly onActors: (
      candidates: MomentCandidate[],
    ) => void = () => {},
  ) {}

  /**
   * Stores a batch all or nothing: when any event is bad, throws an
   * {@link EventBatchError} naming every bad event and stores none. An event
   * is bad for a rule of {@link toEventRow} or for an entity the caller
   * cannot see or may not post SLO data for. (The router audits each batch,
   * low severity as pipelines post often, with its counts.)
   */
  async ingest(
    events: unknown[],
    credentials: BackstageCredentials,
  ): Promise<IngestionResult> {
    const { rows, rejected } = await this.check(events, credentials, []);
    if (rejected.length > 0) throw new EventBatchError(events.length, rejected);
    const { inserted, stored } = await this.store.insert(rows);
    this.onStored([...new Set(rows.map(r => r.entity_ref))]);
    this.onActors(momentCandidates(events, stored));
    return {
      accepted: inserted,
      duplicates: rows.length - inserted,
      rejected: [],
    };
  }

  /**
   * The error for a batch with problems found already (by the OpenAPI
   * schema, which has checked the other events): those, and whatever else
   * {@link EventService.ingest} would refuse among the other events, so one
   * answer names every bad event. Stores nothing.
   */
  async refusal(
    events: unknown[],
    credentials: BackstageCredentials,
    known: EventProblem[],
  ): Promise<EventBatchError> {
    const { rejected } = await this.check(events, credentials, known);
    return new EventBatchError(events.length, rejected);
  }

  private async check(
    events: unknown[],
    credentials: BackstageCredentials,
    known: EventProblem[],
  ): Promise<{ rows: EventRow[]; rejected: EventProblem[] }> {
    const now = new Date();
    const rejected = [...known];
    const refused = new Set(known.map(p => p.index));
    const candidates: Array<{ index: number; row: EventRow }> = [];
    // A signed-in user posting events may name only themselves as the actor.
    const { principal } = credentials as BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >;
    const self = principal.type === 'user' ? principal.userEntityRef : null;
    events.forEach((event, index) => {
      if (refused.has(index)) return;
      const row = eventRow(event as Event, now);
      const { id, actor } = event as Event;
      if (Array.isArray(row)) {
        rejected.push(...row.map(p => ({ index, id: id as string, ...p })));
      } else if (self && typeof actor === 'string' && userRef(actor) !== self) {
        rejected.push({
          index,
          id: id as string,
          field: 'actor',
          reason: 'may name only yourself (a service may name anyone)',
        });
      } else {
        candidates.push({ index, row });
      }
    });

    // Events only for entities the caller can see and may post SLO data for.
    const refs = [...new Set(candidates.map(c => c.row.entity_ref))];
    const allowedRefs = new Set<string>();
    if (refs.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: refs,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      const visible = refs.filter((_, i) => items[i]);
      const decisions = await this.permissions.authorize(
        visible.map(ref => ({
          permission: systemProductSloManagePermission,
          resourceRef: ref,
        })),
        { credentials },
      );
      visible.forEach((ref, i) => {
        if (decisions[i].result === AuthorizeResult.ALLOW) allowedRefs.add(ref);
      });
    }
    for (const { index, row } of candidates) {
      if (!allowedRefs.has(row.entity_ref)) {
        rejected.push({
          index,
          id: row.event_id,
          field: 'entityRef',
          reason: `names no entity ${row.entity_ref} that you may post events for`,
        });
      }
    }
    return {
      rows: candidates.map(c => c.row),
      rejected: rejected.sort((x, y) => x.index - y.index),
    };
  }
}

/**
 * The stored events that name their actor (new ones only: an event posted
 * again under its id prompts nobody again), as moment candidates.
 */
function momentCandidates(
  events: unknown[],
  stored: EventRow[],
): MomentCandidate[] {
  const actors = new Map<string, string>();
  for (const event of events as Event[]) {
    if (typeof event.actor !== 'string') continue;
    try {
      const entityRef = stringifyEntityRef(
        parseEntityRef(String(event.entityRef)),
      );
      const actor = userRef(event.actor);
      actors.set(`${entityRef}\n${event.id}`, actor);
    } catch {
      // Refused by the checks before anything was stored.
    }
  }
  if (actors.size === 0) return [];
  return stored.flatMap(row => {
    const actor = actors.get(`${row.entity_ref}\n${row.event_id}`);
    return actor ? [momentCandidate(row, actor)] : [];
  });
}

/** A stored event and the person behind it, as a moment candidate. */
export function momentCandidate(row: EventRow, actor: string): MomentCandidate {
  return {
    entityRef: row.entity_ref,
    eventId: row.event_id,
    type: row.type as DeliveryEventType,
    succeeded: row.succeeded,
    environment: row.environment,
    name: row.name,
    occurredAt: row.occurred_at,
    actor,
  };
}

/**
 * A user entity ref as the catalog writes it ("jane" is user:default/jane);
 * throws for one that does not parse or names another kind (a group cannot
 * be prompted).
 */
export function userRef(given: string): string {
  const ref = parseEntityRef(given, {
    defaultKind: 'user',
    defaultNamespace: 'default',
  });
  if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
    throw new Error(`${given} is not a user`);
  }
  return stringifyEntityRef(ref);
}
