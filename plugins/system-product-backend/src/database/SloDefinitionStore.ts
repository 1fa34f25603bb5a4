import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { isUniqueViolation } from './dbValues';

/** An SLO made in the portal, as its OpenSLO v1 document. */
export interface StoredSloDocument {
  name: string;
  document: unknown;
  createdBy: string;
}

/** SLOs made in the portal, one OpenSLO document per entity and name. */
export class SloDefinitionStore {
  constructor(private readonly db: Knex) {}

  async list(entityRef: string): Promise<StoredSloDocument[]> {
    const rows = await this.db('slo_definitions')
      .where({ entity_ref: entityRef })
      .orderBy('created_at')
      .orderBy('slo_name')
      .select('slo_name', 'document', 'created_by');
    return rows.map(row => ({
      name: row.slo_name,
      document: JSON.parse(row.document),
      createdBy: row.created_by,
    }));
  }

  /** Refs of the entities that have SLOs made in the portal. */
  async entityRefs(): Promise<string[]> {
    return this.db('slo_definitions')
      .distinct('entity_ref')
      .orderBy('entity_ref')
      .pluck('entity_ref');
  }

  /** Adds an SLO; an entity has one SLO of each name (409 otherwise). */
  async insert(
    entityRef: string,
    name: string,
    document: unknown,
    createdBy: string,
  ): Promise<void> {
    try {
      await this.db('slo_definitions').insert({
        entity_ref: entityRef,
        slo_name: name,
        document: JSON.stringify(document),
        created_by: createdBy,
        created_at: new Date(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`${entityRef} already has an SLO ${name}`);
      }
      throw error;
    }
  }

  /** Removes an SLO made in the portal; false when there was none of that name. */
  async delete(entityRef: string, name: string): Promise<boolean> {
    const removed = await this.db('slo_definitions')
      .where({ entity_ref: entityRef, slo_name: name })
      .delete();
    return removed > 0;
  }
}
