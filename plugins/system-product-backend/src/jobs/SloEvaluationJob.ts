import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ANNOTATION_SLO_REF,
  EvaluatedSlo,
  SloAlertPolicy,
  SloStatus,
  getEntityOwner,
  isSystemProductEntity,
  entityPagePath,
} from '@system-product/backstage-plugin-common';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { AlertState, SloAlertStateStore } from '../database/SloAlertStateStore';
import { SloStatusStore } from '../database/SloStatusStore';
import type { LatestSloEvaluations } from '../services/LatestSloEvaluations';
import { LocatedSlo, SloEvaluator } from '../slo/SloEvaluator';
import { backfillSloHistory } from './backfillSloHistory';

/** What a notification says about an SLO. */
interface Notice {
  title: string;
  description: string;
  severity: 'high' | 'normal' | 'low';
}

const percent = (value: number | null) =>
  value === null ? 'no' : `${+(value * 100).toFixed(2)}%`;
const OP_TEXT = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;
const titleOf = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

/**
 * The scheduled SLO evaluation: evaluates every SLO of every system product
 * with an SLO file or SLOs made in the portal, records the status, and
 * notifies.
 *
 * An SLO with OpenSLO alert policies notifies as they say: a burn-rate
 * condition fires once it has held for its `alertAfter` (its state is kept
 * between runs), with `alertWhenBreaching`; its resolution with
 * `alertWhenResolved`; an SLO turning to no data with `alertWhenNoData`. The
 * policy's notification targets that are catalog users or groups
 * (`group:default/platform-team`) receive it; other targets (`email`,
 * `slack`) cannot be reached from here, so the entity's owners do.
 *
 * An SLO without policies keeps the default multiwindow alerts: its owners
 * hear when it turns at risk (met, but burning fast enough to lose it) or
 * breached (its SLI below the objective). Either way one episode is one
 * notification however many runs it lasts.
 */
