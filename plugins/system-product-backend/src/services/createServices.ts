import {
  AuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SystemProductConfig } from '../config';
import { SystemProductStores } from '../database/createStores';
import { EventSliSource } from '../slo/EventSliSource';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { SloEvaluator } from '../slo/SloEvaluator';
import { SloFileReader } from '../slo/SloFileReader';
import { CanvasService } from './CanvasService';
import { ClosingTheLoop } from './ClosingTheLoop';
import { EntityAccess } from './EntityAccess';
import { EventClaims } from './EventClaims';
import { EventService } from './EventService';
import { ExternalEventService } from './ExternalEventService';
import { JourneyService } from './JourneyService';
import { LatestSloEvaluations } from './LatestSloEvaluations';
import { MomentService } from './MomentService';
import { PortfolioService } from './PortfolioService';
import { RespondentKeys } from './RespondentKeys';
import { ReviewService } from './ReviewService';
import { RoadmapService } from './RoadmapService';
import { SloService } from './SloService';
import { SurveyService } from './SurveyService';
import { SurveyTemplateService } from './SurveyTemplateService';

/** Every service and store of the plugin, built on one migrated database. */
export type SystemProductServices = Awaited<ReturnType<typeof createServices>>;

/** Builds the plugin's stores and services; the one place they are wired. */
export async function createServices(options: {
  stores: SystemProductStores;
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
  const { stores, settings, config, logger, permissions, catalog, auth } =
    options;
  const { minResponses } = settings;
  const access = new EntityAccess(catalog, permissions, {
    cacheTtlMs: settings.accessCacheTtlMs,
  });
  const keys = await RespondentKeys.create({
    config,
    settings: stores.settings,
    logger,
  });
  const surveyTemplates = new SurveyTemplateService(
    stores.surveyTemplates,
    access,
    { configTemplates: settings.surveyTemplates, logger },
  );
  // app-config's templates into the database before any round opens.
  await surveyTemplates.start();
  // The built-in source is registered like a module's: a module that adds
  // type system-product too is refused (one source per type).
  options.sliSources.add(
    new EventSliSource(stores.eventCounts, {
      minResponses,
      rollups: stores.rollups,
    }),
  );
  const evaluator = new SloEvaluator(
    new SloFileReader(options.urlReader),
    stores.sloDefinitions,
    options.sliSources,
  );
  // An entity as the plugin itself reads it, not as a caller.
  const entityOf = async (entityRef: string) =>
    catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
  const latestSlos = new LatestSloEvaluations(
    evaluator,
    stores.sloEvaluations,
    {
      logger,
      entityOf,
    },
  );
  // Writes that change SLIs have the entity's SLOs evaluated again.
  const changed = (entityRefs: string[]) => latestSlos.changed(entityRefs);
  const loop = new ClosingTheLoop({
    store: stores.loop,
    journeys: stores.journeys,
    keys,
    logger,
    notifications: options.notifications,
    entityOf,
  });
  const moments = new MomentService({
    store: stores.moments,
    surveys: stores.surveys,
    journeys: stores.journeys,
    access,
    keys,
    settings: settings.moments,
    logger,
    notifications: options.notifications,
    entityOf,
    onAnswered: entityRef => changed([entityRef]),
    loop,
  });
  return {
    surveyStore: stores.surveys,
    latestSlos,
    statuses: stores.sloStatuses,
    sloDefinitions: stores.sloDefinitions,
    evaluator,
    alertStates: stores.sloAlertStates,
    eventPartitions: stores.eventPartitions,
    eventRetention: stores.eventRetention,
    canvases: new CanvasService(stores.canvases, access),
    surveyTemplates,
    surveys: new SurveyService(
      stores.surveys,
      surveyTemplates,
      access,
      keys,
      minResponses,
      { notifications: options.notifications, logger },
      entityRef => changed([entityRef]),
      { entityOf, logger },
    ),
    journeys: new JourneyService(stores.journeys, access, keys, loop),
    loop,
    moments,
    roadmap: new RoadmapService(stores.roadmap, access, loop),
    reviews: new ReviewService({
      reviews: stores.reviews,
      statuses: stores.sloStatuses,
      dora: stores.dora,
      journeys: stores.journeys,
      roadmap: stores.roadmap,
      access,
      minResponses,
      logger,
      notifications: options.notifications,
      entityOf,
    }),
    portfolio: new PortfolioService(
      catalog,
      stores.portfolio,
      stores.sloStatuses,
      minResponses,
    ),
    events: new EventService(
      stores.events,
      catalog,
      permissions,
      changed,
      candidates => moments.eventsStored(candidates),
    ),
    externalEvents: new ExternalEventService(
      stores.events,
      new EventClaims(catalog, auth),
      logger,
      Date.now,
      changed,
      candidates => moments.eventsStored(candidates),
    ),
    slos: new SloService(
      evaluator,
      stores.sloDefinitions,
      stores.sloStatuses,
      stores.dora,
      access,
      latestSlos,
    ),
  };
}
