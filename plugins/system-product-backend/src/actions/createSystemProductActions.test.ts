import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { capturingAuditor } from '../__testUtils__/capturingAuditor';
import {
  OWNER,
  testSystemWithSloFile,
} from '../__testUtils__/startSystemProductBackend';
import { systemProductPlugin } from '../plugin';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';
import { ownerOnlyPermissions } from '../__testUtils__/ownerOnlyPermissions';

const base = '/api/system-product/entities/system/default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
/** A user the catalog hides the system from. */
const OUTSIDER = 'user:default/outsider';

describe('system product actions', () => {
  const dir = createMockDirectory();

  /**
   * The plugin in a test backend with a catalog that shows the system to
   * everyone but OUTSIDER, a policy that lets only OWNER (and services)
   * change it, its OpenSLO file on disk, k = 3, the actions registry the
   * test invokes and the audit events.
   */
  async function start() {
    dir.setContent({
      'catalog.yaml': '',
      'slos.yaml': deploymentSuccessSlo('deploy-success', {
        displayName: 'Deployments succeed',
      }),
    });
    const system: Entity = testSystemWithSloFile(dir);
    const inMemory = catalogServiceMock({ entities: [system] });
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async (ref, options) =>
        (
          (options as { credentials?: BackstageCredentials } | undefined)
            ?.credentials?.principal as { userEntityRef?: string }
        )?.userEntityRef === OUTSIDER
          ? undefined
          : inMemory.getEntityByRef(ref, options),
      getEntitiesByRefs: (req, options) =>
        inMemory.getEntitiesByRefs(req, options),
    });
    const registry = actionsRegistryServiceMock();
    const permissions = ownerOnlyPermissions(OWNER);
    const auditor = capturingAuditor();
    const { server } = await startTestBackend({
      features: [
        systemProductPlugin,
        catalog.factory,
        permissions.factory,
        auditor.factory,
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
        mockServices.rootConfig.factory({
          data: {
            systemProduct: {
              survey: { minResponses: 3, respondentKeySecret: 'test-secret' },
            },
          },
        }),
      ],
    });
    const invoke = (name: string, entityRef: string, user = OWNER) =>
      registry.invoke({
        id: `test:${name}`,
        input: { entityRef },
        credentials: mockCredentials.user(user),
      });
    /** Invokes an action with any input, as `user` (a ref) or with credentials. */
    const act = async (
      name: string,
      input: JsonObject,
      caller: string | BackstageCredentials = OWNER,
    ) =>
      (
        (await registry.invoke({
          id: `test:${name}`,
          input,
          credentials:
            typeof caller === 'string' ? mockCredentials.user(caller) : caller,
        })) as { output: any }
      ).output;
    return { server, registry, invoke, act, events: auditor.events };
  }

  type Server = Awaited<ReturnType<typeof start>>['server'];

  /** Saves a journey of one stage, Commit, with these touchpoints; their ids. */
  async function mapJourney(
    server: Server,
    touchpoints: object[] = [{ name: 'Wait for checks' }, { name: 'Review' }],
  ): Promise<string[]> {
    const journey = await request(server)
      .put(`${base}/journey`)
      .set('Authorization', owner)
      .send({ version: 0, stages: [{ name: 'Commit', touchpoints }] });
    expect(journey.status).toBe(200);
    return journey.body.stages[0].touchpoints.map((t: any) => t.id);
  }

  it('registers three read-only actions and five that write, none destructive, each with an example', async () => {
    const { registry } = await start();
    const { actions } = await registry.list();

    const read = { readOnly: true, idempotent: true, destructive: false };
    const write = { readOnly: false, idempotent: false, destructive: false };
    expect(
      actions.map(a => ({ name: a.name, attributes: a.attributes })),
    ).toEqual([
      { name: 'get-system-product-health', attributes: read },
      { name: 'get-system-product-roadmap', attributes: read },
      { name: 'get-system-product-review', attributes: read },
      { name: 'report-system-product-friction', attributes: write },
      {
        name: 'say-me-too-on-system-product-friction',
        attributes: { ...write, idempotent: true },
      },
      { name: 'create-system-product-roadmap-item', attributes: write },
      { name: 'open-system-product-survey-round', attributes: write },
      { name: 'answer-system-product-survey', attributes: write },
    ]);
    for (const action of actions) {
      expect(action.examples?.length).toBeGreaterThan(0);
    }
    // The OpenAPI document's constraints reach the caller in the schemas.
    const schemaOf = (name: string) =>
      actions.find(a => a.name === name)!.schema.input as any;
    expect(
      schemaOf('report-system-product-friction').properties.severity,
    ).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(
      schemaOf('create-system-product-roadmap-item').properties.kind,
    ).toMatchObject({ enum: ['quick-win', 'strategic'] });
    expect(
      schemaOf('open-system-product-survey-round').properties.closesAt,
    ).toMatchObject({ format: 'date-time' });
    expect(schemaOf('answer-system-product-survey')).toMatchObject({
      required: ['roundId', 'answers'],
      additionalProperties: false,
    });
  });

  it('reports SLO status, satisfaction once k answered, and the touchpoints that hurt most', async () => {
    const { server, invoke } = await start();
    // 20 production deployments, one failed: SLI 0.95 against a 0.9 target.
    const now = Date.now();
    const events = await request(server)
      .post('/api/system-product/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: Array.from({ length: 20 }, (_, i) => ({
          id: `deploy-${i}`,
          entityRef: 'system:default/ci-cd-pipeline',
          type: 'deployment',
          commitSha: `c${i}`,
          commitTime: new Date(now - (i + 2) * 3_600_000).toISOString(),
          deployTime: new Date(now - (i + 1) * 3_600_000).toISOString(),
          environment: 'production',
          succeeded: i !== 19,
        })),
      });
    expect(events.status).toBe(200);

    const [checks, review] = await mapJourney(server, [
      { name: 'Wait for checks', failureModes: ['Flaky tests'] },
      { name: 'Review' },
      { name: 'Merge' },
    ]);
    for (const [user, touchpoint, severity] of [
      ['user:default/a', checks, 4],
      ['user:default/b', checks, 5],
      ['user:default/c', review, 5],
    ] as const) {
      await request(server)
        .post(`${base}/friction`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ touchpointId: touchpoint, severity });
    }

    const round = await request(server)
      .post(`${base}/surveys`)
      .set('Authorization', owner)
      .send({
        title: 'Q4 pulse',
        closesAt: new Date(now + 86_400_000).toISOString(),
      });
    const answer = (user: string, nps: number, csat: number) =>
      request(server)
        .post(`/api/system-product/surveys/${round.body.id}/responses`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ answers: { nps, csat } });
    await answer('user:default/a', 10, 5);
    await answer('user:default/b', 9, 4);

    const belowK = await invoke(
      'get-system-product-health',
      'ci-cd-pipeline',
      'user:default/margaret',
    );
    expect(belowK.output).toMatchObject({ satisfaction: null });

    await answer('user:default/c', 3, 2);
    const { output } = (await invoke(
      'get-system-product-health',
      'system:default/ci-cd-pipeline',
      'user:default/margaret',
    )) as { output: any };

    expect(output.entityRef).toBe('system:default/ci-cd-pipeline');
    expect(output.slos).toEqual([
      {
        name: 'deploy-success',
        displayName: 'Deployments succeed',
        origin: 'file',
        status: 'met',
        target: 0.9,
        sli: 0.95,
        errorBudgetRemaining: expect.closeTo(0.5, 10),
        window: '28d rolling',
      },
    ]);
    expect(output.sloFile).toEqual({
      source: dir.resolve('slos.yaml'),
      problems: [],
    });
    // DORA of the last 30 days: the 20 deployments fall on one day (1 of 5
    // weeks, 1 of 1 month: monthly); 1 failed of 20 = 0.05 (< 7.5%: elite);
    // lead 1 h each; the failed one recovered when the next succeeded 1 h
    // later, a single sample (< 5): no band.
    expect(output.dora).toMatchObject({
      days: 30,
      deploymentFrequency: {
        cadence: 'monthly',
        band: 'medium',
        sampleSize: 20,
      },
      changeLeadTime: { value: 3600, sampleSize: 20, band: 'elite' },
      changeFailureRate: {
        value: 0.05,
        count: 1,
        sampleSize: 20,
        band: 'elite',
      },
      failedDeploymentRecoveryTime: { value: 3600, sampleSize: 1, band: null },
    });
    // Two promoters and one detractor of three: NPS 33; two of three 4 or 5.
    expect(output.satisfaction).toMatchObject({
      roundId: round.body.id,
      title: 'Q4 pulse',
      responses: 3,
      nps: expect.closeTo(33.33, 1),
      csat: expect.closeTo(66.67, 1),
    });
    expect(output.topPainPoints).toEqual([
      {
        stage: 'Commit',
        touchpoint: 'Wait for checks',
        reports: 2,
        // Two reporters are below k = 3: the mean stays hidden.
        averageSeverity: null,
        failureModes: ['Flaky tests'],
      },
      {
        stage: 'Commit',
        touchpoint: 'Review',
        reports: 1,
        averageSeverity: null,
        failureModes: [],
      },
    ]);
  });

  it('lists open roadmap items, work under way first, and counts the rest', async () => {
    const { server, invoke } = await start();
    for (const item of [
      { title: 'Self-service runners', kind: 'strategic', status: 'idea' },
      {
        title: 'Parallel test shards',
        kind: 'strategic',
        status: 'planned',
        targetDate: '2027-03-01',
      },
      {
        title: 'Dependency cache',
        kind: 'quick-win',
        status: 'planned',
        targetDate: '2027-01-15',
        painPoints: ['Slow builds'],
        metric: 'deploy-success',
      },
      {
        title: 'Flaky test quarantine',
        kind: 'quick-win',
        status: 'in-progress',
      },
      { title: 'Faster checkout', kind: 'quick-win', status: 'shipped' },
      { title: 'Nightly builds', kind: 'strategic', status: 'dropped' },
    ]) {
      const created = await request(server)
        .post(`${base}/roadmap`)
        .set('Authorization', owner)
        .send(item);
      expect(created.status).toBe(201);
    }

    const { output } = (await invoke(
      'get-system-product-roadmap',
      'system:default/ci-cd-pipeline',
      'user:default/margaret',
    )) as { output: any };

    expect(output.items.map((i: any) => [i.title, i.status])).toEqual([
      ['Flaky test quarantine', 'in-progress'],
      ['Dependency cache', 'planned'],
      ['Parallel test shards', 'planned'],
      ['Self-service runners', 'idea'],
    ]);
    expect(output.items[1]).toMatchObject({
      kind: 'quick-win',
      targetDate: '2027-01-15',
      painPoints: ['Slow builds'],
      metric: 'deploy-success',
    });
    expect(output).toMatchObject({ shipped: 1, dropped: 1 });
  });

  it('answers like the catalog for a caller who cannot see the system', async () => {
    const { server, invoke } = await start();
    await request(server)
      .post(`${base}/roadmap`)
      .set('Authorization', owner)
      .send({ title: 'Dependency cache', kind: 'quick-win' });

    for (const name of [
      'get-system-product-health',
      'get-system-product-roadmap',
    ]) {
      await expect(
        invoke(name, 'system:default/ci-cd-pipeline', OUTSIDER),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'No entity system:default/ci-cd-pipeline found',
      });
    }
  });

  it('rejects an entity ref that does not parse', async () => {
    const { invoke } = await start();

    await expect(
      invoke('get-system-product-roadmap', 'system:default/'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        '"system:default/" is not an entity ref',
      ),
    });
  });

  describe('write actions', () => {
    const SYSTEM = 'system:default/ci-cd-pipeline';
    const MARGARET = 'user:default/margaret';
    const service = mockCredentials.service();

    const frictionOf = async (server: Server) => {
      const journey = await request(server)
        .get(`${base}/journey`)
        .set('Authorization', owner);
      return journey.body.stages[0].touchpoints.map((t: any) => [
        t.name,
        t.friction.reports,
      ]);
    };

    const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

    it('reports friction as the calling user, naming the touchpoint by name or id', async () => {
      const { server, act, events } = await start();
      const [, review] = await mapJourney(server);

      const byName = await act(
        'report-system-product-friction',
        {
          entityRef: 'ci-cd-pipeline',
          touchpoint: ' wait FOR checks ',
          severity: 4,
          text: 'Checks took 40 minutes',
        },
        MARGARET,
      );
      const byId = await act(
        'report-system-product-friction',
        { entityRef: SYSTEM, touchpoint: review, severity: 2 },
        'user:default/b',
      );

      expect(byName).toEqual({
        status: 'recorded',
        entityRef: SYSTEM,
        stage: 'Commit',
        touchpoint: 'Wait for checks',
        touchpointId: expect.any(String),
      });
      expect(byId).toMatchObject({
        touchpoint: 'Review',
        touchpointId: review,
      });
      expect(await frictionOf(server)).toEqual([
        ['Wait for checks', 1],
        ['Review', 1],
      ]);
      // Audited like POST .../friction by a user: without naming them.
      const recorded = events.filter(
        e => e.eventId === 'friction-report' && e.status === 'succeeded',
      );
      expect(recorded).toHaveLength(2);
      expect(recorded[0].meta).toMatchObject({
        entityRef: 'ci-cd-pipeline',
        action: 'report-system-product-friction',
        actor: 'an anonymous user',
        touchpointId: byName.touchpointId,
      });
      expect(JSON.stringify(recorded)).not.toContain('margaret');
    });

    it('refuses friction from a caller who cannot see the system, or from a service', async () => {
      const { server, act } = await start();
      await mapJourney(server);
      const report = { entityRef: SYSTEM, touchpoint: 'Review', severity: 3 };

      await expect(
        act('report-system-product-friction', report, OUTSIDER),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: `No entity ${SYSTEM} found`,
      });
      await expect(
        act('report-system-product-friction', report, service),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('reports as the calling user'),
      });
      expect(await frictionOf(server)).toEqual([
        ['Wait for checks', 0],
        ['Review', 0],
      ]);
    });

    it('says "me too" once per person as the calling user, withdraws it, and refuses services and outsiders', async () => {
      const { server, act, events } = await start();
      const [checks] = await mapJourney(server);
      const meToo = (user: string, input: JsonObject = {}) =>
        act(
          'say-me-too-on-system-product-friction',
          { entityRef: SYSTEM, touchpoint: 'wait for checks', ...input },
          user,
        );

      // k = 3: two people (one twice) show no count; the third shows 3.
      expect(await meToo('user:default/a')).toEqual({
        entityRef: SYSTEM,
        stage: 'Commit',
        touchpoint: 'Wait for checks',
        touchpointId: checks,
        youSaidMeToo: true,
        meToo: null,
      });
      await meToo('user:default/b');
      expect(await meToo('user:default/b')).toMatchObject({ meToo: null });
      expect(await meToo(MARGARET, { touchpoint: checks })).toMatchObject({
        youSaidMeToo: true,
        meToo: 3,
      });
      expect(await meToo(MARGARET, { withdraw: true })).toMatchObject({
        youSaidMeToo: false,
        meToo: null,
      });

      await expect(meToo(OUTSIDER)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      await expect(
        act(
          'say-me-too-on-system-product-friction',
          { entityRef: SYSTEM, touchpoint: checks },
          service,
        ),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('speaks for the calling user'),
      });
      await expect(
        meToo('user:default/a', { withdraw: 'yes' }),
      ).rejects.toMatchObject({ name: 'InputError' });

      // Audited like the routes, without naming anyone.
      const audited = events.filter(
        e =>
          e.eventId.startsWith('friction-me-too') && e.status === 'succeeded',
      );
      expect(audited.map(e => e.eventId)).toEqual([
        'friction-me-too',
        'friction-me-too',
        'friction-me-too',
        'friction-me-too',
        'friction-me-too-withdraw',
      ]);
      expect(audited[0].meta).toMatchObject({
        action: 'say-me-too-on-system-product-friction',
        actor: 'an anonymous user',
        touchpointId: checks,
      });
      expect(JSON.stringify(audited)).not.toMatch(/margaret|default\/a\b/);
    });

    it('reads the newest review as Markdown, null before the first', async () => {
      const { server, act } = await start();
      expect(
        await act('get-system-product-review', { entityRef: SYSTEM }, MARGARET),
      ).toEqual({ entityRef: SYSTEM, review: null });
      const made = await request(server)
        .post(`${base}/reviews`)
        .set('Authorization', owner)
        .expect(201);
      const read = await act(
        'get-system-product-review',
        { entityRef: 'ci-cd-pipeline' },
        MARGARET,
      );
      expect(read.review).toMatchObject({
        id: made.body.id,
        cadence: 'weekly',
        markdown: expect.stringContaining(
          `# Review of ${SYSTEM}: ${made.body.from.slice(0, 10)}`,
        ),
      });
      await expect(
        act('get-system-product-review', { entityRef: SYSTEM }, OUTSIDER),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('refuses friction that is invalid, or on a touchpoint the journey does not have', async () => {
      const { server, act } = await start();
      const [checks, review] = await mapJourney(server);
      const report = (input: JsonObject) =>
        act('report-system-product-friction', {
          entityRef: SYSTEM,
          touchpoint: 'Review',
          severity: 3,
          ...input,
        });

      for (const invalid of [
        { severity: 6 },
        { severity: 2.5 },
        { touchpoint: '   ' },
        { text: 'x'.repeat(2001) },
        // Only a service importing reports names a reporter, and not here.
        { reporter: 'someone-else' },
      ]) {
        await expect(report(invalid)).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining(
            'Invalid input to action "test:report-system-product-friction"',
          ),
        });
      }
      await expect(report({ text: 'a\u0000b' })).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^input\.text: must not contain a NUL/),
      });
      await expect(report({ touchpoint: 'Deploy' })).rejects.toMatchObject({
        name: 'InputError',
        message: `input.touchpoint: 'Deploy' is not a touchpoint of ${SYSTEM}; its touchpoints are 'Wait for checks' (stage 'Commit', id ${checks}), 'Review' (stage 'Commit', id ${review})`,
      });
      expect(await frictionOf(server)).toEqual([
        ['Wait for checks', 0],
        ['Review', 0],
      ]);
    });

    it('adds a roadmap item that the roadmap then lists', async () => {
      const { act, events } = await start();

      const created = await act('create-system-product-roadmap-item', {
        entityRef: SYSTEM,
        title: 'Dependency cache',
        kind: 'quick-win',
        status: 'planned',
        targetDate: '2028-02-29',
        milestones: [{ title: 'Cache in CI' }],
        painPoints: ['Slow builds'],
        metric: 'build-duration',
        metricBefore: 31,
        metricUnit: 'min',
      });

      expect(created).toEqual({
        id: expect.any(String),
        entityRef: SYSTEM,
        version: 1,
        title: 'Dependency cache',
        kind: 'quick-win',
        status: 'planned',
        owner: null,
        targetDate: '2028-02-29',
        metric: 'build-duration',
      });
      const roadmap = await act(
        'get-system-product-roadmap',
        { entityRef: SYSTEM },
        MARGARET,
      );
      expect(roadmap.items).toEqual([
        expect.objectContaining({
          id: created.id,
          title: 'Dependency cache',
          milestones: [{ title: 'Cache in CI', done: false }],
          painPoints: ['Slow builds'],
        }),
      ]);
      expect(
        events.find(
          e => e.eventId === 'roadmap-item-create' && e.status === 'succeeded',
        )?.meta,
      ).toMatchObject({
        entityRef: SYSTEM,
        action: 'create-system-product-roadmap-item',
        actor: OWNER,
        itemId: created.id,
        version: 1,
      });
    });

    it('refuses a roadmap item from a caller without system-product.roadmap.manage, and audits the refusal', async () => {
      const { act, events } = await start();

      await expect(
        act(
          'create-system-product-roadmap-item',
          { entityRef: SYSTEM, title: 'Faster CI', kind: 'strategic' },
          MARGARET,
        ),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: `You may not change roadmap data of ${SYSTEM}; ask one of its owners`,
      });
      const roadmap = await act('get-system-product-roadmap', {
        entityRef: SYSTEM,
      });
      expect(roadmap.items).toEqual([]);
      expect(
        events.find(
          e => e.eventId === 'roadmap-item-create' && e.status === 'failed',
        )?.meta,
      ).toMatchObject({ entityRef: SYSTEM, actor: MARGARET });
    });

    it('refuses a roadmap item the OpenAPI document refuses', async () => {
      const { act } = await start();
      for (const invalid of [
        { title: '', kind: 'quick-win' },
        { title: 'Faster CI', kind: 'big' },
        { title: 'Faster CI', kind: 'quick-win', targetDate: '2026-02-30' },
        { title: 'Faster CI', kind: 'quick-win', metricUnit: ' ' },
        { title: 'Faster CI', kind: 'quick-win', version: 1 },
        {
          title: 'Faster CI',
          kind: 'quick-win',
          milestones: [{ title: 'One', due: '2027-01-01' }],
        },
      ]) {
        await expect(
          act('create-system-product-roadmap-item', {
            entityRef: SYSTEM,
            ...invalid,
          }),
        ).rejects.toMatchObject({ name: 'InputError' });
      }
      // The rule the schema cannot say, as the service says it.
      await expect(
        act('create-system-product-roadmap-item', {
          entityRef: SYSTEM,
          title: 'Faster CI',
          kind: 'quick-win',
          targetDate: '0000-01-01',
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'body.targetDate: must be a day of year 1 or later',
      });
      const roadmap = await act('get-system-product-roadmap', {
        entityRef: SYSTEM,
      });
      expect(roadmap.items).toEqual([]);
    });

    it('opens a survey round with its questions, which the rounds then list', async () => {
      const { server, act } = await start();
      const closesAt = inADay();

      const round = await act('open-system-product-survey-round', {
        entityRef: SYSTEM,
        title: 'Q4 pulse',
        closesAt,
        targetGroups: ['group:default/mobile'],
      });

      expect(round).toMatchObject({
        id: expect.any(String),
        entityRef: SYSTEM,
        title: 'Q4 pulse',
        templateId: 'platform-pulse',
        templateVersion: 1,
        closesAt: new Date(closesAt).toISOString(),
        targetGroups: ['group:default/mobile'],
      });
      // A scale says what its ends mean, so an assistant can ask it as the portal does.
      expect(round.questions).toContainEqual({
        id: 'nps',
        kind: 'nps',
        prompt: expect.any(String),
        anchors: { low: 'Not at all likely', high: 'Extremely likely' },
      });
      const rounds = await request(server)
        .get(`${base}/surveys`)
        .set('Authorization', owner);
      expect(rounds.body.items.map((r: any) => [r.id, r.title])).toEqual([
        [round.id, 'Q4 pulse'],
      ]);
    });

    it('refuses to open a round for a caller without system-product.survey-round.manage', async () => {
      const { server, act } = await start();

      await expect(
        act(
          'open-system-product-survey-round',
          { entityRef: SYSTEM, closesAt: inADay() },
          MARGARET,
        ),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: `You may not change survey-round data of ${SYSTEM}; ask one of its owners`,
      });
      const rounds = await request(server)
        .get(`${base}/surveys`)
        .set('Authorization', owner);
      expect(rounds.body.items).toEqual([]);
    });

    it('refuses a round the OpenAPI document or the survey rules refuse', async () => {
      const { act } = await start();
      for (const invalid of [
        {},
        { closesAt: '2026-11-20' },
        { closesAt: '2026-11-20T10:00:00' },
        { closesAt: inADay(), title: '' },
        { closesAt: inADay(), targetGroups: ['user:default/ada'] },
      ]) {
        await expect(
          act('open-system-product-survey-round', {
            entityRef: SYSTEM,
            ...invalid,
          }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining(
            'Invalid input to action "test:open-system-product-survey-round"',
          ),
        });
      }
      await expect(
        act('open-system-product-survey-round', {
          entityRef: SYSTEM,
          opensAt: '2026-11-20T10:00:00Z',
          closesAt: '2026-11-19T10:00:00Z',
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'body.closesAt: must be after opensAt',
      });
    });

    /** A round of the CI/CD pipeline that is open now; its id. */
    async function openRound(act: Awaited<ReturnType<typeof start>>['act']) {
      const round = await act('open-system-product-survey-round', {
        entityRef: SYSTEM,
        closesAt: inADay(),
      });
      return round.id as string;
    }

    it('answers an open round as the calling user, replacing their earlier answer', async () => {
      const { server, act, events } = await start();
      const roundId = await openRound(act);
      const answer = { roundId, answers: { nps: 9, csat: 4, complex: 'VPN' } };

      const first = await act('answer-system-product-survey', answer, MARGARET);
      const again = await act(
        'answer-system-product-survey',
        { roundId, answers: { nps: 10 } },
        MARGARET,
      );

      // Nothing but the caller's own answer: no key, no one else's.
      expect(first).toEqual({ roundId, replaced: false });
      expect(again).toEqual({ roundId, replaced: true });
      const rounds = await request(server)
        .get(`${base}/surveys`)
        .set('Authorization', owner);
      expect(rounds.body.items[0]).toMatchObject({
        id: roundId,
        responseCount: 1,
      });
      const answered = events.filter(
        e => e.eventId === 'survey-answer' && e.status === 'succeeded',
      );
      expect(answered.map(e => e.meta)).toEqual([
        expect.objectContaining({ roundId, actor: 'an anonymous user' }),
        expect.objectContaining({ roundId, replaced: true }),
      ]);
      expect(JSON.stringify(answered)).not.toContain('margaret');
    });

    it('refuses an answer from a caller who cannot see the round, or from a service', async () => {
      const { server, act } = await start();
      const roundId = await openRound(act);
      const answer = { roundId, answers: { nps: 9 } };

      await expect(
        act('answer-system-product-survey', answer, OUTSIDER),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: `No survey round ${roundId}`,
      });
      await expect(
        act('answer-system-product-survey', answer, service),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('answers as the calling user'),
      });
      const rounds = await request(server)
        .get(`${base}/surveys`)
        .set('Authorization', owner);
      expect(rounds.body.items[0].responseCount).toBe(0);
    });

    it('refuses answers that are invalid for the round', async () => {
      const { server, act } = await start();
      const roundId = await openRound(act);
      const answer = (input: JsonObject) =>
        act('answer-system-product-survey', { roundId, ...input }, MARGARET);

      for (const invalid of [
        { answers: {} },
        { answers: { nps: 8.5 } },
        { answers: { complex: 'x'.repeat(2001) } },
        { answers: { nps: 8 }, respondent: 'someone-else' },
      ]) {
        await expect(answer(invalid)).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining(
            'Invalid input to action "test:answer-system-product-survey"',
          ),
        });
      }
      await expect(
        answer({ answers: { nps: 11, mood: 'fine' } }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'body.answers.nps: must be an integer from 0 to 10 (question "nps" is nps); body.answers.mood: is not a question of this round',
      });
      await expect(
        act(
          'answer-system-product-survey',
          { roundId: 'no-such-round', answers: { nps: 8 } },
          MARGARET,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      const rounds = await request(server)
        .get(`${base}/surveys`)
        .set('Authorization', owner);
      expect(rounds.body.items[0].responseCount).toBe(0);
    });
  });
});
