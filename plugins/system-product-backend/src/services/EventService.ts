import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DELIVERY_EVENT_TYPES,
  IngestionResult,
  systemProductSloManagePermission,
} from '@system-product/backstage-plugin-common';
import { EventRow, EventStore } from '../database/EventStore';
import { audited } from './audited';

/** At most this many events in one request (also declared in the OpenAPI document). */
export const MAX_EVENTS_PER_BATCH = 1000;

type Obj = Record<string, unknown>;

/**
 * Turns one posted event into a row, or says why it cannot be stored.
 * Exported for tests.
 */
export function toEventRow(
  event: unknown,
  receivedAt: Date,
): EventRow | string {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return 'an event must be an object';
  }
  const e = event as Obj;
  const problems: string[] = [];
  const text = (field: string, max = 255) => {
    const v = e[field];
    if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
      problems.push(
        `${field} must be a non-empty string of at most ${max} characters`,
      );
      return undefined;
    }
    return v;
  };
  const time = (field: string, optional = false) => {
    const v = e[field];
    if (v === undefined && optional) return undefined;
    const ms = typeof v === 'string' ? Date.parse(v) : NaN;
    if (Number.isNaN(ms)) {
      problems.push(`${field} must be an ISO 8601 date-time`);
      return undefined;
    }
    return ms;
  };
  const bool = (field: string) => {
    if (typeof e[field] !== 'boolean') {
      problems.push(`${field} must be true or false`);
      return undefined;
    }
    return e[field] as boolean;
  };
  const after = (
    from: number | undefined,
    to: number | undefined,
    what: string,
  ) => {
    if (from === undefined || to === undefined) return null;
    if (to < from) {
      problems.push(`${what} must not be before its start`);
      return null;
    }
    return (to - from) / 1000;
  };

  const id = text('id', 128);
  const entityRefText = text('entityRef');
  let entityRef: string | undefined;
  if (entityRefText) {
    try {
      entityRef = stringifyEntityRef(parseEntityRef(entityRefText));
    } catch {
      problems.push(
        'entityRef must be an entity ref such as system:default/ci-cd-pipeline',
      );
    }
  }
  const type = e.type as string;
  if (!DELIVERY_EVENT_TYPES.includes(type as any)) {
    return `type must be one of ${DELIVERY_EVENT_TYPES.join(', ')}`;
  }

  const row: Partial<EventRow> = {
    succeeded: null,
    environment: null,
    pipeline: null,
    name: null,
    value: null,
    lead_seconds: null,
    detect_seconds: null,
    restore_seconds: null,
    response_seconds: null,
    resolve_seconds: null,
    duration_seconds: null,
    caused_by: null,
  };
  let occurred: number | undefined;
  switch (type) {
    case 'deployment': {
      text('commitSha', 64);
      const commit = time('commitTime');
      occurred = time('deployTime');
      row.environment = text('environment', 64) ?? null;
      row.succeeded = bool('succeeded') ?? null;
      row.lead_seconds = after(commit, occurred, 'deployTime');
      if (e.pipeline !== undefined)
        row.pipeline = text('pipeline', 100) ?? null;
      break;
    }
    case 'incident': {
      occurred = time('started');
      row.detect_seconds = after(occurred, time('detected', true), 'detected');
      row.restore_seconds = after(occurred, time('resolved', true), 'resolved');
      if (e.environment !== undefined)
        row.environment = text('environment', 64) ?? null;
      if (e.causedByDeployment !== undefined)
        row.caused_by = text('causedByDeployment', 128) ?? null;
      break;
    }
    case 'ticket': {
      occurred = time('opened');
      row.response_seconds = after(
        occurred,
        time('firstResponse', true),
        'firstResponse',
      );
      row.resolve_seconds = after(occurred, time('resolved', true), 'resolved');
      break;
    }
    case 'build': {
      occurred = time('finished');
      row.succeeded = bool('succeeded') ?? null;
      if (e.pipeline !== undefined)
        row.pipeline = text('pipeline', 100) ?? null;
      const d = e.durationSeconds;
      if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
        problems.push('durationSeconds must be a number of at least 0');
      } else {
        row.duration_seconds = d;
      }
      break;
    }
    default: {
      occurred = time('time');
      row.name = text('name', 100) ?? null;
      const v = e.value;
      if (typeof v !== 'number' || !Number.isFinite(v))
        problems.push('value must be a number');
      else row.value = v;
    }
  }
  if (problems.length > 0) return problems.join('; ');
  return {
    ...(row as EventRow),
    event_id: id!,
    entity_ref: entityRef!,
    type,
    occurred_at: new Date(occurred!),
    payload: JSON.stringify(event),
    received_at: receivedAt,
  };
}

/** Ingests batches of delivery events from pipelines and tools. */
export class EventService {
  constructor(
    private readonly store: EventStore,
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
    private readonly auditor: AuditorService,
  ) {}

  /**
   * Stores the batch's valid events of entities the caller may post for, and
   * says per event why the others were rejected. Audited as one event per
   * batch (low severity: pipelines post often), with the counts.
   */
  async ingest(
    events: unknown[],
    credentials: BackstageCredentials,
  ): Promise<IngestionResult> {
    return audited(
      this.auditor,
      {
        eventId: 'delivery-events-ingest',
        severityLevel: 'low',
        meta: { events: events.length },
      },
      () => this.ingestBatch(events, credentials),
      result => ({
        accepted: result.accepted,
        duplicates: result.duplicates,
        rejected: result.rejected.length,
      }),
    );
  }

  private async ingestBatch(
    events: unknown[],
    credentials: BackstageCredentials,
  ): Promise<IngestionResult> {
    const now = new Date();
    const rejected: IngestionResult['rejected'] = [];
    const parsed = events.map((event, index) => ({
      index,
      row: toEventRow(event, now),
    }));
    const candidates: Array<{ index: number; row: EventRow }> = [];
    for (const { index, row } of parsed) {
      if (typeof row === 'string') {
        const id = (events[index] as { id?: unknown })?.id;
        rejected.push({
          index,
          id: typeof id === 'string' ? id : undefined,
          reason: row,
        });
      } else {
        candidates.push({ index, row });
      }
    }

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
    const accepted = candidates.filter(({ index, row }) => {
      if (allowedRefs.has(row.entity_ref)) return true;
      rejected.push({
        index,
        id: row.event_id,
        reason: `no entity ${row.entity_ref} that you may post events for`,
      });
      return false;
    });

    const { inserted } = await this.store.insert(accepted.map(a => a.row));
    return {
      accepted: inserted,
      duplicates: accepted.length - inserted,
      rejected: rejected.sort((a, b) => a.index - b.index),
    };
  }
}
