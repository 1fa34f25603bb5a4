import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  reviewToCsv,
  reviewToMarkdown,
} from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { createStores } from '../database/createStores';
import { EventRow } from '../database/EventStore';
import { migrateClient } from '../database/migrations';
import { EntityAccess } from './EntityAccess';
import { toEventRow } from './EventService';
import { ReviewService, reviewPeriod } from './ReviewService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'ci', namespace: 'default', title: 'CI' },
  spec: { owner: 'group:default/platform-team' },
};
const at = (iso: string) => new Date(iso);

describe('reviewPeriod', () => {
  it('covers the week before the last Monday 00:00 UTC, or the month before the 1st', () => {
    const iso = (p: { from: Date; to: Date; previousFrom: Date }) => [
      p.previousFrom.toISOString(),
      p.from.toISOString(),
      p.to.toISOString(),
    ];
    // Wednesday 9 December 2026: the week of Monday 30 November.
    expect(iso(reviewPeriod('weekly', at('2026-12-09T10:00:00Z')))).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    // The last second of Sunday 6 December still reviews the week before.
    expect(
      reviewPeriod('weekly', at('2026-12-06T23:59:59Z')).to.toISOString(),
    ).toBe('2026-11-30T00:00:00.000Z');
    expect(
      reviewPeriod('weekly', at('2026-12-07T00:00:00Z')).to.toISOString(),
    ).toBe('2026-12-07T00:00:00.000Z');
    // January reviews December, against November.
    expect(iso(reviewPeriod('monthly', at('2027-01-15T08:00:00Z')))).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });
});

