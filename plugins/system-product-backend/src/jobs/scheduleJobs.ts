import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SystemProductConfig } from '../config';
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
    fillTrends: true,
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
}
