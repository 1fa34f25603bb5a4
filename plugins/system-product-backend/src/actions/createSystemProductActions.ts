import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JourneyService } from '../services/JourneyService';
import { ReviewService } from '../services/ReviewService';
import { RoadmapService } from '../services/RoadmapService';
import { SloService } from '../services/SloService';
import { SurveyService } from '../services/SurveyService';
import { createAnswerSurveyAction } from './createAnswerSurveyAction';
import { createCreateRoadmapItemAction } from './createCreateRoadmapItemAction';
import { createGetSystemProductHealthAction } from './createGetSystemProductHealthAction';
import { createGetSystemProductReviewAction } from './createGetSystemProductReviewAction';
import { createGetSystemProductRoadmapAction } from './createGetSystemProductRoadmapAction';
import { createOpenSurveyRoundAction } from './createOpenSurveyRoundAction';
import { createReportFrictionAction } from './createReportFrictionAction';
import { createSayMeTooAction } from './createSayMeTooAction';

/**
 * Registers the plugin's actions in the actions registry, for assistants and
 * MCP clients: three that read and five that write. They use the same services
 * as the HTTP routes, with the caller's credentials, so the services check
 * visibility and permissions as for a request; the writes are audited like
 * the routes that make the same changes.
 */
export function createSystemProductActions(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  slos: Pick<SloService, 'list' | 'dora'>;
  surveys: Pick<SurveyService, 'listRounds' | 'openRound' | 'answer'>;
  journeys: Pick<JourneyService, 'getJourney' | 'reportFriction' | 'setMeToo'>;
  roadmap: Pick<RoadmapService, 'list' | 'create'>;
  reviews: Pick<ReviewService, 'list' | 'get'>;
}): void {
  createGetSystemProductHealthAction(options);
  createGetSystemProductRoadmapAction(options);
  createGetSystemProductReviewAction(options);
  createReportFrictionAction(options);
  createSayMeTooAction(options);
  createCreateRoadmapItemAction(options);
  createOpenSurveyRoundAction(options);
  createAnswerSurveyAction(options);
}
