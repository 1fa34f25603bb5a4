import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/**
 * How much a touchpoint hurts, from friction reports: how many, their mean
 * severity (1 to 5) and the newest texts (never who wrote them). The mean
 * and the texts need at least k different reporters behind them; below that,
 * only the counts.
 *
 * @public
 */
export type TouchpointFriction = Schemas['TouchpointFriction'];

/** A step of the journey where users meet the system. @public */
export type Touchpoint = Schemas['Touchpoint'];

/** A stage of the journey, left to right. @public */
export type JourneyStage = Schemas['JourneyStage'];

/** The journey map of an entity. Version 0 means none was saved. @public */
export type Journey = Schemas['Journey'];

/**
 * Body of `PUT .../journey`: the whole map, based on `version`. Stages and
 * touchpoints keep their ids (and their friction reports) when the ids are
 * sent back; new ones are given ids; ones left out are removed with their reports.
 *
 * @public
 */
export type JourneyUpdate = Schemas['JourneyUpdate'];

/** Body of `POST .../friction`. @public */
export type FrictionReportRequest = Schemas['FrictionReportRequest'];