describe.each(databases.eachSupportedId())('ReviewService on %s', id => {
  it('assembles the week against the week before, every figure computed by hand', async () => {
    const knex = await databases.init(id);
    await migrateClient(knex);
    const stores = createStores(knex, { minResponses: 3 });
    const send = jest.fn();
    const reviews = new ReviewService({
      reviews: stores.reviews,
      statuses: stores.sloStatuses,
      dora: stores.dora,
      journeys: stores.journeys,
      roadmap: stores.roadmap,
      access: new EntityAccess(
        catalogServiceMock({ entities: [entity] }),
        mockServices.permissions(),
      ),
      minResponses: 3,
      logger: mockServices.logger.mock(),
      notifications: { send },
      entityOf: async () => entity,
    });

    // SLO "lead": met with 80 % of its budget left before the week, at
    // risk with 35 % at its end; the evaluation after the week is not read.
    await knex('slo_status_history').insert(
      [
        ['2026-11-29T12:00:00Z', 'met', 0.8],
        ['2026-12-06T12:00:00Z', 'at-risk', 0.35],
        ['2026-12-08T12:00:00Z', 'breached', -0.1],
      ].map(([when, status, remaining]) => ({
        entity_ref: ref,
        slo_name: 'lead',
        evaluated_at: at(when as string),
        status,
        sli: 0.9,
        remaining,
      })),
    );

    // Deployments: in the week three (lead 2, 4 and 6 h; the 6 h one
    // failed), in the week before one (lead 1 h).
    const deployment = (
      n: number,
      deployed: string,
      leadH: number,
      ok = true,
    ) =>
      toEventRow(
        {
          id: `d${n}`,
          type: 'deployment',
          entityRef: ref,
          commitSha: `c${n}`,
          commitTime: new Date(
            Date.parse(deployed) - leadH * 3_600_000,
          ).toISOString(),
          deployTime: deployed,
          environment: 'production',
          succeeded: ok,
        },
        new Date(),
      ) as EventRow;
    await stores.events.insert([
      deployment(1, '2026-12-01T10:00:00Z', 2),
      deployment(2, '2026-12-02T10:00:00Z', 4),
      deployment(3, '2026-12-03T10:00:00Z', 6, false),
      deployment(4, '2026-11-25T10:00:00Z', 1),
    ]);

    // Friction: "Wait for checks" 3 reports of 3 people in the week
    // (severities 2, 3, 4) and 1 before; "Review" 2 before and none now.
    await stores.journeys.save(
      ref,
      {
        version: 0,
        stages: [
          {
            name: 'Build',
            touchpoints: [{ name: 'Wait for checks' }, { name: 'Review' }],
          },
        ],
      },
      'user:default/ada',
    );
    const [checks, review] = (await stores.journeys.get(ref))!.stages[0]
      .touchpoints;
    const report = (
      touchpointId: string,
      key: string,
      severity: number,
      when: string,
    ) =>
      knex('friction_reports').insert({
        entity_ref: ref,
        touchpoint_id: touchpointId,
        severity,
        text: '',
        reporter_key: key,
        created_at: at(when),
      });
    await report(checks.id, 'a', 2, '2026-12-01T09:00:00Z');
    await report(checks.id, 'b', 3, '2026-12-02T09:00:00Z');
    await report(checks.id, 'c', 4, '2026-12-06T23:00:00Z');
    await report(checks.id, 'a', 5, '2026-11-24T09:00:00Z');
    await report(review.id, 'd', 5, '2026-11-24T09:00:00Z');
    await report(review.id, 'e', 5, '2026-11-25T09:00:00Z');

    // Two rounds of the same template: csat 2, 2, 5 in November's (a third
    // of 4s and 5s), 5, 4, 2 in the one open into the week (two thirds).
    const template = (await stores.surveys.getTemplate('platform-pulse'))!;
    const round = async (opens: string, closes: string, csat: number[]) => {
      const made = await stores.surveys.createRound({
        entityRef: ref,
        template,
        title: `Pulse ${opens.slice(0, 10)}`,
        opensAt: at(opens),
        closesAt: at(closes),
        targetGroups: [],
        createdBy: 'user:default/ada',
      });
      for (const [i, value] of csat.entries()) {
        await stores.surveys.answer({
          roundId: made.id,
          respondentKey: `r${i}`,
          answer: { scored: { csat: value }, text: {} },
        });
      }
      return made;
    };
    await round('2026-11-01T00:00:00Z', '2026-11-20T00:00:00Z', [2, 2, 5]);
    const current = await round(
      '2026-11-25T00:00:00Z',
      '2026-12-05T00:00:00Z',
      [5, 4, 2],
    );

    // Roadmap: one item shipped in the week, one due next week with a
    // milestone open, one due later.
    const item = (title: string, fields: object) =>
      stores.roadmap.create(
        ref,
        {
          title,
          description: '',
          kind: 'quick-win',
          status: 'planned',
          owner: null,
          targetDate: null,
          milestones: [],
          painPoints: [],
          touchpointIds: [],
          metric: null,
          metricBefore: null,
          metricAfter: null,
          metricUnit: null,
          ...fields,
        },
        'user:default/ada',
      );
    const cache = await item('Cache dependencies', {
      status: 'shipped',
      metric: 'Build time',
      metricBefore: 30,
      metricAfter: 12,
      metricUnit: 'min',
    });
    await knex('roadmap_items')
      .where({ id: cache.id })
      .update({ shipped_at: at('2026-12-04T15:00:00Z') });
    await item('Faster review', {
      targetDate: '2026-12-10',
      milestones: [
        { title: 'Spike', done: true },
        { title: 'Roll out', done: false },
      ],
    });
    await item('Later', { targetDate: '2026-12-20' });

    const digest = await reviews.assemble(
      ref,
      'weekly',
      reviewPeriod('weekly', at('2026-12-09T10:00:00Z')),
      at('2026-12-09T10:00:00Z'),
    );
    expect(digest).toMatchObject({
      entityRef: ref,
      cadence: 'weekly',
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
      previousFrom: '2026-11-23T00:00:00.000Z',
      minResponses: 3,
    });
    expect(digest.slos).toHaveLength(1);
    expect(digest.slos[0]).toMatchObject({
      name: 'lead',
      status: 'at-risk',
      previousStatus: 'met',
      remaining: 0.35,
      remainingAtStart: 0.8,
    });
    expect(digest.slos[0].budgetSpent).toBeCloseTo(0.45, 9);
    expect(digest.dora).toEqual({
      days: 7,
      deployments: { now: 3, before: 1 },
      // Median of 2, 4 and 6 h; before, the one of 1 h.
      changeLeadTimeSeconds: { now: 4 * 3600, before: 3600 },
      changeFailureRate: { now: 1 / 3, before: 0 },
      recoveryTimeSeconds: expect.objectContaining({ before: null }),
    });
    expect(digest.friction).toEqual([
      {
        touchpointId: checks.id,
        touchpoint: 'Wait for checks',
        reports: 3,
        reportsBefore: 1,
        reporters: 3,
        averageSeverity: 3,
        trend: 'rising',
      },
      {
        touchpointId: review.id,
        touchpoint: 'Review',
        reports: 0,
        reportsBefore: 2,
        reporters: 0,
        averageSeverity: null,
        trend: 'falling',
      },
    ]);
    expect(digest.feedback).toHaveLength(1);
    expect(digest.feedback[0]).toMatchObject({
      roundId: current.id,
      kind: 'survey',
      publishedResponses: 3,
    });
    expect(digest.feedback[0].scores.csat).toBeCloseTo(200 / 3, 9);
    expect(digest.feedback[0].previousScores!.csat).toBeCloseTo(100 / 3, 9);
    expect(digest.shipped).toEqual([
      {
        itemId: cache.id,
        title: 'Cache dependencies',
        shippedAt: '2026-12-04T15:00:00.000Z',
        metric: 'Build time',
        metricBefore: 30,
        metricAfter: 12,
        metricUnit: 'min',
      },
    ]);
    expect(digest.upcoming).toEqual([
      expect.objectContaining({
        title: 'Faster review',
        status: 'planned',
        targetDate: '2026-12-10',
        openMilestones: ['Roll out'],
      }),
    ]);

    // The exports say the same.
    const markdown = reviewToMarkdown(digest);
    expect(markdown).toContain(
      '- lead: at-risk (was met), budget left 35 %, spent in the period 45 %',
    );
    expect(markdown).toContain('- Change lead time: 4 h against 1 h');
    expect(markdown).toContain(
      '- Wait for checks: 3 reports (before 1), rising, mean severity 3 of 5',
    );
    expect(markdown).toContain(
      '- Cache dependencies (2026-12-04): Build time 30 → 12 min',
    );
    const csv = reviewToCsv(digest).split('\n');
    expect(csv[0]).toBe('section,subject,figure,now,before');
    expect(csv).toContain('friction,Wait for checks,reports,3,1');
    expect(csv).toContain('dora,7 days,deployments,3,1');

    // Scheduled: once a period, to the owner.
    await stores.reviews.setCadence(ref, 'weekly', 'user:default/ada');
    expect(await reviews.runScheduled(at('2026-12-09T10:00:00Z'))).toBe(1);
    expect(await reviews.runScheduled(at('2026-12-09T11:00:00Z'))).toBe(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/platform-team' },
      payload: {
        title: 'Weekly review of CI',
        topic: 'system-product-review',
      },
    });
    expect(send.mock.calls[0][0].payload.description).toBe(
      '2026-11-30 to 2026-12-07: 0 SLOs breached, 1 touchpoints with new or rising friction, 1 items shipped, 1 due next.',
    );
    const [listed] = await stores.reviews.list(ref);
    expect(listed).toMatchObject({
      to: '2026-12-07T00:00:00.000Z',
      cadence: 'weekly',
    });
  });
});
