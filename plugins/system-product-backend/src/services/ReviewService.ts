import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ReviewCadence,
  ReviewDigest,
  ReviewSummary,
  entityPagePath,
  getEntityOwner,
  isScaleKind,
  netPromoterScore,
  systemProductCanvasUpdatePermission,
  topTwoBoxScore,
} from '@system-product/backstage-plugin-common';
import { randomUUID } from 'node:crypto';
import { DoraStore } from '../database/DoraStore';
import { JourneyStore } from '../database/JourneyStore';
import { PeriodRound, ReviewStore } from '../database/ReviewStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { EntityAccess, principalRef } from './EntityAccess';

const DAY = 86_400_000;

/** The period a scheduled review of `cadence` covers, ending at the last boundary at or before `now`. */
export function reviewPeriod(
  cadence: 'weekly' | 'monthly',
  now: Date,
): { from: Date; to: Date; previousFrom: Date } {
  if (cadence === 'weekly') {
    const midnight = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
    );
    // Monday 00:00 UTC of this week (getUTCDay: 0 is Sunday).
    const to = midnight - ((now.getUTCDay() + 6) % 7) * DAY;
    return {
      from: new Date(to - 7 * DAY),
      to: new Date(to),
      previousFrom: new Date(to - 14 * DAY),
    };
  }
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return {
    from: new Date(Date.UTC(y, m - 1, 1)),
    to: new Date(Date.UTC(y, m, 1)),
    previousFrom: new Date(Date.UTC(y, m - 2, 1)),
  };
}

/**
 * Review digests: a regular retrospective on the system, assembled from
 * what the plugin holds (SLO history, DORA, published survey and moment
 * results, friction, the roadmap), k-anonymous like every tab, kept as it
 * was assembled, and sent to the owners.
 */
export class ReviewService {
  constructor(
    private readonly deps: {
      reviews: ReviewStore;
      statuses: SloStatusStore;
      dora: DoraStore;
      journeys: JourneyStore;
      roadmap: RoadmapStore;
      access: EntityAccess;
      minResponses: number;
      logger: LoggerService;
      notifications?: NotificationService;
      entityOf: (entityRef: string) => Promise<Entity | undefined>;
    },
  ) {}

  async getCadence(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ReviewCadence> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    return this.deps.reviews.getCadence(stringifyEntityRef(entity));
  }

  async setCadence(
    ref: CompoundEntityRef,
    cadence: ReviewCadence,
    credentials: BackstageCredentials,
  ): Promise<ReviewCadence> {
    const entityRef = await this.authorized(ref, credentials);
    await this.deps.reviews.setCadence(
      entityRef,
      cadence,
      principalRef(credentials),
    );
    return cadence;
  }

  async list(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ReviewSummary[]> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    return this.deps.reviews.list(stringifyEntityRef(entity));
  }

