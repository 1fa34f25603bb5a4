import { Knex } from 'knex';
import { KnexCanvasStore } from './CanvasStore';
import { DoraStore } from './DoraStore';
import { EventCountStore } from './EventCountStore';
import { EventPartitions } from './EventPartitions';
import { EventRetention } from './EventRetention';
import { EventStore } from './EventStore';
import { JourneyStore } from './JourneyStore';
import { LoopStore } from './LoopStore';
import { MomentStore } from './MomentStore';
import { PluginSettingsStore } from './PluginSettingsStore';
import { PortfolioStore } from './PortfolioStore';
import { ReviewStore } from './ReviewStore';
import { RoadmapStore } from './RoadmapStore';
import { SliRollupStore } from './SliRollupStore';
import { SloAlertStateStore } from './SloAlertStateStore';
import { SloDefinitionStore } from './SloDefinitionStore';
import { SloEvaluationStore } from './SloEvaluationStore';
import { SloStatusStore } from './SloStatusStore';
import { SurveyStore } from './SurveyStore';
import { SurveyTemplateStore } from './SurveyTemplateStore';

/** Every store of the plugin. */
export type SystemProductStores = ReturnType<typeof createStores>;

/**
 * The plugin's stores on one migrated database: the only place that hands
 * the database to anything. `minResponses` is the survey k.
 */
export function createStores(db: Knex, options: { minResponses: number }) {
  const { minResponses } = options;
  const rollups = new SliRollupStore(db);
  const eventPartitions = new EventPartitions(db);
  return {
    canvases: new KnexCanvasStore(db),
    dora: new DoraStore(db),
    eventCounts: new EventCountStore(db),
    // Every write of events keeps the SLI rollups in its transaction.
    events: new EventStore(db, rollups),
    eventPartitions,
    eventRetention: new EventRetention(db, eventPartitions, rollups),
    journeys: new JourneyStore(db, { minReporters: minResponses }),
    loop: new LoopStore(db),
    moments: new MomentStore(db),
    settings: new PluginSettingsStore(db),
    portfolio: new PortfolioStore(db),
    reviews: new ReviewStore(db),
    roadmap: new RoadmapStore(db),
    rollups,
    sloAlertStates: new SloAlertStateStore(db),
    sloDefinitions: new SloDefinitionStore(db),
    sloEvaluations: new SloEvaluationStore(db),
    sloStatuses: new SloStatusStore(db),
    surveys: new SurveyStore(db, { minResponses }),
    surveyTemplates: new SurveyTemplateStore(db),
  };
}
