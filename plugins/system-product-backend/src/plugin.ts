import {
  RootConfigService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { systemProductPermissions } from '@system-product/backstage-plugin-common';
import { systemProductSliSourcesExtensionPoint } from '@system-product/backstage-plugin-node';
import { KnexCanvasStore } from './database/CanvasStore';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './router/createRouter';
import { CanvasService } from './services/CanvasService';
import { RespondentKeys } from './services/RespondentKeys';
import { SurveyService } from './services/SurveyService';
import { SurveyStore } from './database/SurveyStore';
import { JourneyStore } from './database/JourneyStore';
import { RoadmapStore } from './database/RoadmapStore';
import { PortfolioStore } from './database/PortfolioStore';
import { EventStore } from './database/EventStore';
import { EventService } from './services/EventService';
import { SloService } from './services/SloService';
import { SloFileReader } from './slo/SloFileReader';
import { EventSliSource } from './slo/EventSliSource';
import { DoraStore } from './slo/DoraStore';
import { SloEvaluator } from './slo/SloEvaluator';
import { SloEvaluationJob } from './jobs/SloEvaluationJob';
import { SurveyRoundCloseJob } from './jobs/SurveyRoundCloseJob';
import { SloStatusStore } from './database/SloStatusStore';
import { SloAlertStateStore } from './database/SloAlertStateStore';
import { SloDefinitionStore } from './database/SloDefinitionStore';
import { PortfolioService } from './services/PortfolioService';
import { JourneyService } from './services/JourneyService';
import { RoadmapService } from './services/RoadmapService';
import { EntityAccess } from './services/EntityAccess';
import { SliSourceRegistry } from './slo/SliSourceRegistry';
import { createSystemProductActions } from './actions/createSystemProductActions';

/**
 * The System Product backend plugin, serving `/api/system-product`.
 *
 * @public
 */
export const systemProductPlugin = createBackendPlugin({
  pluginId: 'system-product',
  register(env) {
    const sliSources = new SliSourceRegistry();
    env.registerExtensionPoint(systemProductSliSourcesExtensionPoint, {
      addSliSource: (...sources) => sliSources.add(...sources),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        urlReader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        notifications: notificationService,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditor,
        urlReader,
        scheduler,
        auth,
        notifications,
        catalog,
        actionsRegistry,
      }) {
        const db = await applyDatabaseMigrations(database);
        const access = new EntityAccess(catalog, permissions);
        const canvases = new CanvasService(new KnexCanvasStore(db), access);

        const keys = await RespondentKeys.create({ config, db, logger });
        const minResponses = readMinResponses(config);
        const surveyStore = new SurveyStore(db, { minResponses });
        const surveys = new SurveyService(
          surveyStore,
          access,
          keys,
          minResponses,
          { notifications, logger },
        );
        const journeys = new JourneyService(
          new JourneyStore(db, { minReporters: minResponses }),
          access,
          keys,
        );
        const statuses = new SloStatusStore(db);
        const portfolio = new PortfolioService(
          catalog,
          new PortfolioStore(db),
          statuses,
          minResponses,
        );
        const events = new EventService(
          new EventStore(db),
          catalog,
          permissions,
        );
        const sloDefinitions = new SloDefinitionStore(db);
        const evaluator = new SloEvaluator(
          new SloFileReader(urlReader),
          sloDefinitions,
          new EventSliSource(db, { minResponses }),
          sliSources,
        );
        const slos = new SloService(
          evaluator,
          sloDefinitions,
          statuses,
          new DoraStore(db),
          access,
        );
        const job = new SloEvaluationJob({
          catalog,
          auth,
          evaluator,
          definitions: sloDefinitions,
          statuses,
          alertStates: new SloAlertStateStore(db),
          notifications,
          logger,
        });
        // The scheduler runs each task once per interval across all replicas
        // that share the database.
        await scheduler.scheduleTask({
          id: 'system-product-slo-evaluation',
          frequency: {
            minutes:
              config.getOptionalNumber('systemProduct.slo.evaluationMinutes') ??
              5,
          },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await job.run();
          },
        });
        // Owners hear once that a round closed, with or without results.
        const roundCloseJob = new SurveyRoundCloseJob({
          catalog,
          auth,
          surveys: surveyStore,
          notifications,
          logger,
          minResponses,
        });
        await scheduler.scheduleTask({
          id: 'system-product-survey-round-close',
          frequency: { minutes: 15 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 2 },
          fn: async () => {
            await roundCloseJob.run();
          },
        });
        // Trends look back one SLO window at most: older history goes, daily.
        const historyDays = readHistoryDays(config);
        await scheduler.scheduleTask({
          id: 'system-product-slo-history-prune',
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 10 },
          fn: async () => {
            const pruned = await statuses.prune(
              new Date(Date.now() - historyDays * 86_400_000),
            );
            logger.info(
              `Pruned ${pruned} SLO evaluations older than ${historyDays} days`,
            );
          },
        });
        const roadmap = new RoadmapService(new RoadmapStore(db), access);

        permissionsRegistry.addPermissions(systemProductPermissions);
        createSystemProductActions({
          actionsRegistry,
          slos,
          surveys,
          journeys,
          roadmap,
        });
        httpRouter.use(
          createRouter({
            canvases,
            surveys,
            journeys,
            roadmap,
            portfolio,
            events,
            slos,
            httpAuth,
            auditor,
            logger,
            maxBodySize:
              config.getOptionalString('systemProduct.maxBodySize') ?? '1mb',
            validateResponses:
              config.getOptionalBoolean('systemProduct.validateResponses') ??
              false,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

/** k of k-anonymity: results need at least this many responses; never below 3. */
function readMinResponses(config: RootConfigService): number {
  const k = config.getOptionalNumber('systemProduct.survey.minResponses') ?? 5;
  if (!Number.isInteger(k) || k < 3) {
    throw new Error(
      `systemProduct.survey.minResponses must be an integer of at least 3, got ${k}`,
    );
  }
  return k;
}

/** Days of SLO evaluation history kept; at least 1. */
export function readHistoryDays(config: RootConfigService): number {
  const days = config.getOptionalNumber('systemProduct.slo.historyDays') ?? 400;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `systemProduct.slo.historyDays must be a whole number of days, at least 1, got ${days}`,
    );
  }
  return days;
}
