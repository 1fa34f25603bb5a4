import { ConflictError } from '@backstage/errors';
import { RoadmapItem } from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toIso } from './dbValues';

/**
 * An item as stored: with its unit, null for none (the API type leaves the
 * unit optional for clients of backends older than it).
 */
export type StoredRoadmapItem = RoadmapItem &
  Required<Pick<RoadmapItem, 'metricUnit'>>;

/** The fields of an item a write sets: every one, the unit too. */
export type RoadmapItemFields = Omit<
  StoredRoadmapItem,
  | 'id'
  | 'entityRef'
  | 'version'
  | 'startedAt'
  | 'shippedAt'
  | 'updatedBy'
  | 'updatedAt'
  | 'loopNotified'
>;

/** Storage of roadmap items. */
export class RoadmapStore {
  constructor(private readonly db: Knex) {}

  async list(entityRef: string): Promise<StoredRoadmapItem[]> {
    const rows = await this.db('roadmap_items')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'target_date', order: 'asc' }, { column: 'title' }]);
    return rows.map(toItem);
  }

  async get(id: string): Promise<StoredRoadmapItem | undefined> {
    const row = await this.db('roadmap_items').where({ id }).first();
    return row && toItem(row);
  }

  async create(
    entityRef: string,
    fields: RoadmapItemFields,
    by: string,
  ): Promise<StoredRoadmapItem> {
    const now = new Date();
    const row = {
      id: randomUUID(),
      entity_ref: entityRef,
      version: 1,
      ...toColumns(fields),
      started_at: fields.status === 'in-progress' ? now : null,
      shipped_at: fields.status === 'shipped' ? now : null,
      updated_by: by,
      updated_at: now,
    };
    await this.db('roadmap_items').insert(row);
    return toItem(row);
  }

  /**
   * Writes `fields` over the item if it is still at `baseVersion`. The first
   * move to in progress sets `startedAt`, kept whatever comes after; a move
   * to shipped sets `shippedAt`, cleared when it leaves shipped.
   */
  async update(
    current: RoadmapItem,
    baseVersion: number,
    fields: RoadmapItemFields,
    by: string,
  ): Promise<StoredRoadmapItem> {
    const now = new Date();
    const shippedAt =
      fields.status === 'shipped'
        ? current.shippedAt ?? now.toISOString()
        : null;
    const startedAt =
      current.startedAt ??
      (fields.status === 'in-progress' ? now.toISOString() : null);
    const updated = await this.db('roadmap_items')
      .where({ id: current.id, version: baseVersion })
      .update({
        ...toColumns(fields),
        version: baseVersion + 1,
        started_at: startedAt ? new Date(startedAt) : null,
        shipped_at: shippedAt ? new Date(shippedAt) : null,
        updated_by: by,
        updated_at: now,
      });
    if (updated !== 1) {
      const stored = await this.get(current.id);
      throw new ConflictError(
        `Roadmap item ${current.id} is at version ${stored?.version}, but the update was based on version ${baseVersion}; reload it and apply your changes again`,
      );
    }
    return (await this.get(current.id))!;
  }
}

function toColumns(fields: RoadmapItemFields) {
  return {
    title: fields.title,
    description: fields.description,
    kind: fields.kind,
    status: fields.status,
    owner: fields.owner,
    target_date: fields.targetDate,
    milestones: JSON.stringify(fields.milestones),
    pain_points: JSON.stringify(fields.painPoints),
    touchpoint_ids: JSON.stringify(fields.touchpointIds),
    metric: fields.metric,
    metric_before: fields.metricBefore,
    metric_after: fields.metricAfter,
    metric_unit: fields.metricUnit,
  };
}

function toDay(value: string | Date | null): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    // PostgreSQL hands a DATE back as local midnight.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(
      value.getDate(),
    )}`;
  }
  return String(value).slice(0, 10);
}

function toItem(row: any): StoredRoadmapItem {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    version: row.version,
    title: row.title,
    description: row.description,
    kind: row.kind,
    status: row.status,
    owner: row.owner ?? null,
    targetDate: toDay(row.target_date ?? null),
    milestones: JSON.parse(row.milestones),
    painPoints: JSON.parse(row.pain_points),
    touchpointIds: JSON.parse(row.touchpoint_ids),
    metric: row.metric ?? null,
    metricBefore:
      row.metric_before === null || row.metric_before === undefined
        ? null
        : Number(row.metric_before),
    metricAfter:
      row.metric_after === null || row.metric_after === undefined
        ? null
        : Number(row.metric_after),
    metricUnit: row.metric_unit ?? null,
    startedAt: row.started_at ? toIso(row.started_at) : null,
    shippedAt: row.shipped_at ? toIso(row.shipped_at) : null,
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
    ...(row.loop_notified !== null &&
      row.loop_notified !== undefined && {
        loopNotified: Number(row.loop_notified),
      }),
  };
}
