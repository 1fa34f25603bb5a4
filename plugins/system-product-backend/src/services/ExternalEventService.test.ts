import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { EventStore } from '../database/EventStore';
import { migrateClient } from '../database/migrations';
import { DoraStore } from '../database/DoraStore';
import { EventClaims } from './EventClaims';
import { ExternalEventService, storableId } from './ExternalEventService';
import { MomentCandidate } from './MomentService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const entity = (
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
  spec: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec,
});

const catalog = [
  entity('System', 'shop'),
  // A component of the shop, itself opted in.
  entity(
    'Component',
    'checkout',
    {
      'github.com/project-slug': 'Acme/Checkout',
      'system-product/enabled': 'true',
    },
    { system: 'shop' },
  ),
  // A component that is not a system product: its events count for its system only.
  entity(
    'Component',
    'search',
    { 'pagerduty.com/service-id': 'PSRCH01' },
    { system: 'shop' },
  ),
  // The pipeline serves every repository of acme.
  entity('System', 'ci-cd-pipeline', {
    'system-product/event-sources': 'github:acme/*, gitlab:acme/platform/*',
  }),
  // Not a system product: its claim does not count.
  entity('Component', 'bystander', {
    'system-product/enabled': 'false',
    'system-product/event-sources': 'github:*',
  }),
];

const SHOP = 'system:default/shop';
const CHECKOUT = 'component:default/checkout';
const PIPELINE = 'system:default/ci-cd-pipeline';
const NOW = new Date('2026-12-01T12:00:00Z');

