/** Kinds of delivery event a pipeline or tool can post. @public */
export const DELIVERY_EVENT_TYPES = [
  'deployment',
  'incident',
  'ticket',
  'build',
  'custom',
] as const;
/** @public */
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/**
 * A delivery event, as posted to `POST /events`. `id` is the client's and makes
 * posting idempotent; `entityRef` names the system product it belongs to.
 * Times are ISO 8601.
 *
 * @public
 */
export type DeliveryEvent = { id: string; entityRef: string } & (
  | {
      type: 'deployment';
      commitSha: string;
      commitTime: string;
      deployTime: string;
      environment: string;
      succeeded: boolean;
      /** The pipeline that deployed, for SLOs of one pipeline. */
      pipeline?: string;
      /** The event id of the incident this deployment remediates (DORA's rework rate). */
      remediatesIncident?: string;
    }
  | {
      type: 'incident';
      started: string;
      detected?: string;
      resolved?: string;
      causedByDeployment?: string;
      environment?: string;
    }
  | {
      type: 'ticket';
      opened: string;
      firstResponse?: string;
      resolved?: string;
    }
  | {
      type: 'build';
      finished: string;
      durationSeconds: number;
      succeeded: boolean;
      /** The pipeline that built, for SLOs of one pipeline. */
      pipeline?: string;
    }
  | { type: 'custom'; name: string; value: number; time: string }
);

/** Answer of `POST /events`: what was stored, what was known already, what was refused and why. @public */
export interface IngestionResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; id?: string; reason: string }>;
}
