import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EvaluatedSlo,
  SloDefinition,
  SloEvaluation,
  windowAt,
} from '@system-product/backstage-plugin-common';
import { createHash } from 'node:crypto';
import { SloEvaluationStore } from '../database/SloEvaluationStore';
import { LocatedSlo, SloEvaluator } from '../slo/SloEvaluator';

/** Digest of an SLO's definition: a stored evaluation is of this definition. */
export function definitionKey(slo: SloDefinition): string {
  return createHash('sha256').update(JSON.stringify(slo)).digest('hex');
}

/** How long a read waits for a new SLO's rollup before saying "backfilling". */
const FILL_WAIT_MS = 1_000;
/** How long after a write its entity's SLOs are evaluated again. */
const REFRESH_DELAY_MS = 5_000;

/**
 * The latest evaluation of each SLO, as the SLO routes serve it: read from
 * `slo_evaluations`, never recomputed from the raw events on a read.
 *
 * Evaluations are stored by the scheduled job (every SLO, each interval),
 * by {@link LatestSloEvaluations.changed} after a write of events or survey
 * answers (the entity's SLOs, {@link REFRESH_DELAY_MS} later, from the
 * rollups), and by the first read of an SLO that has none, or whose
 * definition changed since. A read in the process that took a write whose
 * refresh is still due evaluates first, so a caller reads its own writes.
 * A figure is therefore at most the evaluation interval old (the window
 * moves on between runs) and lags a write by the refresh delay.
 *
 * A new SLO counted from rollups first fills its rollup from the stored
 * events; when that takes longer than {@link FILL_WAIT_MS}, the SLO is served
 * as backfilling (stored, so every replica says so) and evaluated when the
 * fill ends.
 */
export class LatestSloEvaluations {
  /** Entities written here whose evaluations are to be made again. */
  private readonly due = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly evaluator: SloEvaluator,
    private readonly store: SloEvaluationStore,
    private readonly options: {
      logger: LoggerService;
      /** The entity of a ref, as the plugin itself may see it. */
      entityOf: (entityRef: string) => Promise<Entity | undefined>;
      refreshDelayMs?: number;
      fillWaitMs?: number;
    },
  ) {}

  /**
   * The latest evaluations of these SLOs of the entity, in their order;
   * evaluates (and stores) those without a stored evaluation of their
   * definition, and all of them when a write here is due to be refreshed.
   */
  async read(entity: Entity, slos: LocatedSlo[]): Promise<EvaluatedSlo[]> {
    const entityRef = stringifyEntityRef(entity);
    const due = this.due.delete(entityRef);
    const stored = due ? new Map() : await this.store.list(entityRef);
    const missing = slos.filter(slo => {
      const kept = stored.get(slo.name);
      return kept?.definitionKey !== definitionKey(slo);
    });
    const made = new Map(
      (await this.evaluate(entityRef, missing)).map(slo => [slo.name, slo]),
    );
    return slos.map(
      slo =>
        made.get(slo.name) ?? {
          ...slo,
          evaluation: stored.get(slo.name)!.evaluation,
        },
    );
  }

  /**
   * Evaluates these SLOs of the entity now and stores the evaluations: an
   * SLO whose rollup is still filling after the wait is stored (and
   * returned) as backfilling, and evaluated again when its fill ends.
   */
  async evaluate(
    entityRef: string,
    slos: LocatedSlo[],
    now = new Date(),
  ): Promise<EvaluatedSlo[]> {
    const evaluated = await Promise.all(
      slos.map(async slo => {
        const filled = this.fill(entityRef, slo);
        if (!(await settlesWithin(filled, this.fillWait))) {
          filled.then(
            () => this.evaluate(entityRef, [slo]),
            error =>
              this.options.logger.error(
                `Could not fill the rollup of SLO ${slo.name} of ${entityRef}: ${error}`,
              ),
          );
          return { ...slo, evaluation: backfilling(slo, now) };
        }
        return this.evaluator.evaluateOne(entityRef, slo, now);
      }),
    );
    await this.record(entityRef, evaluated);
    return evaluated;
  }

  /** Stores evaluations (the scheduled job's, or made here). */
  async record(entityRef: string, slos: EvaluatedSlo[]): Promise<void> {
    await this.store.put(
      entityRef,
      slos.map(slo => ({
        name: slo.name,
        definitionKey: definitionKey(definitionOf(slo)),
        evaluation: slo.evaluation,
      })),
    );
  }

  /** Forgets an SLO's evaluation (the SLO was removed). */
  async forget(entityRef: string, sloName: string): Promise<void> {
    await this.store.delete(entityRef, sloName);
  }

  /**
   * Says that events or answers of these entities were written: their SLOs
   * are evaluated again shortly (at once, should this process read them
   * first).
   */
  changed(entityRefs: Iterable<string>): void {
    for (const entityRef of entityRefs) this.due.add(entityRef);
    if (this.due.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshing = this.refreshing.then(() => this.refreshDue());
    }, this.options.refreshDelayMs ?? REFRESH_DELAY_MS);
    this.timer.unref();
  }

  /** Waits for the refreshes due now. For tests and shutdown. */
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.refreshing = this.refreshing.then(() => this.refreshDue());
    }
    await this.refreshing;
  }

  private get fillWait(): number {
    return this.options.fillWaitMs ?? FILL_WAIT_MS;
  }

  private async refreshDue(): Promise<void> {
    const entityRefs = [...this.due];
    for (const entityRef of entityRefs) {
      if (!this.due.delete(entityRef)) continue; // read meanwhile
      try {
        const entity = await this.options.entityOf(entityRef);
        if (!entity) continue;
        const { slos } = await this.evaluator.definitions(entity);
        // Only SLOs someone reads or the job evaluated are kept fresh.
        const stored = await this.store.list(entityRef);
        const kept = slos.filter(slo => stored.has(slo.name));
        if (kept.length > 0) await this.evaluate(entityRef, kept);
      } catch (error) {
        this.options.logger.warn(
          `Could not evaluate the SLOs of ${entityRef} after a write: ${error}`,
        );
      }
    }
  }

  /** Fills the SLO's rollups if it has none, logging the fill. */
  private async fill(entityRef: string, slo: LocatedSlo): Promise<void> {
    const started = Date.now();
    const filled = await this.evaluator.keepRollups(entityRef, [slo]);
    for (const { events } of filled) {
      this.options.logger.info(
        `Filled the rollup of SLO ${
          slo.name
        } of ${entityRef} from ${events} stored events in ${
          Date.now() - started
        } ms`,
      );
    }
  }
}

/** An evaluated SLO's definition, without its evaluation. */
function definitionOf(slo: EvaluatedSlo): LocatedSlo {
  const { evaluation: _evaluation, ...definition } = slo;
  return definition as LocatedSlo;
}

/** What is served of an SLO while its rollup fills. */
function backfilling(slo: SloDefinition, now: Date): SloEvaluation {
  const window = windowAt(now, slo.window);
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    evaluatedAt: now.toISOString(),
    backfilling: true,
    sli: null,
    remaining: null,
    total: 0,
    status: 'no-data',
    burnRates: [],
    reason: "backfilling the SLO's rollup from the stored events",
  };
}

/** Whether the promise settles within `ms` (a rejection counts: it is the caller's to see). */
async function settlesWithin(promise: Promise<unknown>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>(resolve => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