export class SloEvaluationJob {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      evaluator: SloEvaluator;
      definitions: SloDefinitionStore;
      statuses: SloStatusStore;
      alertStates: SloAlertStateStore;
      notifications: NotificationService;
      logger: LoggerService;
      /**
       * How long a run may spend, after evaluating every SLO, filling new
       * SLOs' trends back to their windows' start (see backfillSloHistory);
       * the next runs go on. Default 0: not filled.
       */
      trendFillMs?: number;
      /** Where the SLO routes read the latest evaluations; each run's are stored there. */
      latest: Pick<LatestSloEvaluations, 'record'>;
    },
  ) {}

  async run(
    now = new Date(),
  ): Promise<{ evaluated: number; notified: number }> {
    const { evaluator, statuses, alertStates } = this.options;
    const entities = await this.entitiesWithSlos();
    let evaluated = 0;
    let notified = 0;
    const toFill: Array<{ entityRef: string; slo: LocatedSlo }> = [];
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      // New SLOs' rollups are filled here, once, not on a request.
      const { slos: definitions } = await evaluator.definitions(entity);
      for (const filled of await evaluator.keepRollups(
        entityRef,
        definitions,
      )) {
        this.options.logger.info(
          `Filled the rollup of SLO ${filled.slo} of ${entityRef} from ${filled.events} stored events in ${filled.ms} ms`,
        );
      }
      if (this.options.trendFillMs) {
        toFill.push(...definitions.map(slo => ({ entityRef, slo })));
      }
      const { items: slos } = await evaluator.evaluate(entity, now);
      const previous = await statuses.latest(entityRef);
      await statuses.recordRun(entityRef, slos, now);
      await this.options.latest.record(entityRef, slos);
      evaluated += slos.length;
      // Only entities with alert policies keep condition states.
      const withPolicies = slos.some(slo => slo.alertPolicies?.length);
      const states = withPolicies
        ? await alertStates.list(entityRef)
        : new Map<string, AlertState>();
      const nextStates: AlertState[] = [];
      for (const slo of slos) {
        const notices = slo.alertPolicies?.length
          ? this.policyNotices(
              entity,
              slo,
              previous.get(slo.name),
              states,
              nextStates,
              now,
            )
          : this.defaultNotices(entity, slo, previous.get(slo.name));
        for (const { recipients, notice } of notices) {
          if (await this.send(entity, slo, recipients, notice)) notified++;
        }
      }
      // An entity whose policies were all removed still clears its states.
      if (withPolicies || (await alertStates.has(entityRef))) {
        await alertStates.replace(entityRef, nextStates);
      }
    }
    // After every SLO is evaluated, and within a budget a run: a new SLO's
    // trend starts at its window's start, not today.
    const fillUntil = Date.now() + (this.options.trendFillMs ?? 0);
    for (const { entityRef, slo } of toFill) {
      const budgetMs = fillUntil - Date.now();
      if (budgetMs <= 0) break;
      const started = Date.now();
      const points = await backfillSloHistory({
        entityRef,
        slo,
        now,
        statuses,
        budgetMs,
        evaluate: async at =>
          (
            await evaluator.evaluateOne(entityRef, slo, at)
          ).evaluation,
      });
      if (points > 0) {
        this.options.logger.info(
          `Filled the trend of SLO ${
            slo.name
          } of ${entityRef} with ${points} evaluations back to its window's start in ${
            Date.now() - started
          } ms`,
        );
      }
    }
    this.options.logger.info(
      `Evaluated ${evaluated} SLOs, ${notified} notifications`,
    );
    return { evaluated, notified };
  }

  /** The multiwindow default: the owners hear when an SLO turns at risk or breached. */
  private defaultNotices(
    entity: Entity,
    slo: EvaluatedSlo,
    before: SloStatus | undefined,
  ): Array<{ recipients: string[]; notice: Notice }> {
    const { status } = slo.evaluation;
    // Again when an at-risk SLO goes on to breach.
    const worse =
      (status === 'breached' && before !== 'breached') ||
      (status === 'at-risk' && before !== 'at-risk' && before !== 'breached');
    const owner = getEntityOwner(entity);
    if (!worse || !owner) return [];
    const firing = slo.evaluation.burnRates.find(b => b.firing);
    const state = status === 'breached' ? 'breached' : 'at risk';
    return [
      {
        recipients: [owner],
        notice: {
          title: `${slo.displayName} of ${titleOf(entity)} is ${state}`,
          description: [
            `SLI ${percent(
              slo.evaluation.sli,
            )} against an objective of ${percent(
              slo.objectives[0].target,
            )}; ${percent(slo.evaluation.remaining)} of the error budget left.`,
            firing
              ? `The error budget burns at ${firing.longBurn?.toFixed(
                  1,
                )}× (alert threshold ${firing.factor}×).`
              : '',
          ]
            .filter(Boolean)
            .join(' '),
          severity: status === 'breached' ? 'high' : 'normal',
        },
      },
    ];
  }

  /** What the SLO's alert policies say to send now; records each condition's next state. */
  private policyNotices(
    entity: Entity,
    slo: EvaluatedSlo,
    before: SloStatus | undefined,
    states: Map<string, AlertState>,
    nextStates: AlertState[],
    now: Date,
  ): Array<{ recipients: string[]; notice: Notice }> {
    const notices: Array<{ recipients: string[]; notice: Notice }> = [];
    const name = `${slo.displayName} of ${titleOf(entity)}`;
    for (const policy of slo.alertPolicies ?? []) {
      const recipients = recipientsOf(policy, entity);
      const send = (notice: Notice) =>
        recipients.length > 0 && notices.push({ recipients, notice });
      for (const condition of slo.evaluation.alertConditions ?? []) {
        if (condition.policy !== policy.name) continue;
        const key = {
          sloName: slo.name,
          policy: policy.name,
          condition: condition.condition,
        };
        const stored = states.get(SloAlertStateStore.key(key));
        const holdingSince = condition.holds
          ? stored?.holdingSince ?? now.toISOString()
          : null;
        let firing = stored?.firing ?? false;
        const burn = `burn rate ${condition.burn?.toFixed(2) ?? 'unknown'} ${
          OP_TEXT[condition.op]
        } ${condition.threshold} over ${humanMs(condition.lookbackWindowMs)}`;
        if (
          holdingSince &&
          !firing &&
          now.getTime() - Date.parse(holdingSince) >= condition.alertAfterMs
        ) {
          firing = true;
          if (policy.alertWhenBreaching) {
            send({
              title: `${name}: ${policy.displayName ?? policy.name} fires`,
              description: `Alert condition ${condition.condition}: ${burn}${
                condition.alertAfterMs > 0
                  ? `, for ${humanMs(condition.alertAfterMs)}`
                  : ''
              }.`,
              severity: 'high',
            });
          }
        } else if (!holdingSince && firing) {
          firing = false;
          if (policy.alertWhenResolved) {
            send({
              title: `${name}: ${policy.displayName ?? policy.name} resolved`,
              description: `Alert condition ${condition.condition} no longer holds (${burn}).`,
              severity: 'low',
            });
          }
        }
        nextStates.push({ ...key, holdingSince, firing });
      }
      if (
        policy.alertWhenNoData &&
        slo.evaluation.status === 'no-data' &&
        before !== undefined &&
        before !== 'no-data'
      ) {
        send({
          title: `${name} has no data`,
          description:
            slo.evaluation.reason ?? 'Nothing was measured in the SLO window.',
          severity: 'normal',
        });
      }
    }
    return notices;
  }

  /** Sends one notice; a failure is logged, never stops the run. */
  private async send(
    entity: Entity,
    slo: EvaluatedSlo,
    recipients: string[],
    notice: Notice,
  ): Promise<boolean> {
    try {
      await this.options.notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipients.length === 1 ? recipients[0] : recipients,
        },
        payload: {
          ...notice,
          link: `${entityPagePath(entity)}/system-product/slos`,
          topic: 'system-product-slo',
        },
      });
      return true;
    } catch (error) {
      this.options.logger.error(
        `Could not notify ${recipients.join(', ')} about ${
          slo.name
        } of ${stringifyEntityRef(entity)}: ${error}`,
      );
      return false;
    }
  }

  /**
   * The system products with an SLO file, and those with SLOs made in the
   * portal (which need no file), each once; entities the catalog no longer
   * has are skipped.
   */
  private async entitiesWithSlos(): Promise<Entity[]> {
    const { catalog, auth, definitions } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items: withFile } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_SLO_REF}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    );
    const seen = new Set(withFile.map(entity => stringifyEntityRef(entity)));
    const portalOnly = (await definitions.entityRefs()).filter(
      ref => !seen.has(ref),
    );
    const { items: withPortalSlos } =
      portalOnly.length > 0
        ? await catalog.getEntitiesByRefs(
            { entityRefs: portalOnly },
            { credentials },
          )
        : { items: [] };
    return [...withFile, ...withPortalSlos].filter(
      (entity): entity is Entity =>
        entity !== undefined && isSystemProductEntity(entity),
    );
  }
}

/**
 * A policy's notification targets that name catalog users or groups, or the
 * entity's owner when none does.
 */
function recipientsOf(policy: SloAlertPolicy, entity: Entity): string[] {
  const refs = policy.notificationTargets.flatMap(({ target }) => {
    try {
      const ref = parseEntityRef(target);
      return ['user', 'group'].includes(ref.kind.toLocaleLowerCase('en-US'))
        ? [stringifyEntityRef(ref)]
        : [];
    } catch {
      return [];
    }
  });
  if (refs.length > 0) return [...new Set(refs)];
  const owner = getEntityOwner(entity);
  return owner ? [owner] : [];
}

/** 3 600 000 → "1 h", 300 000 → "5 min". */
function humanMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  return `${+(ms / 60_000).toFixed(1)} min`;
}
