import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { metrics } from '@opentelemetry/api';
import {
  DeliveryEventConnection,
  DeliveryEventRecordResult,
  DeliveryEventSubject,
  ExternalCommitEvent,
  ExternalDeliveryEvent,
} from '@system-product/backstage-plugin-node';
import { CommitRow, EventRow, EventStore } from '../database/EventStore';
import { EventClaims } from './EventClaims';
import { momentCandidate, toEventRow, userRef } from './EventService';
import { MomentCandidate } from './MomentService';

/** How often at most an unclaimed subject is logged. */
const UNCLAIMED_LOG_MS = 10 * 60_000;

/** The lengths of the columns (and of `POST /events`' schema). */
const MAX_ID = 128;
const MAX_LABEL = { pipeline: 100, environment: 64 } as const;

/**
 * An id that fits the column: a tool's id of a long repository name keeps
 * its start and gets a hash of the whole in place of the rest, the same for
 * every delivery, so it still merges and joins.
 */
export function storableId(id: string): string {
  if (id.length <= MAX_ID) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 32);
  return `${id.slice(0, MAX_ID - hash.length - 1)}~${hash}`;
}

/**
 * Stores the events of tools that backend modules translate (GitHub,
 * GitLab, PagerDuty webhooks): for each system product the catalog says
 * claims the subject, as the event `POST /events` would store, checked by
 * the same rules. Events of one id are merged, so a tool may report an
 * incident in steps and redeliver; a deployment that names a commit gets
 * its lead time once the commit's time is known, in either order.
 */
export class ExternalEventService implements DeliveryEventConnection {
  private readonly unclaimed = metrics
    .getMeter('system-product')
    .createCounter('system_product.events.unclaimed', {
      description:
        'Events of tools whose repository or service no entity claims; they are not stored',
    });
  private readonly loggedUnclaimed = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly claims: EventClaims,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
    /** Told of the entities whose events changed (their SLIs). */
    private readonly onStored: (entityRefs: string[]) => void = () => {},
    /**
     * Told of the events written (new or changed) that name the person
     * behind them: a deployment reported pending and then successful may
     * prompt at its second step, and moments prompt once per event.
     */
    private readonly onActors: (
      candidates: MomentCandidate[],
    ) => void = () => {},
  ) {}

  async record(
    subject: DeliveryEventSubject,
    events: ExternalDeliveryEvent[],
  ): Promise<DeliveryEventRecordResult> {
    if (events.length === 0) {
      return { entityRefs: [], stored: 0, duplicates: 0 };
    }
    const entityRefs = await this.claims.claimantsOf(subject);
    if (entityRefs.length === 0) {
      this.countUnclaimed(subject, events.length);
      return { entityRefs, stored: 0, duplicates: 0 };
    }
    const scope = `${subject.source}:${subject.key.toLocaleLowerCase('en-US')}`;
    const receivedAt = new Date(this.now());
    const commits: CommitRow[] = [];
    const rows: EventRow[] = [];
    // The person behind each event, by its stored id; never stored.
    const actors = new Map<string, string>();
    for (const event of events) {
      if (event.type === 'commit') {
        commits.push(commitRow(scope, event));
        continue;
      }
      const actor = actorOf(event);
      if (actor) actors.set(storableId(event.id), actor);
      const { commitSha, ...posted } = storable(event, scope);
      for (const entityRef of entityRefs) {
        const row = toEventRow({ ...posted, entityRef }, receivedAt);
        if (typeof row === 'string') {
          throw new InputError(`event ${event.id} of ${scope}: ${row}`);
        }
        rows.push({
          ...row,
          commit_scope: commitSha ? scope : null,
          commit_sha: commitSha ?? null,
        });
      }
    }
    const { stored, duplicates, written } = await this.store.record({
      scope,
      rows,
      commits,
      merge: mergeEvent,
    });
    // A merged or joined event (a duplicate) can change figures too.
    if (rows.length > 0) this.onStored(entityRefs);
    if (actors.size > 0) {
      this.onActors(
        written.flatMap(row => {
          const actor = actors.get(row.event_id);
          return actor ? [momentCandidate(row, actor)] : [];
        }),
      );
    }
    return { entityRefs, stored, duplicates };
  }

  private countUnclaimed(subject: DeliveryEventSubject, count: number) {
    this.unclaimed.add(count, { source: subject.source });
    const key = `${subject.source}:${subject.key}`;
    const last = this.loggedUnclaimed.get(key);
    if (last === undefined || this.now() - last >= UNCLAIMED_LOG_MS) {
      if (this.loggedUnclaimed.size > 10_000) this.loggedUnclaimed.clear();
      this.loggedUnclaimed.set(key, this.now());
      this.logger.warn(
        `No entity claims ${key}: its events are not stored. Annotate the component with ${subject.source} events (e.g. github.com/project-slug) or claim it with system-product/event-sources on a system product`,
      );
    }
  }
}

