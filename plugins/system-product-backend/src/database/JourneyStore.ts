import { ConflictError, InputError } from '@backstage/errors';
import {
  Journey,
  JourneyUpdate,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toIso } from './dbValues';

/** How many report texts of a touchpoint a journey read returns, newest first. */
export const MAX_FRICTION_TEXTS = 5;

/** Storage of journey maps and the friction reported on their touchpoints. */
export class JourneyStore {
  /**
   * @param options.minReporters - k: the texts of a touchpoint are returned
   * only once at least this many different people reported friction on it.
   */
  constructor(
    private readonly db: Knex,
    private readonly options: { minReporters: number },
  ) {}

  /**
   * @param viewerKey - the caller's key for this entity (a user's), to say on
   * each touchpoint whether they said "me too" there; never returned itself.
   */
  async get(
    entityRef: string,
    viewerKey?: string,
  ): Promise<Journey | undefined> {
    const journey = await this.db('journeys')
      .where({ entity_ref: entityRef })
      .first();
    if (!journey) return undefined;
    const stages = await this.db('journey_stages')
      .where({ entity_ref: entityRef })
      .orderBy('position');
    const touchpoints = await this.db('touchpoints')
      .where({ entity_ref: entityRef })
      .orderBy('position');
    // Friction per touchpoint is aggregated by the database, not in a loop here.
    const friction: Array<{
      touchpoint_id: string;
      reports: number | string;
      reporters: number | string;
      average: number | string;
    }> = await this.db('friction_reports')
      .where({ entity_ref: entityRef })
      .groupBy('touchpoint_id')
      .select('touchpoint_id')
      .count({ reports: '*' })
      .countDistinct({ reporters: 'reporter_key' })
      .avg({ average: 'severity' });
    const frictionById = new Map(friction.map(f => [f.touchpoint_id, f]));
    const meToo: Array<{ touchpoint_id: string; people: number | string }> =
      await this.db('friction_me_too')
        .where({ entity_ref: entityRef })
        .groupBy('touchpoint_id')
        .select('touchpoint_id')
        .count({ people: '*' });
    const meTooById = new Map(
      meToo.map(m => [m.touchpoint_id, Number(m.people)]),
    );
    const viewerMeToo = new Set<string>(
      viewerKey
        ? await this.db('friction_me_too')
            .where({ entity_ref: entityRef, person_key: viewerKey })
            .pluck('touchpoint_id')
        : [],
    );
    const { minReporters } = this.options;
    const textsById = await this.newestTexts(
      entityRef,
      friction
        .filter(f => Number(f.reporters) >= minReporters)
        .map(f => f.touchpoint_id),
    );
    return {
      entityRef,
      version: journey.version,
      updatedBy: journey.updated_by,
      updatedAt: toIso(journey.updated_at),
      stages: stages.map(stage => ({
        id: stage.id,
        name: stage.name,
        description: stage.description,
        touchpoints: touchpoints
          .filter(t => t.stage_id === stage.id)
          .map(t => {
            const f = frictionById.get(t.id);
            const people = meTooById.get(t.id) ?? 0;
            return {
              id: t.id,
              name: t.name,
              expectedMinutes: t.expected_minutes ?? null,
              failureModes: JSON.parse(t.failure_modes),
              owner: t.owner ?? null,
              friction: {
                reports: Number(f?.reports ?? 0),
                averageSeverity: f ? Number(f.average) : null,
                reporters: Number(f?.reporters ?? 0),
                minReporters,
                texts: textsById.get(t.id) ?? [],
                textsHidden: Number(f?.reporters ?? 0) < minReporters,
                meToo: people >= minReporters ? people : null,
                youSaidMeToo: viewerMeToo.has(t.id),
              },
            };
          }),
      })),
    };
  }

  /**
   * The newest non-blank report texts of each of the given touchpoints, at
   * most {@link MAX_FRICTION_TEXTS} each: one query for the whole journey,
   * ranked per touchpoint by a window function (SQLite 3.25+, PostgreSQL).
   */
  private async newestTexts(
    entityRef: string,
    touchpointIds: string[],
  ): Promise<Map<string, string[]>> {
    const byId = new Map<string, string[]>();
    if (touchpointIds.length === 0) return byId;
    const ranked = this.db('friction_reports')
      .where({ entity_ref: entityRef })
      .whereIn('touchpoint_id', touchpointIds)
      .whereRaw("trim(??) <> ''", ['text'])
      .select(
        'touchpoint_id',
        'text',
        this.db.raw(
          'row_number() over (partition by touchpoint_id order by created_at desc, id desc) as newest',
        ),
      );
    const rows: Array<{ touchpoint_id: string; text: string }> = await this.db
      .from(ranked.as('ranked'))
      .where('newest', '<=', MAX_FRICTION_TEXTS)
      .orderBy([
        { column: 'touchpoint_id' },
        { column: 'newest', order: 'asc' },
      ])
      .select('touchpoint_id', 'text');
    for (const row of rows) {
      const texts = byId.get(row.touchpoint_id) ?? [];
      texts.push(row.text);
      byId.set(row.touchpoint_id, texts);
    }
    return byId;
  }

