import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JourneyService } from '../services/JourneyService';
import { RoadmapService } from '../services/RoadmapService';
import { SloService } from '../services/SloService';
import { SurveyService } from '../services/SurveyService';
import { createGetSystemProductHealthAction } from './createGetSystemProductHealthAction';
import { createGetSystemProductRoadmapAction } from './createGetSystemProductRoadmapAction';

/**
 * Registers the plugin's read-only actions in the actions registry, for
 * assistants and MCP clients. They use the same services as the HTTP routes,
 * with the caller's credentials.
 */
export function createSystemProductActions(options: {
  actionsRegistry: ActionsRegistryService;
  slos: Pick<SloService, 'list' | 'dora'>;
  surveys: Pick<SurveyService, 'listRounds'>;
  journeys: Pick<JourneyService, 'getJourney'>;
  roadmap: Pick<RoadmapService, 'list'>;
}): void {
  createGetSystemProductHealthAction(options);
  createGetSystemProductRoadmapAction(options);
}
