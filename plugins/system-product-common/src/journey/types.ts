/**
 * How much a touchpoint hurts, from friction reports: how many, their mean
 * severity (1 to 5) and the newest texts (never who wrote them). The mean
 * and the texts need at least k different reporters behind them; below that,
 * only the counts.
 *
 * The texts fields are always sent by the backend; they are optional here only
 * so that figures built elsewhere (e.g. summaries, fixtures) need not carry them.
 *
 * @public
 */
export interface TouchpointFriction {
  reports: number;
  /** Mean severity; null without reports and while fewer than `minReporters` people reported. */
  averageSeverity: number | null;
  /** How many different people reported friction here (a person may report more than once). */
  reporters?: number;
  /**
   * k: texts are shown only once at least this many different people
   * reported (`systemProduct.survey.minResponses`, default 5), so that a text
   * cannot single out its author.
   */
  minReporters?: number;
  /**
   * What people wrote under "What happened?", newest first: at most 5,
   * blank ones left out, never with who wrote them. Empty while `textsHidden`.
   */
  texts?: string[];
  /** True while fewer than `minReporters` people reported, so `texts` and `averageSeverity` are withheld. */
  textsHidden?: boolean;
}

/** A step of the journey where users meet the system. @public */
export interface Touchpoint {
  id: string;
  name: string;
  /** How long the step is expected to take, in minutes; null when unknown. */
  expectedMinutes: number | null;
  failureModes: string[];
  /** Entity ref of who owns the step, or null. */
  owner: string | null;
  friction: TouchpointFriction;
}

/** A stage of the journey, left to right. @public */
export interface JourneyStage {
  id: string;
  name: string;
  description: string;
  touchpoints: Touchpoint[];
}

/** The journey map of an entity. Version 0 means none was saved. @public */
export interface Journey {
  entityRef: string;
  version: number;
  stages: JourneyStage[];
  updatedBy?: string;
  updatedAt?: string;
}

/**
 * Body of `PUT .../journey`: the whole map, based on `version`. Stages and
 * touchpoints keep their ids (and their friction reports) when the ids are
 * sent back; new ones are given ids; ones left out are removed with their reports.
 *
 * @public
 */
export interface JourneyUpdate {
  version: number;
  stages: Array<{
    id?: string;
    name: string;
    description?: string;
    touchpoints: Array<{
      id?: string;
      name: string;
      expectedMinutes?: number | null;
      failureModes?: string[];
      owner?: string | null;
    }>;
  }>;
}

/** Body of `POST .../friction`. @public */
export interface FrictionReportRequest {
  touchpointId: string;
  /** 1 (a nuisance) to 5 (blocks work). */
  severity: number;
  text?: string;
}
