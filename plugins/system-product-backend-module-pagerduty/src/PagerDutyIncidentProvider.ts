import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams } from '@backstage/plugin-events-node';
import { DeliveryEventRecorder } from '@system-product/backstage-plugin-node';
import { incidentFromPagerDutyWebhook } from './incidentFromPagerDutyWebhook';

/** The events service topic of PagerDuty's webhooks, and of the ingress. */
export const PAGERDUTY_TOPIC = 'pagerduty';

/**
 * The delivery event provider of PagerDuty incidents: it records what each
 * webhook of the `pagerduty` topic says of an incident. A webhook reaches
 * the topic only once the ingress has checked its signature.
 */
export class PagerDutyIncidentProvider extends DeliveryEventRecorder {
  constructor(private readonly logger: LoggerService) {
    super('pagerduty');
  }

  /**
   * Handles one webhook. Failures are logged rather than thrown: the
   * webhook was answered already (202), so nobody else would see them.
   */
  async onWebhook(params: EventParams): Promise<void> {
    const translated = incidentFromPagerDutyWebhook(params.eventPayload);
    if ('ignored' in translated) {
      const message = `PagerDuty webhook ignored: ${translated.ignored}`;
      // Other event types are expected; a step that cannot be read is not.
      if (translated.incomplete) this.logger.warn(message);
      else this.logger.debug(message);
      return;
    }
    const { subject, event } = translated;
    try {
      const result = await this.record(subject, [event]);
      this.logger.debug(
        `PagerDuty ${event.id}: stored ${result.stored}, already there ${
          result.duplicates
        }, for ${result.entityRefs.join(', ') || 'no entity'}`,
      );
    } catch (error) {
      this.logger.error(
        `PagerDuty ${event.id} could not be recorded: ${error}`,
        error instanceof Error ? error : undefined,
      );
    }
  }
}