/**
 * The user an event names as the person behind it, as the catalog writes
 * the ref; none for a missing one or one that is not a user (a module's
 * mistake, logged by no one: the event itself is still good).
 */
function actorOf(event: ExternalDeliveryEvent): string | undefined {
  const actor = (event as { actor?: unknown }).actor;
  if (typeof actor !== 'string') return undefined;
  try {
    return userRef(actor);
  } catch {
    return undefined;
  }
}

/**
 * The event with ids that fit the column, and refused when a label does not
 * fit (a name that long is a mistake, not something to cut).
 */
function storable(
  event: Exclude<ExternalDeliveryEvent, ExternalCommitEvent>,
  scope: string,
): Record<string, unknown> & { commitSha?: string } {
  const copy: Record<string, unknown> = { ...event, id: storableId(event.id) };
  for (const field of ['causedByDeployment', 'remediatesIncident']) {
    if (typeof copy[field] === 'string') {
      copy[field] = storableId(copy[field] as string);
    }
  }
  for (const [field, max] of Object.entries(MAX_LABEL)) {
    const value = copy[field];
    if (typeof value === 'string' && value.length > max) {
      throw new InputError(
        `event ${event.id} of ${scope}: ${field} must be at most ${max} characters`,
      );
    }
  }
  return copy;
}

function commitRow(scope: string, event: ExternalCommitEvent): CommitRow {
  const ms = Date.parse(event.time);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `commit ${event.sha} of ${scope}: time must be a date-time that exists`,
    );
  }
  return { scope, sha: event.sha, committed_at: new Date(ms) };
}

/**
 * An event of a tool merged into the stored one of the same id: the fresh
 * event's fields fill or replace the stored ones, except an incident's
 * `detected`, which stays the earliest (acknowledged, unacknowledged and
 * acknowledged again, it was known at the first); the commit's time, when
 * known, is the deployment's `commitTime` unless the tool gave one. A commit
 * time after the deployment (a rewritten or skewed timestamp) leaves the
 * lead time unknown rather than refusing the deployment.
 */
function mergeEvent(
  fresh: EventRow,
  stored: EventRow | undefined,
  commitTime: Date | undefined,
): EventRow {
  const before = stored ? JSON.parse(stored.payload) : {};
  const payload = { ...before, ...JSON.parse(fresh.payload) };
  if (
    payload.type === 'incident' &&
    typeof before.detected === 'string' &&
    Date.parse(before.detected) < Date.parse(payload.detected)
  ) {
    payload.detected = before.detected;
  }
  const receivedAt = stored?.received_at ?? fresh.received_at;
  const base = {
    commit_scope: fresh.commit_scope ?? stored?.commit_scope ?? null,
    commit_sha: fresh.commit_sha ?? stored?.commit_sha ?? null,
  };
  if (payload.type === 'deployment' && commitTime && !payload.commitTime) {
    const joined = toEventRow(
      { ...payload, commitTime: commitTime.toISOString() },
      receivedAt,
    );
    if (typeof joined !== 'string') return { ...joined, ...base };
  }
  const row = toEventRow(payload, receivedAt);
  if (typeof row === 'string') {
    throw new InputError(`event ${fresh.event_id}: ${row}`);
  }
  return { ...row, ...base };
}
