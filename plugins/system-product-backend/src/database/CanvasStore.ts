import { ConflictError } from '@backstage/errors';
import {
  Canvas,
  CanvasContent,
  CanvasRevision,
  changedCanvasSections,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { isUniqueViolation, toIso } from './dbValues';

type CanvasRow = {
  entity_ref: string;
  version: number;
  content: string;
  updated_by: string;
  updated_at: string | Date;
};

/** Storage of canvases and their revision history. */
export interface CanvasStore {
  get(entityRef: string): Promise<Canvas | undefined>;
  /**
   * Stores `content` as the version after `baseVersion`. Throws a
   * `ConflictError` naming the stored version when `baseVersion` is stale.
   */
  save(options: {
    entityRef: string;
    baseVersion: number;
    content: CanvasContent;
    changedBy: string;
  }): Promise<Canvas>;
  listRevisions(entityRef: string): Promise<CanvasRevision[]>;
}

/** Knex implementation of {@link CanvasStore}. */
export class KnexCanvasStore implements CanvasStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<Canvas | undefined> {
    const row = await this.db<CanvasRow>('canvases')
      .where({ entity_ref: entityRef })
      .first();
    return row ? toCanvas(row) : undefined;
  }

  async save(options: {
    entityRef: string;
    baseVersion: number;
    content: CanvasContent;
    changedBy: string;
  }): Promise<Canvas> {
    const { entityRef, baseVersion, content, changedBy } = options;
    const now = new Date();
    const json = JSON.stringify(content);
    return this.db.transaction(async tx => {
      const current = await tx<CanvasRow>('canvases')
        .where({ entity_ref: entityRef })
        .first();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== baseVersion) {
        throw staleWrite(entityRef, baseVersion, currentVersion);
      }
      const row: CanvasRow = {
        entity_ref: entityRef,
        version: baseVersion + 1,
        content: json,
        updated_by: changedBy,
        updated_at: now,
      };
      if (current) {
        // The version in the WHERE clause makes a concurrent writer that read
        // the same version lose here instead of overwriting silently.
        const updated = await tx('canvases')
          .where({ entity_ref: entityRef, version: baseVersion })
          .update(row);
        if (updated !== 1) {
          throw staleWrite(entityRef, baseVersion, baseVersion + 1);
        }
      } else {
        try {
          await tx('canvases').insert(row);
        } catch (error) {
          // Another writer created the first version since we looked.
          if (isUniqueViolation(error)) {
            throw staleWrite(entityRef, baseVersion, 1);
          }
          throw error;
        }
      }
      await tx('canvas_revisions').insert({
        entity_ref: entityRef,
        version: row.version,
        content: json,
        changed_sections: JSON.stringify(
          changedCanvasSections(
            current && JSON.parse(current.content),
            content,
          ),
        ),
        changed_by: changedBy,
        changed_at: now,
      });
      return toCanvas(row);
    });
  }

  async listRevisions(entityRef: string): Promise<CanvasRevision[]> {
    const rows = await this.db('canvas_revisions')
      .where({ entity_ref: entityRef })
      .orderBy('version', 'desc')
      .select('version', 'changed_sections', 'changed_by', 'changed_at');
    return rows.map(row => ({
      version: row.version,
      changedSections: JSON.parse(row.changed_sections),
      changedBy: row.changed_by,
      changedAt: toIso(row.changed_at),
    }));
  }
}

function staleWrite(entityRef: string, base: number, current: number) {
  return new ConflictError(
    `The canvas of ${entityRef} is at version ${current}, but the update was based on version ${base}; reload it and apply your changes again`,
  );
}

function toCanvas(row: CanvasRow): Canvas {
  return {
    entityRef: row.entity_ref,
    version: row.version,
    content: JSON.parse(row.content),
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
  };
}
