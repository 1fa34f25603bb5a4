import { incidentFromPagerDutyWebhook } from './incidentFromPagerDutyWebhook';
import documentedIncident from './__fixtures__/incident.priority_updated.json';
import documentedService from './__fixtures__/service.updated.json';
import documentedFieldValues from './__fixtures__/incident_field_values.data.json';
import realTriggered from './__fixtures__/zulip.incident.triggered.json';
import realAcknowledged from './__fixtures__/zulip.incident.acknowledged.json';
import realResolved from './__fixtures__/zulip.incident.resolved.json';

/**
 * PagerDuty's documented incident webhook as another event type of the
 * same `incident` data (its table of event types says they all carry it).
 */
function documentedAs(eventType: string, occurredAt: string) {
  const { event } = structuredClone(documentedIncident);
  return {
    event: { ...event, event_type: eventType, occurred_at: occurredAt },
  };
}

// The documented incident PGR0VU2 of service PF9KMXH was created at
// 2020-04-09T15:16:27Z (data.created_at).
const SERVICE = { source: 'pagerduty', key: 'PF9KMXH' };
const ID = 'pagerduty:PF9KMXH:incident:PGR0VU2';
const CREATED = '2020-04-09T15:16:27Z';

describe('incidentFromPagerDutyWebhook', () => {
  it('dates the start of a triggered incident with data.created_at', () => {
    expect(
      incidentFromPagerDutyWebhook(
        documentedAs('incident.triggered', '2020-04-09T15:16:28.000Z'),
      ),
    ).toEqual({
      subject: SERVICE,
      event: { type: 'incident', id: ID, started: CREATED },
    });
  });

  it('dates the detection with occurred_at of incident.acknowledged, and carries the start', () => {
    expect(
      incidentFromPagerDutyWebhook(
        documentedAs('incident.acknowledged', '2020-04-09T15:21:27.500Z'),
      ),
    ).toEqual({
      subject: SERVICE,
      event: {
        type: 'incident',
        id: ID,
        started: CREATED,
        detected: '2020-04-09T15:21:27.500Z',
      },
    });
  });

  it('dates the resolution with occurred_at of incident.resolved, and carries the start', () => {
    expect(
      incidentFromPagerDutyWebhook(
        documentedAs('incident.resolved', '2020-04-09T16:16:27Z'),
      ),
    ).toEqual({
      subject: SERVICE,
      event: {
        type: 'incident',
        id: ID,
        started: CREATED,
        resolved: '2020-04-09T16:16:27Z',
      },
    });
  });

  it('ignores the documented incident.priority_updated and service.updated as published', () => {
    expect(incidentFromPagerDutyWebhook(documentedIncident)).toEqual({
      ignored:
        'event type incident.priority_updated dates no step of an incident',
    });
    expect(incidentFromPagerDutyWebhook(documentedService)).toEqual({
      ignored: 'event type service.updated dates no step of an incident',
    });
  });

  it.each([
    'incident.reopened',
    'incident.unacknowledged',
    'incident.escalated',
    'incident.annotated',
  ])('ignores %s', eventType => {
    expect(
      incidentFromPagerDutyWebhook(
        documentedAs(eventType, '2020-10-02T18:45:22.169Z'),
      ),
    ).toEqual({
      ignored: `event type ${eventType} dates no step of an incident`,
    });
  });

  it('ignores incident.custom_field_values.updated, whose data names no service', () => {
    const { event } = structuredClone(documentedIncident);
    expect(
      incidentFromPagerDutyWebhook({
        event: {
          ...event,
          event_type: 'incident.custom_field_values.updated',
          data: documentedFieldValues,
        },
      }),
    ).toEqual({
      ignored:
        'event type incident.custom_field_values.updated dates no step of an incident',
    });
  });

  describe('real deliveries of June 2021, before PagerDuty added data.created_at', () => {
    it('takes the start of a triggered incident from occurred_at, the moment it was triggered', () => {
      expect(incidentFromPagerDutyWebhook(realTriggered)).toEqual({
        subject: { source: 'pagerduty', key: 'PA2P440' },
        event: {
          type: 'incident',
          id: 'pagerduty:PA2P440:incident:PFQZPSY',
          started: '2021-06-04T13:35:29.781Z',
        },
      });
    });

    it('ignores acknowledged and resolved, whose start is unknown', () => {
      expect(incidentFromPagerDutyWebhook(realAcknowledged)).toEqual({
        ignored:
          'incident.acknowledged of incident PQ1K5C8 without a date-time in data.created_at',
        incomplete: true,
      });
      expect(incidentFromPagerDutyWebhook(realResolved)).toEqual({
        ignored:
          'incident.resolved of incident PCPZE64 without a date-time in data.created_at',
        incomplete: true,
      });
    });

    it('translates them once they carry data.created_at', () => {
      const resolved = structuredClone(realResolved) as any;
      resolved.event.data.created_at = '2021-06-04T13:00:00Z';
      expect(incidentFromPagerDutyWebhook(resolved)).toEqual({
        subject: { source: 'pagerduty', key: 'PA2P440' },
        event: {
          type: 'incident',
          id: 'pagerduty:PA2P440:incident:PCPZE64',
          started: '2021-06-04T13:00:00Z',
          resolved: '2021-06-04T13:16:53.816Z',
        },
      });
    });
  });

  it('ignores payloads without the fields a step needs', () => {
    const without = (change: (event: any) => void) => {
      const payload = documentedAs(
        'incident.acknowledged',
        '2020-04-09T15:21:27Z',
      ) as any;
      change(payload.event);
      return incidentFromPagerDutyWebhook(payload);
    };
    const ids = {
      ignored:
        'incident.acknowledged without data.type incident, data.id and data.service.id',
      incomplete: true,
    };
    expect(without(e => delete e.data.service)).toEqual(ids);
    expect(without(e => delete e.data.id)).toEqual(ids);
    expect(without(e => (e.data.type = 'incident_note'))).toEqual(ids);
    expect(without(e => (e.occurred_at = 'yesterday'))).toEqual({
      ignored:
        'incident.acknowledged of incident PGR0VU2 without a date-time in occurred_at',
      incomplete: true,
    });
    expect(without(e => (e.data.created_at = null))).toEqual({
      ignored:
        'incident.acknowledged of incident PGR0VU2 without a date-time in data.created_at',
      incomplete: true,
    });
    expect(incidentFromPagerDutyWebhook(null)).toEqual({
      ignored: 'event type (none) dates no step of an incident',
    });
    expect(incidentFromPagerDutyWebhook({ messages: [] })).toEqual({
      ignored: 'event type (none) dates no step of an incident',
    });
  });
});
