import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/** How often a system product's review is assembled. @public */
export type ReviewCadence = Schemas['ReviewCadence'];
/** @public */
export type ReviewSettings = Schemas['ReviewSettings'];
/** A past review, listed. @public */
export type ReviewSummary = Schemas['ReviewSummary'];
/**
 * A review of what changed in a period: SLOs, DORA, feedback, friction,
 * shipped and upcoming items, with k-anonymity kept on every figure.
 *
 * @public
 */
export type ReviewDigest = Schemas['ReviewDigest'];
