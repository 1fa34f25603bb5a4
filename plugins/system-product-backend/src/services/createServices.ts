import {
  AuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { SystemProductConfig } from '../config';
import { KnexCanvasStore } from '../database/CanvasStore';
import { EventStore } from '../database/EventStore';
import { JourneyStore } from '../database/JourneyStore';
import { PortfolioStore } from '../database/PortfolioStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { SloAlertStateStore } from '../database/SloAlertStateStore';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { SurveyStore } from '../database/SurveyStore';
import { DoraStore } from '../slo/DoraStore';
import { EventSliSource } from '../slo/EventSliSource';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { SloEvaluator } from '../slo/SloEvaluator';
import { SloFileReader } from '../slo/SloFileReader';
import { CanvasService } from './CanvasService';
import { EntityAccess } from './EntityAccess';
import { EventClaims } from './EventClaims';
import { EventService } from './EventService';
import { ExternalEventService } from './ExternalEventService';
import { JourneyService } from './JourneyService';
import { PortfolioService } from './PortfolioService';
import { RespondentKeys } from './RespondentKeys';
import { RoadmapService } from './RoadmapService';
import { SloService } from './SloService';
import { SurveyService } from './SurveyService';

/** Every service and store of the plugin, built on one migrated database. */
export type SystemProductServices = Awaited<ReturnType<typeof createServices>>;

/** Builds the plugin's stores and services; the one place they are wired. */
export async function createServices(options: {
  db: Knex;
  settings: SystemProductConfig;
  config: RootConfigService;
  logger: LoggerService;
  permissions: PermissionsService;
  urlReader: UrlReaderService;
  auth: AuthService;
  notifications: NotificationService;
  catalog: CatalogService;
  sliSources: SliSourceRegistry;
}) {
  const { db, settings, config, logger, permissions, catalog, auth } = options;
  const { minResponses } = settings;
  const access = new EntityAccess(catalog, permissions);
  const keys = await RespondentKeys.create({ config, db, logger });
  const surveyStore = new SurveyStore(db, { minResponses });
  const statuses = new SloStatusStore(db);
  const sloDefinitions = new SloDefinitionStore(db);
  const eventStore = new EventStore(db);
  const evaluator = new SloEvaluator(
    new SloFileReader(options.urlReader),
    sloDefinitions,
    new EventSliSource(db, { minResponses }),
    options.sliSources,
  );
  return {
    surveyStore,
    statuses,
    sloDefinitions,
    evaluator,
    alertStates: new SloAlertStateStore(db),
    canvases: new CanvasService(new KnexCanvasStore(db), access),
    surveys: new SurveyService(surveyStore, access, keys, minResponses, {
      notifications: options.notifications,
      logger,
    }),
    journeys: new JourneyService(
      new JourneyStore(db, { minReporters: minResponses }),
      access,
      keys,
    ),
    roadmap: new RoadmapService(new RoadmapStore(db), access),
    portfolio: new PortfolioService(
      catalog,
      new PortfolioStore(db),
      statuses,
      minResponses,
    ),
    events: new EventService(eventStore, catalog, permissions),
    externalEvents: new ExternalEventService(
      eventStore,
      new EventClaims(catalog, auth),
      logger,
    ),
    slos: new SloService(
      evaluator,
      sloDefinitions,
      statuses,
      new DoraStore(db),
      access,
    ),
  };
}
