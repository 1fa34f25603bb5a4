import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SystemProductConfig } from '../config';
import { DEFAULT_PARTITION } from '../database/EventPartitions';
import { retentionBoundary } from '../database/EventRetention';
import { SystemProductServices } from '../services/createServices';
import { SloEvaluationJob } from './SloEvaluationJob';
import { SurveyRoundCloseJob } from './SurveyRoundCloseJob';

/**
 * The plugin's scheduled work. Backstage's scheduler runs each task once per
 * interval across all replicas that share the database.
 */
export async function scheduleJobs(options: {
  scheduler: SchedulerService;
  settings: SystemProductConfig;
  services: SystemProductServices;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  logger: LoggerService;
}) {
  const {
    scheduler,
    settings,
    services,
    catalog,
    auth,
    notifications,
    logger,
  } = options;

  // Every SLO evaluated: status history, owners notified of breaches.
  const evaluation = new SloEvaluationJob({
    catalog,
    auth,
    evaluator: services.evaluator,
    definitions: services.sloDefinitions,
    statuses: services.statuses,
    alertStates: services.alertStates,
    notifications,
    logger,
    // A fifth of the interval, at most a minute: filling never crowds out
    // the evaluation it follows.
    trendFillMs: Math.min(60_000, (settings.evaluationMinutes * 60_000) / 5),
    latest: services.latestSlos,
  });
  await scheduler.scheduleTask({
    id: 'system-product-slo-evaluation',
    frequency: { minutes: settings.evaluationMinutes },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await evaluation.run();
    },
  });

  // Reviews of the week or month that ended, once each, sent to the owners.
  await scheduler.scheduleTask({
    id: 'system-product-review-digests',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 3 },
    fn: async () => {
      const made = await services.reviews.runScheduled();
      if (made > 0) logger.info(`Assembled ${made} review digests`);
    },
  });

  // Owners hear once that a round closed, with or without results.
  const roundClose = new SurveyRoundCloseJob({
    catalog,
    auth,
    surveys: services.surveyStore,
    notifications,
    logger,
    minResponses: settings.minResponses,
  });
  await scheduler.scheduleTask({
    id: 'system-product-survey-round-close',
    frequency: { minutes: 15 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 2 },
    fn: async () => {
      await roundClose.run();
    },
  });

  // Trends look back one SLO window at most: older history goes, daily.
  await scheduler.scheduleTask({
    id: 'system-product-slo-history-prune',
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 10 },
    fn: async () => {
      const pruned = await services.statuses.prune(
        new Date(Date.now() - settings.historyDays * 86_400_000),
      );
      logger.info(
        `Pruned ${pruned} SLO evaluations older than ${settings.historyDays} days`,
      );
    },
  });

  // Delivery events older than the retention go (when it is set), daily,
  // then the month partitions ahead are made (PostgreSQL).
  await scheduler.scheduleTask({
    id: 'system-product-event-retention',
    frequency: { hours: 24 },
    timeout: { hours: 2 },
    initialDelay: { minutes: 20 },
    fn: async () => {
      const days = settings.eventRetentionDays;
      if (days !== undefined) {
        const run = await services.eventRetention.run(days);
        const dropped = run.partitions.length
          ? ` (partitions ${run.partitions.join(', ')} dropped)`
          : '';
        logger.info(
          `Event retention of ${days} days: deleted ${
            run.events
          } delivery events before ${run.before.toISOString()}${dropped}, ${
            run.buckets
          } SLI rollup buckets and ${run.commits} commit times`,
        );
      }
      await maintainEventPartitions({ settings, services, logger });
    },
  });
}

/**
 * Makes the month partitions of delivery events ahead of time (PostgreSQL;
 * nothing on SQLite), none before the retention boundary, and logs what it
 * made: at start-up and daily.
 */
export async function maintainEventPartitions(options: {
  settings: SystemProductConfig;
  services: SystemProductServices;
  logger: LoggerService;
}): Promise<void> {
  const { settings, services, logger } = options;
  const days = settings.eventRetentionDays;
  const { made, moved } = await services.eventPartitions.maintain({
    notBefore:
      days === undefined ? undefined : retentionBoundary(new Date(), days),
  });
  if (made.length > 0) {
    logger.info(
      `Made delivery event partitions ${made.join(
        ', ',
      )}; moved ${moved} events into them from ${DEFAULT_PARTITION}`,
    );
  }
}
