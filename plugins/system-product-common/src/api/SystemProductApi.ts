import type { components, paths } from '../schema/openapi.generated';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { PortfolioEntry } from '../portfolio/types';
import { EntitySlos, EvaluatedSlo, SloStatusReport } from '../slo/entitySlos';
import { OpenSloDocument } from '../slo/exportOpenSlo';
import { DoraMetrics, DoraPeriodDays } from '../slo/dora';
import { Canvas, CanvasUpdate } from '../canvas/types';
import {
  FrictionReportRequest,
  Journey,
  JourneyUpdate,
  TouchpointFriction,
} from '../journey/types';
import {
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemPatch,
} from '../roadmap/types';
import {
  SurveyAnswers,
  SurveyResults,
  SurveyRound,
  SurveyTemplate,
  SurveyTemplateCreateRequest,
  SurveyTemplateUpdateRequest,
} from '../survey/types';
import {
  MomentAnswerRequest,
  MomentPrompt,
  MomentTrigger,
  MomentTriggerRequest,
} from '../moments/types';
import { ReviewDigest, ReviewSettings, ReviewSummary } from '../review/types';

/** Answer of `GET /health`. @public */
export type HealthStatus =
  paths['/health']['get']['responses'][200]['content']['application/json'];

/** One accepted canvas write: who changed which sections when. @public */
export type CanvasRevision = components['schemas']['CanvasRevision'];

/** Body of `POST .../surveys`. @public */
export type OpenSurveyRoundRequest =
  components['schemas']['OpenSurveyRoundRequest'];

/** The calling user's own answer to a survey round (`GET /surveys/{roundId}/responses/mine`). @public */
export type MySurveyAnswer =
  paths['/surveys/{roundId}/responses/mine']['get']['responses'][200]['content']['application/json'];

/** Whether the calling user is told when something they reported is improved. @public */
export type LoopNotifications = components['schemas']['LoopNotifications'];

/**
 * The System Product REST API, as the frontend and other plugins call it.
 * Every method rejects with a `ResponseError` carrying the backend's status
 * (400 invalid input, 403 not allowed, 404 not found or not visible, 409 stale).
 *
 * @public
 */
