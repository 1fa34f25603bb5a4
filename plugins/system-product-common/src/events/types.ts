import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/** Kinds of delivery event a pipeline or tool can post. @public */
export type DeliveryEventType = DeliveryEvent['type'];
/**
 * Every kind of delivery event (the document's discriminator mapping; a
 * backend test checks the two agree).
 *
 * @public
 */
export const DELIVERY_EVENT_TYPES = [
  'deployment',
  'incident',
  'ticket',
  'build',
  'custom',
] as const satisfies readonly DeliveryEventType[];

/**
 * A delivery event, as posted to `POST /events`. `id` is the client's and makes
 * posting idempotent; `entityRef` names the system product it belongs to.
 * Times are ISO 8601.
 *
 * @public
 */
export type DeliveryEvent = Schemas['DeliveryEvent'];

/** Answer of `POST /events`: what was stored, what was known already, what was refused and why. @public */
export type IngestionResult = Schemas['IngestionResult'];