  /** Replaces the whole journey, if `update.version` is still the stored one. */
  async save(
    entityRef: string,
    update: JourneyUpdate,
    changedBy: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const current = await tx('journeys')
        .where({ entity_ref: entityRef })
        .first();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== update.version) {
        throw new ConflictError(
          `The journey of ${entityRef} is at version ${currentVersion}, but the update was based on version ${update.version}; reload it and apply your changes again`,
        );
      }
      const now = new Date();
      if (current) {
        const updated = await tx('journeys')
          .where({ entity_ref: entityRef, version: update.version })
          .update({
            version: update.version + 1,
            updated_by: changedBy,
            updated_at: now,
          });
        if (updated !== 1) {
          throw new ConflictError(
            `The journey of ${entityRef} changed meanwhile; reload it`,
          );
        }
      } else {
        await tx('journeys').insert({
          entity_ref: entityRef,
          version: 1,
          updated_by: changedBy,
          updated_at: now,
        });
      }

      const existingStages = new Set(
        (await tx('journey_stages')
          .where({ entity_ref: entityRef })
          .pluck('id')) as string[],
      );
      const existingTouchpoints = new Set(
        (await tx('touchpoints')
          .where({ entity_ref: entityRef })
          .pluck('id')) as string[],
      );
      const unknown = [
        ...update.stages
          .filter(s => s.id && !existingStages.has(s.id))
          .map(s => `stage ${s.id}`),
        ...update.stages
          .flatMap(s => s.touchpoints)
          .filter(t => t.id && !existingTouchpoints.has(t.id))
          .map(t => `touchpoint ${t.id}`),
      ];
      if (unknown.length > 0) {
        throw new InputError(
          `Invalid journey: ${unknown.join(
            ', ',
          )} is not part of this journey; leave the id out to add a new one`,
        );
      }

      const keptTouchpoints = update.stages.flatMap(s =>
        s.touchpoints.flatMap(t => (t.id ? [t.id] : [])),
      );
      // Removed touchpoints go first with their reports; removed stages go
      // last, once no kept touchpoint (possibly moved) belongs to them. No
      // reliance on cascading deletes.
      for (const table of ['friction_reports', 'friction_me_too']) {
        await tx(table)
          .where({ entity_ref: entityRef })
          .whereNotIn('touchpoint_id', keptTouchpoints)
          .delete();
      }
      await tx('touchpoints')
        .where({ entity_ref: entityRef })
        .whereNotIn('id', keptTouchpoints)
        .delete();

      const savedStages: string[] = [];
      for (const [stagePosition, stage] of update.stages.entries()) {
        const stageId = stage.id ?? randomUUID();
        savedStages.push(stageId);
        const stageRow = {
          name: stage.name,
          description: stage.description ?? '',
          position: stagePosition,
        };
        if (stage.id) {
          await tx('journey_stages').where({ id: stageId }).update(stageRow);
        } else {
          await tx('journey_stages').insert({
            id: stageId,
            entity_ref: entityRef,
            ...stageRow,
          });
        }
        for (const [position, touchpoint] of stage.touchpoints.entries()) {
          const row = {
            stage_id: stageId,
            position,
            name: touchpoint.name,
            expected_minutes: touchpoint.expectedMinutes ?? null,
            failure_modes: JSON.stringify(touchpoint.failureModes ?? []),
            owner: touchpoint.owner ?? null,
          };
          if (touchpoint.id) {
            await tx('touchpoints').where({ id: touchpoint.id }).update(row);
          } else {
            await tx('touchpoints').insert({
              id: randomUUID(),
              entity_ref: entityRef,
              ...row,
            });
          }
        }
      }
      await tx('journey_stages')
        .where({ entity_ref: entityRef })
        .whereNotIn('id', savedStages)
        .delete();
    });
  }

  async touchpointExists(
    entityRef: string,
    touchpointId: string,
  ): Promise<boolean> {
    const row = await this.db('touchpoints')
      .where({ entity_ref: entityRef, id: touchpointId })
      .first('id');
    return Boolean(row);
  }

  async addFrictionReport(report: {
    entityRef: string;
    touchpointId: string;
    severity: number;
    text: string;
    reporterKey: string;
  }): Promise<void> {
    await this.db('friction_reports').insert({
      entity_ref: report.entityRef,
      touchpoint_id: report.touchpointId,
      severity: report.severity,
      text: report.text,
      reporter_key: report.reporterKey,
      created_at: new Date(),
    });
  }

  /**
   * Adds (`said` true) or withdraws a person's "me too" on a touchpoint; a
   * person counts once however often they say it.
   */
  async setMeToo(entry: {
    entityRef: string;
    touchpointId: string;
    personKey: string;
    said: boolean;
  }): Promise<void> {
    const key = {
      entity_ref: entry.entityRef,
      touchpoint_id: entry.touchpointId,
      person_key: entry.personKey,
    };
    if (entry.said) {
      await this.db('friction_me_too')
        .insert({ ...key, created_at: new Date() })
        .onConflict(['entity_ref', 'touchpoint_id', 'person_key'])
        .ignore();
    } else {
      await this.db('friction_me_too').where(key).delete();
    }
  }
}