export interface SystemProductApi {
  /** The entity's canvas; version 0 and empty content if none was saved. */
  getCanvas(entity: CompoundEntityRef): Promise<Canvas>;
  /** Replaces the entity's canvas; 409 when `update.version` is stale. */
  updateCanvas(
    entity: CompoundEntityRef,
    update: CanvasUpdate,
  ): Promise<Canvas>;
  /** Who changed the canvas, newest first. */
  getCanvasRevisions(entity: CompoundEntityRef): Promise<CanvasRevision[]>;
  /** The journey map with friction per touchpoint; version 0 if none was saved. */
  getJourney(entity: CompoundEntityRef): Promise<Journey>;
  /** Replaces the journey map; 409 when `update.version` is stale. */
  updateJourney(
    entity: CompoundEntityRef,
    update: JourneyUpdate,
  ): Promise<Journey>;
  /** Reports friction on a touchpoint, anonymously. */
  reportFriction(
    entity: CompoundEntityRef,
    report: FrictionReportRequest,
  ): Promise<void>;
  /**
   * Says (`said` true) or withdraws the signed-in user's "me too" on a
   * touchpoint's friction; answers that touchpoint's friction as they now see it.
   */
  setMeToo(
    entity: CompoundEntityRef,
    touchpointId: string,
    said: boolean,
  ): Promise<TouchpointFriction>;
  /** Survey rounds of the entity, newest first. */
  getSurveyRounds(entity: CompoundEntityRef): Promise<SurveyRound[]>;
  /** Opens a survey round (owners). */
  openSurveyRound(
    entity: CompoundEntityRef,
    request: OpenSurveyRoundRequest,
  ): Promise<SurveyRound>;
  /**
   * Answers a round; answering again merges into the earlier answer
   * (questions not sent are kept, null withdraws one).
   */
  answerSurvey(
    roundId: string,
    answers: SurveyAnswers,
  ): Promise<{ replaced: boolean }>;
  /**
   * The signed-in user's own answer to a round; undefined if they have not
   * answered it (users only; never anyone else's).
   */
  getMySurveyAnswer(roundId: string): Promise<MySurveyAnswer | undefined>;
  /** k-anonymous results of a round. */
  getSurveyResults(roundId: string): Promise<SurveyResults>;
  /**
   * The survey templates new rounds on the entity can use, at their current
   * versions: platform-pulse, those of app-config and the entity's own.
   */
  getSurveyTemplates(entity: CompoundEntityRef): Promise<SurveyTemplate[]>;
  /** A survey template at its current version, or at `options.version`. */
  getSurveyTemplate(
    templateId: string,
    options?: { version?: number },
  ): Promise<SurveyTemplate>;
  /** Makes a template of the entity's own (owners, as for opening rounds); 409 when the id is taken. */
  createSurveyTemplate(
    request: SurveyTemplateCreateRequest,
  ): Promise<SurveyTemplate>;
  /**
   * Changes an owner template, as a new version when its content differs;
   * 409 for app-config's and built-in templates, and when
   * `request.expectedVersion` is stale.
   */
  updateSurveyTemplate(
    templateId: string,
    request: SurveyTemplateUpdateRequest,
  ): Promise<SurveyTemplate>;
  /** The entity's moment triggers (micro-surveys), oldest first, each with its monthly rounds. */
  getMomentTriggers(entity: CompoundEntityRef): Promise<MomentTrigger[]>;
  /** Adds a moment trigger (owners, as for survey rounds). */
  createMomentTrigger(
    entity: CompoundEntityRef,
    trigger: MomentTriggerRequest,
  ): Promise<MomentTrigger>;
  /** Removes a moment trigger and its open prompts; its rounds and answers stay. */
  deleteMomentTrigger(
    entity: CompoundEntityRef,
    triggerId: string,
  ): Promise<void>;
  /** The signed-in user's open moment prompts, newest first (403 for a service). */
  getMyPrompts(): Promise<MomentPrompt[]>;
  /** One of the signed-in user's moment prompts; 404 for anyone else's. */
  getPrompt(promptId: string): Promise<MomentPrompt>;
  /** Answers a moment prompt, once, before it expires (409 otherwise). */
  answerPrompt(
    promptId: string,
    answer: MomentAnswerRequest,
  ): Promise<{ roundId: string }>;
  /**
   * The portal paths whose visits may prompt the signed-in user (page
   * triggers of entities they can see), so that only those visits are
   * reported.
   */
  getPageMoments(): Promise<string[]>;
  /**
   * Reports that the signed-in user visited a portal path: the prompt a page
   * trigger made for them, to show at once, or null.
   */
  reportPageVisit(path: string): Promise<MomentPrompt | null>;
  /** Roadmap items of the entity. */
  getRoadmap(entity: CompoundEntityRef): Promise<RoadmapItem[]>;
  /** Adds a roadmap item (owners). */
  createRoadmapItem(
    entity: CompoundEntityRef,
    item: RoadmapItemInput,
  ): Promise<RoadmapItem>;
  /** Changes a roadmap item; 409 when `patch.version` is stale. */
  updateRoadmapItem(
    itemId: string,
    patch: RoadmapItemPatch,
  ): Promise<RoadmapItem>;
  /** The SLOs of the entity (its OpenSLO file and the portal's), evaluated now, and what is wrong with the file. */
  getSlos(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** One SLO evaluated now, with its trend from the scheduled evaluations. */
  getSloStatus(
    entity: CompoundEntityRef,
    sloName: string,
  ): Promise<SloStatusReport>;
  /** Adds an SLO made in the portal, given as an OpenSLO v1 `SLO` document with an inline indicator. */
  createSlo(
    entity: CompoundEntityRef,
    document: OpenSloDocument,
  ): Promise<EvaluatedSlo>;
  /** Removes an SLO made in the portal (file SLOs change in their file). */
  deleteSlo(entity: CompoundEntityRef, sloName: string): Promise<void>;
  /** Every SLO of the entity as one OpenSLO v1 YAML file. */
  exportSlos(entity: CompoundEntityRef): Promise<string>;
  /** The entity's DORA figures over the last `days` (default 30), each with its sample size and band. */
  getDora(
    entity: CompoundEntityRef,
    options?: { days?: DoraPeriodDays },
  ): Promise<DoraMetrics>;
  /** How often the entity's review is assembled (off until an owner chooses). */
  getReviewSettings(entity: CompoundEntityRef): Promise<ReviewSettings>;
  /** Chooses weekly, monthly or no reviews (owners, as for the canvas). */
  setReviewSettings(
    entity: CompoundEntityRef,
    settings: ReviewSettings,
  ): Promise<ReviewSettings>;
  /** The entity's past reviews, newest first. */
  getReviews(entity: CompoundEntityRef): Promise<ReviewSummary[]>;
  /** Assembles a review now (owners): of the last 7 days, or 30 for a monthly cadence. */
  createReview(entity: CompoundEntityRef): Promise<ReviewDigest>;
  /** One review, as it was assembled. */
  getReview(entity: CompoundEntityRef, reviewId: string): Promise<ReviewDigest>;
  /** Whether the signed-in user is told when something they reported ships (403 for a service). */
  getLoopNotifications(): Promise<LoopNotifications>;
  /** Turns those notifications on or off for the signed-in user. */
  setLoopNotifications(settings: LoopNotifications): Promise<LoopNotifications>;
  /** Every system product the caller can see, most urgent investment first. */
  getPortfolio(options?: { owner?: string }): Promise<PortfolioEntry[]>;
}
