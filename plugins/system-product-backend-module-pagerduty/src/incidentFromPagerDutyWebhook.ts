import {
  DeliveryEventSubject,
  ExternalIncidentEvent,
} from '@system-product/backstage-plugin-node';

/** What a v3 webhook says of an incident, as System Product records it. */
export interface PagerDutyIncident {
  /** The PagerDuty service, matched against `pagerduty.com/service-id`. */
  subject: DeliveryEventSubject;
  event: ExternalIncidentEvent;
}

/** A webhook that dates no step of an incident, and why. */
export interface IgnoredPagerDutyWebhook {
  ignored: string;
  /** A step that lacks a field it needs, as opposed to another event type. */
  incomplete?: true;
}

type Step = 'started' | 'detected' | 'resolved';

/** The event types that date a step of an incident, and the step. */
const STEPS = new Map<string, Step>([
  ['incident.triggered', 'started'],
  ['incident.acknowledged', 'detected'],
  ['incident.resolved', 'resolved'],
]);

/** The event id: the same for every webhook of one incident, and for redeliveries. */
export function pagerDutyIncidentId(serviceId: string, incidentId: string) {
  return `pagerduty:${serviceId}:incident:${incidentId}`;
}

/**
 * Translates the payload of a PagerDuty v3 webhook (`{ event: {...} }`)
 * into what it says of an incident: `incident.triggered` its start
 * (`data.created_at`), `incident.acknowledged` when people knew of it
 * (`occurred_at`), `incident.resolved` its end (`occurred_at`). Every one
 * also carries the start, so the steps may arrive in any order and merge
 * into one incident. Other event types, and payloads that lack a field the
 * step needs, are ignored with the reason, never guessed at.
 */
export function incidentFromPagerDutyWebhook(
  payload: unknown,
): PagerDutyIncident | IgnoredPagerDutyWebhook {
  const event = field(payload, 'event');
  const eventType = text(event, 'event_type');
  const step = eventType ? STEPS.get(eventType) : undefined;
  if (!step) {
    return {
      ignored: `event type ${
        eventType ?? '(none)'
      } dates no step of an incident`,
    };
  }
  const data = field(event, 'data');
  const incidentId = text(data, 'id');
  const serviceId = text(field(data, 'service'), 'id');
  if (text(data, 'type') !== 'incident' || !incidentId || !serviceId) {
    return {
      ignored: `${eventType} without data.type incident, data.id and data.service.id`,
      incomplete: true,
    };
  }
  const occurredAt = time(event, 'occurred_at');
  // Payloads before October 2021 had no created_at; the triggering is then
  // the start by definition, while a later step cannot know it.
  const started =
    time(data, 'created_at') ?? (step === 'started' ? occurredAt : undefined);
  if (!started) {
    return {
      ignored: `${eventType} of incident ${incidentId} without a date-time in data.created_at`,
      incomplete: true,
    };
  }
  if (step !== 'started' && !occurredAt) {
    return {
      ignored: `${eventType} of incident ${incidentId} without a date-time in occurred_at`,
      incomplete: true,
    };
  }
  return {
    subject: { source: 'pagerduty', key: serviceId },
    event: {
      type: 'incident',
      id: pagerDutyIncidentId(serviceId, incidentId),
      started,
      ...(step === 'detected' && { detected: occurredAt }),
      ...(step === 'resolved' && { resolved: occurredAt }),
    },
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function text(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A field that holds a date-time JavaScript can read, as PagerDuty wrote it. */
function time(value: unknown, key: string): string | undefined {
  const v = text(value, key);
  return v !== undefined && !Number.isNaN(Date.parse(v)) ? v : undefined;
}
