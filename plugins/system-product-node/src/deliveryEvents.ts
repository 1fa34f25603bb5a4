import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * What a tool's event is about, in the terms of the catalog annotation that
 * claims it: the repository of a GitHub or GitLab event (`github` with
 * `acme/checkout`, matched against `github.com/project-slug`), the service
 * of a PagerDuty incident (`pagerduty` with `PXYZ123`, matched against
 * `pagerduty.com/service-id`). A system product may also claim subjects with
 * `system-product/event-sources` (`github:acme/*`).
 *
 * @public
 */
export interface DeliveryEventSubject {
  /** `github`, `gitlab` or `pagerduty`. */
  source: 'github' | 'gitlab' | 'pagerduty';
  /** The repository slug (`acme/checkout`) or the PagerDuty service id. */
  key: string;
}

/**
 * A deployment as a tool reports it. When the tool names the deployed commit
 * but not its time (GitHub's `deployment_status`), give `commitSha`: the
 * backend takes the time from the commits it has seen of the subject
 * (`commit` events), whichever of the two arrives first, and leaves the lead
 * time unknown until it knows it.
 *
 * @public
 */
export interface ExternalDeploymentEvent {
  type: 'deployment';
  /** Stable across redeliveries of the same deployment, e.g. `github:acme/checkout:deployment:42`. */
  id: string;
  /** When it finished (ISO 8601). */
  deployTime: string;
  succeeded: boolean;
  environment?: string;
  pipeline?: string;
  commitSha?: string;
  commitTime?: string;
  /** Event id of the incident this deployment remediates. */
  remediatesIncident?: string;
  /**
   * The person behind it, as a user entity ref (`user:default/jane`): the
   * one who deployed, started the build or reported the incident. It is not
   * stored; moments use it to ask that person a question about the event.
   * Leave it out when the tool names no person, or one the catalog does not
   * know (a bot); a value that is no user entity ref makes `record` throw.
   */
  actor?: string;
}

/**
 * A build or pipeline run that finished.
 *
 * @public
 */
export interface ExternalBuildEvent {
  type: 'build';
  id: string;
  /** When it finished (ISO 8601). */
  finished: string;
  succeeded: boolean;
  durationSeconds: number;
  pipeline?: string;
  /** The person behind it, as a user entity ref; see {@link ExternalDeploymentEvent.actor}. */
  actor?: string;
}

/**
 * What a tool knows of an incident so far. Tools report an incident in steps
 * (triggered, acknowledged, resolved), each a separate webhook that may come
 * in any order: events with the same `id` are merged, the fields of the
 * newer one filling or replacing those of the stored one, so the incident is
 * complete once every step has arrived.
 *
 * @public
 */
export interface ExternalIncidentEvent {
  type: 'incident';
  id: string;
  started: string;
  /** When it was acknowledged or otherwise known to people. */
  detected?: string;
  resolved?: string;
  environment?: string;
  /** Event id of the deployment that caused it. */
  causedByDeployment?: string;
  /** The person behind it, as a user entity ref; see {@link ExternalDeploymentEvent.actor}. */
  actor?: string;
}

/**
 * A commit of the subject's repository and its time, from which the backend
 * computes the lead time of the deployments that name its sha.
 *
 * @public
 */
export interface ExternalCommitEvent {
  type: 'commit';
  sha: string;
  /** The commit's timestamp (ISO 8601). */
  time: string;
}

/**
 * One event of a tool, translated into the delivery events of System Product.
 *
 * @public
 */
export type ExternalDeliveryEvent =
  | ExternalDeploymentEvent
  | ExternalBuildEvent
  | ExternalIncidentEvent
  | ExternalCommitEvent;

/**
 * What became of the events of one subject.
 *
 * @public
 */
export interface DeliveryEventRecordResult {
  /**
   * The system products that claim the subject, each of which got the
   * events; empty when no entity claims it (the backend then logs it and
   * counts it in the `system_product.events.unclaimed` metric).
   */
  entityRefs: string[];
  /** Rows stored or changed, over all of `entityRefs`. */
  stored: number;
  /** Rows that were there already as they are (redeliveries). */
  duplicates: number;
}

/**
 * What the backend hands a {@link DeliveryEventProvider} once it runs.
 *
 * @public
 */
export interface DeliveryEventConnection {
  /**
   * Stores the events of one subject for every system product that claims
   * it. Redeliveries are stored once; a value the events do not give is
   * stored as unknown. Throws when the events are invalid (a time that does
   * not parse, a span that ends before it starts, an `actor` that is no user
   * entity ref) or the database fails.
   */
  record(
    subject: DeliveryEventSubject,
    events: ExternalDeliveryEvent[],
  ): Promise<DeliveryEventRecordResult>;
}

/**
 * A source of delivery events in a backend module, for example one that
 * subscribes to the GitHub webhooks Backstage's events backend receives. The
 * System Product backend connects it when it starts, in the manner of the
 * catalog's entity providers.
 *
 * @public
 */
export interface DeliveryEventProvider {
  /** A name unique among providers, used in logs. */
  getProviderName(): string;
  connect(connection: DeliveryEventConnection): Promise<void>;
}

/**
 * Lets backend modules add delivery event providers to the System Product
 * backend.
 *
 * @public
 */
export interface SystemProductDeliveryEventsExtensionPoint {
  addDeliveryEventProvider(...providers: DeliveryEventProvider[]): void;
}

/**
 * Extension point for {@link SystemProductDeliveryEventsExtensionPoint}.
 *
 * @public
 */
export const systemProductDeliveryEventsExtensionPoint =
  createExtensionPoint<SystemProductDeliveryEventsExtensionPoint>({
    id: 'system-product.delivery-events',
  });

/**
 * A {@link DeliveryEventProvider} for modules that translate the events of
 * Backstage's events service: `record` waits until the backend has
 * connected it, so an event that arrives while the backend starts is stored
 * rather than lost.
 *
 * @public
 */
export class DeliveryEventRecorder implements DeliveryEventProvider {
  private readonly connection: Promise<DeliveryEventConnection>;
  private resolve!: (connection: DeliveryEventConnection) => void;

  constructor(private readonly name: string) {
    this.connection = new Promise(resolve => {
      this.resolve = resolve;
    });
  }

  getProviderName(): string {
    return this.name;
  }

  async connect(connection: DeliveryEventConnection): Promise<void> {
    this.resolve(connection);
  }

  async record(
    subject: DeliveryEventSubject,
    events: ExternalDeliveryEvent[],
  ): Promise<DeliveryEventRecordResult> {
    return (await this.connection).record(subject, events);
  }
}