describe.each(databases.eachSupportedId())(
  'ExternalEventService on %s',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const logger = mockServices.logger.mock();
      const candidates: MomentCandidate[] = [];
      const service = new ExternalEventService(
        new EventStore(knex),
        new EventClaims(
          catalogServiceMock({ entities: catalog }),
          mockServices.auth(),
        ),
        logger,
        () => NOW.getTime(),
        () => {},
        given => candidates.push(...given),
      );
      const dora = (ref: string) => new DoraStore(knex).metrics(ref, NOW, 30);
      return { knex, logger, service, dora, candidates };
    }

    it('hands the person behind a written event to moments, once per claimant and change, and stores them nowhere', async () => {
      const { service, knex, candidates } = await setUp();
      const subject = { source: 'github' as const, key: 'acme/checkout' };
      const deployment = (more: { pipeline?: string } = {}) => ({
        type: 'deployment' as const,
        id: 'github:acme/checkout:deployment:7',
        deployTime: '2026-12-01T11:59:00Z',
        succeeded: true,
        environment: 'production',
        actor: 'jane',
        ...more,
      });
      await service.record(subject, [deployment()]);
      expect(
        candidates.map(c => [c.entityRef, c.type, c.succeeded, c.actor]),
      ).toEqual([
        [CHECKOUT, 'deployment', true, 'user:default/jane'],
        [PIPELINE, 'deployment', true, 'user:default/jane'],
        [SHOP, 'deployment', true, 'user:default/jane'],
      ]);
      expect(candidates[0]).toMatchObject({
        eventId: 'github:acme/checkout:deployment:7',
        environment: 'production',
        occurredAt: new Date('2026-12-01T11:59:00Z'),
      });
      // Redelivered as it was: nothing written, nobody handed over.
      candidates.length = 0;
      await service.record(subject, [deployment()]);
      expect(candidates).toEqual([]);
      // Reported again with more to say: written, handed over again (a
      // moment prompts once per event, whatever it is handed).
      await service.record(subject, [deployment({ pipeline: 'deploy' })]);
      expect(candidates.map(c => c.entityRef)).toEqual([
        CHECKOUT,
        PIPELINE,
        SHOP,
      ]);
      // An event without a person hands over nobody.
      candidates.length = 0;
      const { actor: _actor, ...anonymous } = deployment();
      await service.record(subject, [
        { ...anonymous, id: 'github:acme/checkout:deployment:8' },
      ]);
      expect(candidates).toEqual([]);
      const payloads: string[] = await knex('delivery_events').pluck('payload');
      expect(payloads.length).toBe(6);
      expect(payloads.filter(p => p.includes('jane'))).toEqual([]);
    });

    it('refuses an actor that is not a user, as POST /events does', async () => {
      const { service, candidates } = await setUp();
      await expect(
        service.record({ source: 'github', key: 'acme/checkout' }, [
          {
            type: 'build',
            id: 'github:acme/checkout:workflow_run:9:1',
            finished: '2026-12-01T11:00:00Z',
            succeeded: false,
            durationSeconds: 60,
            actor: 'group:default/platform-team',
          },
        ]),
      ).rejects.toThrow(/actor must be a user entity ref/);
      expect(candidates).toEqual([]);
    });

    it('gives each claimant the event: the component, its system and the pipeline that claims the repository', async () => {
      const { service, knex } = await setUp();
      const result = await service.record(
        { source: 'github', key: 'acme/checkout' },
        [
          {
            type: 'build',
            id: 'github:acme/checkout:workflow_run:1:1',
            finished: '2026-11-30T10:00:00Z',
            succeeded: true,
            durationSeconds: 300,
          },
        ],
      );
      expect(result).toEqual({
        entityRefs: [CHECKOUT, PIPELINE, SHOP],
        stored: 3,
        duplicates: 0,
      });
      const rows = await knex('delivery_events')
        .orderBy('entity_ref')
        .select('entity_ref', 'event_id', 'duration_seconds');
      expect(rows.map(r => r.entity_ref)).toEqual([CHECKOUT, PIPELINE, SHOP]);
      expect(rows.map(r => Number(r.duration_seconds))).toEqual([
        300, 300, 300,
      ]);
    });

    it('stores nothing for a subject nobody claims, counts it and logs it once', async () => {
      const { service, knex, logger } = await setUp();
      const build = (id: string) => ({
        type: 'build' as const,
        id,
        finished: '2026-11-30T10:00:00Z',
        succeeded: true,
        durationSeconds: 1,
      });
      const subject = { source: 'gitlab' as const, key: 'other/repo' };
      await expect(service.record(subject, [build('a')])).resolves.toEqual({
        entityRefs: [],
        stored: 0,
        duplicates: 0,
      });
      await service.record(subject, [build('b')]);
      const [{ n }] = await knex('delivery_events').count({ n: '*' });
      expect(Number(n)).toBe(0);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('No entity claims gitlab:other/repo'),
      );
    });

    it('joins a deployment with its commit whichever comes first, and keeps a lead time unknown until then', async () => {
      const { service, dora } = await setUp();
      const subject = { source: 'github' as const, key: 'acme/checkout' };
      // Status first: the commit is not known yet.
      await service.record(subject, [
        {
          type: 'deployment',
          id: 'github:acme/checkout:deployment:1',
          deployTime: '2026-11-30T12:00:00Z',
          succeeded: true,
          environment: 'production',
          commitSha: 'aaa',
        },
      ]);
      expect((await dora(SHOP)).changeLeadTime.sampleSize).toBe(0);
      // Then the push with both commits; the second deployment comes after.
      await service.record(subject, [
        { type: 'commit', sha: 'aaa', time: '2026-11-30T09:30:00Z' },
        { type: 'commit', sha: 'bbb', time: '2026-11-30T11:00:00Z' },
      ]);
      await service.record(subject, [
        {
          type: 'deployment',
          id: 'github:acme/checkout:deployment:2',
          deployTime: '2026-11-30T11:20:00Z',
          succeeded: true,
          environment: 'production',
          commitSha: 'bbb',
        },
      ]);
      // Leads 12:00 - 09:30 = 9,000 s and 11:20 - 11:00 = 1,200 s; the median
      // of two is their mean, 5,100 s.
      for (const ref of [SHOP, CHECKOUT, PIPELINE]) {
        const lead = (await dora(ref)).changeLeadTime;
        expect(lead.sampleSize).toBe(2);
        expect(lead.value).toBeCloseTo(5_100, 9);
      }
    });

    it('keeps the time a commit was first seen with, for deployments before and after a later report of it', async () => {
      const { service, dora } = await setUp();
      const subject = { source: 'github' as const, key: 'acme/checkout' };
      await service.record(subject, [
        { type: 'commit', sha: 'ccc', time: '2026-11-30T10:00:00Z' },
      ]);
      // A deployment that waits for another commit, then a second report of
      // ccc with another time (a tool giving the author's date) along with
      // the commit the first deployment waited for.
      await service.record(subject, [
        {
          type: 'deployment',
          id: 'github:acme/checkout:deployment:10',
          deployTime: '2026-11-30T12:00:00Z',
          succeeded: true,
          environment: 'production',
          commitSha: 'ddd',
        },
      ]);
      await service.record(subject, [
        { type: 'commit', sha: 'ccc', time: '2026-11-30T08:00:00Z' },
        { type: 'commit', sha: 'ddd', time: '2026-11-30T11:00:00Z' },
        {
          type: 'deployment',
          id: 'github:acme/checkout:deployment:11',
          deployTime: '2026-11-30T11:00:00Z',
          succeeded: true,
          environment: 'production',
          commitSha: 'ccc',
        },
      ]);
      // Leads: 12:00 - 11:00 = 3,600 s; 11:00 - 10:00 (the first time of
      // ccc, not 08:00) = 3,600 s.
      const lead = (await dora(SHOP)).changeLeadTime;
      expect(lead.sampleSize).toBe(2);
      expect(lead.value).toBeCloseTo(3_600, 9);
    });

    it('keeps a lead time of zero as known: a later report of its commit changes nothing', async () => {
      const { service, knex } = await setUp();
      const subject = { source: 'github' as const, key: 'acme/checkout' };
      const commit = {
        type: 'commit' as const,
        sha: 'eee',
        time: '2026-11-30T12:00:00Z',
      };
      await service.record(subject, [
        commit,
        {
          type: 'deployment',
          id: 'github:acme/checkout:deployment:12',
          deployTime: '2026-11-30T12:00:00Z',
          succeeded: true,
          environment: 'production',
          commitSha: 'eee',
        },
      ]);
      const before = await knex('delivery_events')
        .where('entity_ref', SHOP)
        .first('lead_seconds');
      expect(Number(before.lead_seconds)).toBe(0);
      await expect(service.record(subject, [commit])).resolves.toEqual({
        entityRefs: [CHECKOUT, PIPELINE, SHOP],
        stored: 0,
        duplicates: 0,
      });
    });

    it('leaves the lead time unknown when the commit is dated after the deployment', async () => {
      const { service, dora } = await setUp();
      const subject = { source: 'github' as const, key: 'acme/checkout' };
      await service.record(subject, [
        { type: 'commit', sha: 'late', time: '2026-11-30T13:00:00Z' },
        {
          type: 'deployment',
          id: 'github:acme/checkout:deployment:3',
          deployTime: '2026-11-30T12:00:00Z',
          succeeded: true,
          commitSha: 'late',
        },
      ]);
      const figures = await dora(SHOP);
      expect(figures.deploymentFrequency.sampleSize).toBe(1);
      expect(figures.changeLeadTime.sampleSize).toBe(0);
    });

    it('merges the steps of an incident in any order and stores a redelivery once', async () => {
      const { service, dora } = await setUp();
      const subject = { source: 'pagerduty' as const, key: 'PSRCH01' };
      const id = 'pagerduty:psrch01:incident:Q1';
      const started = '2026-11-30T08:00:00Z';
      const resolved = {
        type: 'incident' as const,
        id,
        started,
        resolved: '2026-11-30T09:30:00Z',
      };
      const acknowledged = {
        type: 'incident' as const,
        id,
        started,
        detected: '2026-11-30T08:12:00Z',
      };
      await expect(service.record(subject, [resolved])).resolves.toEqual({
        entityRefs: [SHOP],
        stored: 1,
        duplicates: 0,
      });
      await service.record(subject, [acknowledged]);
      // Acknowledged again later: it was known at the first acknowledgement.
      await service.record(subject, [
        { ...acknowledged, detected: '2026-11-30T08:40:00Z' },
      ]);
      await expect(service.record(subject, [resolved])).resolves.toEqual({
        entityRefs: [SHOP],
        stored: 0,
        duplicates: 1,
      });
      const { incidents } = await dora(SHOP);
      // Detected 12 minutes after it started, restored after 90.
      expect(incidents.timeToDetect).toMatchObject({
        value: 720,
        sampleSize: 1,
      });
      expect(incidents.timeToRestore).toMatchObject({
        value: 5_400,
        sampleSize: 1,
      });
    });

    it('refuses events the rules of POST /events refuse, storing none of them', async () => {
      const { service, knex } = await setUp();
      await expect(
        service.record({ source: 'github', key: 'acme/checkout' }, [
          {
            type: 'build',
            id: 'fine',
            finished: '2026-11-30T10:00:00Z',
            succeeded: true,
            durationSeconds: 1,
          },
          {
            type: 'incident',
            id: 'backwards',
            started: '2026-11-30T10:00:00Z',
            resolved: '2026-11-30T09:00:00Z',
          },
        ]),
      ).rejects.toThrow(
        /event backwards of github:acme\/checkout: resolved must not be before/,
      );
      const [{ n }] = await knex('delivery_events').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('stores and merges the events of a repository whose name makes ids longer than the column', async () => {
      const { service, dora } = await setUp();
      const repo = `acme/${'a-very-long-repository-name-'.repeat(5)}`;
      const subject = { source: 'pagerduty' as const, key: 'PSRCH01' };
      const id = `github:${repo}:issue:1`;
      await service.record(subject, [
        { type: 'incident', id, started: '2026-11-30T08:00:00Z' },
      ]);
      await service.record(subject, [
        {
          type: 'incident',
          id,
          started: '2026-11-30T08:00:00Z',
          resolved: '2026-11-30T08:30:00Z',
        },
      ]);
      expect((await dora(SHOP)).incidents.timeToRestore).toMatchObject({
        value: 1_800,
        sampleSize: 1,
      });
    });
  },
);

describe('storableId', () => {
  it('keeps ids that fit and shortens longer ones to 128 characters, one per id', () => {
    expect(storableId('github:acme/shop:deployment:42')).toBe(
      'github:acme/shop:deployment:42',
    );
    const long = `github:acme/${'x'.repeat(150)}:deployment:`;
    const a = storableId(`${long}1`);
    const b = storableId(`${long}2`);
    expect(a).toHaveLength(128);
    expect(a).not.toBe(b);
    expect(storableId(`${long}1`)).toBe(a);
  });
});