  async get(
    ref: CompoundEntityRef,
    reviewId: string,
    credentials: BackstageCredentials,
  ): Promise<ReviewDigest> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const review = await this.deps.reviews.get(entityRef, reviewId);
    if (!review)
      throw new NotFoundError(`${entityRef} has no review ${reviewId}`);
    return review;
  }

  /** A review of the last 7 (or, monthly, 30) days up to now, made by an owner. */
  async createNow(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<ReviewDigest> {
    const entityRef = await this.authorized(ref, credentials);
    const cadence =
      (await this.deps.reviews.getCadence(entityRef)) === 'monthly'
        ? 'monthly'
        : 'weekly';
    const days = cadence === 'weekly' ? 7 : 30;
    const review = await this.assemble(entityRef, cadence, {
      from: new Date(now.getTime() - days * DAY),
      to: now,
      previousFrom: new Date(now.getTime() - 2 * days * DAY),
    });
    await this.deps.reviews.insert(review);
    return review;
  }

  /**
   * The scheduled run: for every entity with reviews on, the review of the
   * period that ended last, once, sent to its owner. Answers how many were
   * made.
   */
  async runScheduled(now = new Date()): Promise<number> {
    let made = 0;
    for (const { entityRef, cadence } of await this.deps.reviews.scheduled()) {
      if (cadence === 'off') continue;
      const period = reviewPeriod(cadence, now);
      if (await this.deps.reviews.exists(entityRef, cadence, period.to)) {
        continue;
      }
      try {
        const review = await this.assemble(entityRef, cadence, period, now);
        if (await this.deps.reviews.insert(review)) {
          made++;
          await this.notify(review);
        }
      } catch (error) {
        this.deps.logger.error(
          `Could not assemble the ${cadence} review of ${entityRef}: ${error}`,
        );
      }
    }
    return made;
  }

  /** What changed in [from, to) against [previousFrom, from). */
  async assemble(
    entityRef: string,
    cadence: 'weekly' | 'monthly',
    period: { from: Date; to: Date; previousFrom: Date },
    now = new Date(),
  ): Promise<ReviewDigest> {
    const { from, to, previousFrom } = period;
    const { statuses, dora, reviews, journeys, roadmap, minResponses } =
      this.deps;
    const k = minResponses;

    const [atEnd, atStart] = await Promise.all([
      statuses.at(entityRef, new Date(to.getTime() - 1)),
      statuses.at(entityRef, new Date(from.getTime() - 1)),
    ]);
    const slos = [...new Set([...atEnd.keys(), ...atStart.keys()])]
      .sort()
      .map(name => {
        const end = atEnd.get(name);
        const start = atStart.get(name);
        const remaining = end?.remaining ?? null;
        const remainingAtStart = start?.remaining ?? null;
        return {
          name,
          status: end?.status ?? null,
          previousStatus: start?.status ?? null,
          remaining,
          remainingAtStart,
          budgetSpent:
            remaining === null || remainingAtStart === null
              ? null
              : remainingAtStart - remaining,
        };
      });

    const days = cadence === 'weekly' ? 7 : 30;
    const [doraNow, doraBefore] = await Promise.all([
      dora.metrics(entityRef, to, days),
      dora.metrics(entityRef, from, days),
    ]);
    const change = (now_: number | null, before: number | null) => ({
      now: now_,
      before,
    });

    const rounds = await reviews.roundsWithPrevious(entityRef, from, to, k);
    const feedback = rounds
      .filter(({ round }) => round.publishedResponses >= k)
      .map(({ round, previous }) => ({
        roundId: round.id,
        title: round.title,
        kind: round.triggerId ? ('moment' as const) : ('survey' as const),
        publishedResponses: round.publishedResponses,
        scores: scoresOf(round),
        previousScores:
          previous && previous.publishedResponses >= k
            ? scoresOf(previous)
            : null,
      }));

    const [frictionNow, frictionBefore, journey] = await Promise.all([
      reviews.frictionIn(entityRef, from, to),
      reviews.frictionIn(entityRef, previousFrom, from),
      journeys.get(entityRef),
    ]);
    const names = new Map(
      (journey?.stages ?? [])
        .flatMap(s => s.touchpoints)
        .map(t => [t.id, t.name]),
    );
    const friction = [
      ...new Set([...frictionNow.keys(), ...frictionBefore.keys()]),
    ]
      .filter(id => names.has(id))
      .map(id => {
        const inPeriod = frictionNow.get(id);
        const reports = inPeriod?.reports ?? 0;
        const reportsBefore = frictionBefore.get(id)?.reports ?? 0;
        let trend: 'new' | 'rising' | 'steady' | 'falling' = 'steady';
        if (reportsBefore === 0 && reports > 0) trend = 'new';
        else if (reports > reportsBefore) trend = 'rising';
        else if (reports < reportsBefore) trend = 'falling';
        return {
          touchpointId: id,
          touchpoint: names.get(id)!,
          reports,
          reportsBefore,
          reporters: inPeriod?.reporters ?? 0,
          // k different reporters, as on the Journey tab.
          averageSeverity:
            inPeriod && inPeriod.reporters >= k
              ? inPeriod.averageSeverity
              : null,
          trend,
        };
      })
      .sort(
        (a, b) =>
          b.reports - a.reports || a.touchpoint.localeCompare(b.touchpoint),
      );

    const items = await roadmap.list(entityRef);
    const shipped = items
      .filter(
        i =>
          i.status === 'shipped' &&
          i.shippedAt !== null &&
          i.shippedAt >= from.toISOString() &&
          i.shippedAt < to.toISOString(),
      )
      .map(i => ({
        itemId: i.id,
        title: i.title,
        shippedAt: i.shippedAt!,
        metric: i.metric,
        metricBefore: i.metricBefore,
        metricAfter: i.metricAfter,
        metricUnit: i.metricUnit,
      }));
    const nextTo = new Date(to.getTime() + (to.getTime() - from.getTime()));
    const upcoming = items
      .filter(
        i =>
          i.status !== 'shipped' &&
          i.status !== 'dropped' &&
          i.targetDate !== null &&
          i.targetDate >= to.toISOString().slice(0, 10) &&
          i.targetDate < nextTo.toISOString().slice(0, 10),
      )
      .map(i => ({
        itemId: i.id,
        title: i.title,
        status: i.status,
        targetDate: i.targetDate!,
        openMilestones: i.milestones.filter(m => !m.done).map(m => m.title),
      }));

    return {
      id: randomUUID(),
      entityRef,
      cadence,
      from: from.toISOString(),
      to: to.toISOString(),
      previousFrom: previousFrom.toISOString(),
      createdAt: now.toISOString(),
      minResponses: k,
      slos,
      dora: {
        days,
        deployments: change(
          doraNow.deploymentFrequency.sampleSize,
          doraBefore.deploymentFrequency.sampleSize,
        ),
        changeLeadTimeSeconds: change(
          doraNow.changeLeadTime.value,
          doraBefore.changeLeadTime.value,
        ),
        changeFailureRate: change(
          doraNow.changeFailureRate.value,
          doraBefore.changeFailureRate.value,
        ),
        recoveryTimeSeconds: change(
          doraNow.failedDeploymentRecoveryTime.value,
          doraBefore.failedDeploymentRecoveryTime.value,
        ),
      },
      feedback,
      friction,
      shipped,
      upcoming,
    };
  }

  private async notify(review: ReviewDigest): Promise<void> {
    const { notifications, entityOf, logger } = this.deps;
    if (!notifications) return;
    try {
      const entity = await entityOf(review.entityRef);
      const owner = entity && getEntityOwner(entity);
      if (!entity || !owner) return;
      const name = entity.metadata.title ?? entity.metadata.name;
      const breached = review.slos.filter(s => s.status === 'breached').length;
      const rising = review.friction.filter(
        f => f.trend === 'new' || f.trend === 'rising',
      ).length;
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: {
          title: `${
            review.cadence === 'weekly' ? 'Weekly' : 'Monthly'
          } review of ${name}`,
          description: `${review.from.slice(0, 10)} to ${review.to.slice(
            0,
            10,
          )}: ${breached} SLOs breached, ${rising} touchpoints with new or rising friction, ${
            review.shipped.length
          } items shipped, ${review.upcoming.length} due next.`,
          link: `${entityPagePath(entity)}/system-product/canvas`,
          severity: 'normal',
          topic: 'system-product-review',
        },
      });
    } catch (error) {
      logger.error(`Could not send review ${review.id}: ${error}`);
    }
  }

  private async authorized(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.deps.access.authorizeChange(
      entityRef,
      systemProductCanvasUpdatePermission,
      credentials,
    );
    return entityRef;
  }
}

/**
 * A round's scores of the scale questions shown: NPS, or the share of 4s and
 * 5s (a choice question's option counts have no score).
 */
function scoresOf(round: PeriodRound): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(round.counts)
      .filter(([questionId]) => isScaleKind(round.kinds[questionId] ?? ''))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([questionId, counts]) => [
        questionId,
        round.kinds[questionId] === 'nps'
          ? netPromoterScore(counts)
          : topTwoBoxScore(counts),
      ]),
  );
}
