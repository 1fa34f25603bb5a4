import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
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
import { toEventRow } from './EventService';

/** How often at most an unclaimed subject is logged. */
const UNCLAIMED_LOG_MS = 10 * 60_000;

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
    for (const event of events) {
      if (event.type === 'commit') {
        commits.push(commitRow(scope, event));
        continue;
      }
      const { commitSha, ...posted } = event as typeof event & {
        commitSha?: string;
      };
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
    const { stored, duplicates } = await this.store.record({
      scope,
      rows,
      commits,
      merge: mergeEvent,
    });
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
 * event's fields fill or replace the stored ones; the commit's time, when
 * known, is the deployment's `commitTime` unless the tool gave one. A commit
 * time after the deployment (a rewritten or skewed timestamp) leaves the
 * lead time unknown rather than refusing the deployment.
 */
function mergeEvent(
  fresh: EventRow,
  stored: EventRow | undefined,
  commitTime: Date | undefined,
): EventRow {
  const payload = {
    ...(stored ? JSON.parse(stored.payload) : {}),
    ...JSON.parse(fresh.payload),
  };
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
