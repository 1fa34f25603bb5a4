import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DeliveryEventType,
  momentPromptPath,
} from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { MomentSettings } from '../config';
import { createStores } from '../database/createStores';
import { migrateClient } from '../database/migrations';
import { EntityAccess } from './EntityAccess';
import { MomentCandidate, MomentService, summaryOf } from './MomentService';
import { RespondentKeys } from './RespondentKeys';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const OWNER = 'user:default/ada';
const DAY = 86_400_000;
const system = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default', title: name.toUpperCase() },
  spec: { owner: 'group:default/platform-team' },
});
const ci = { kind: 'system', namespace: 'default', name: 'ci' };
const docs = { kind: 'system', namespace: 'default', name: 'docs' };

const settings: MomentSettings = {
  cap: { prompts: 2, days: 14 },
  maxEventAgeMs: 3_600_000,
  answerWithinMs: 7 * DAY,
};

describe.each(databases.eachSupportedId())('MomentService on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await migrateClient(knex);
    const stores = createStores(knex, { minResponses: 3 });
    const permissions = mockServices.permissions.mock({
      authorize: async (requests, options) => {
        const { userEntityRef } = options.credentials.principal as {
          userEntityRef?: string;
        };
        return requests.map(() => ({
          result:
            userEntityRef === OWNER
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        }));
      },
    });
    const access = new EntityAccess(
      catalogServiceMock({ entities: [system('ci'), system('docs')] }),
      permissions,
      { cacheTtlMs: 0 },
    );
    const keys = await RespondentKeys.create({
      config: mockServices.rootConfig({
        data: { systemProduct: { survey: { respondentKeySecret: 'test' } } },
      }),
      settings: stores.settings,
      logger: mockServices.logger.mock(),
    });
    const clock = { now: Date.parse('2026-12-07T12:00:00Z') };
    /** The sampling draws, in order; a test runs out of them only by mistake. */
    const draws: number[] = [];
    const send = jest.fn();
    const moments = new MomentService({
      store: stores.moments,
      surveys: stores.surveys,
      journeys: stores.journeys,
      access,
      keys,
      settings,
      logger: mockServices.logger.mock(),
      notifications: { send },
      entityOf: async ref => system(ref.split('/')[1]),
      random: () => {
        const next = draws.shift();
        if (next === undefined) throw new Error('no sampling draw left');
        return next;
      },
      now: () => clock.now,
    });
    const owner = mockCredentials.user(OWNER);
    const trigger = (
      ref: typeof ci,
      body: Partial<Parameters<MomentService['createTrigger']>[1]> = {},
    ) =>
      moments.createTrigger(
        ref,
        {
          eventType: 'deployment',
          question: 'How did this deployment go?',
          sampleRate: 1,
          cooldownDays: 14,
          ...body,
        },
        owner,
      );
    const event = (
      actor: string,
      over: Partial<MomentCandidate> = {},
    ): MomentCandidate => ({
      entityRef: 'system:default/ci',
      eventId: `e-${Math.random()}`,
      type: 'deployment' as DeliveryEventType,
      succeeded: true,
      environment: 'production',
      name: null,
      occurredAt: new Date(clock.now - 60_000),
      actor,
      ...over,
    });
    return {
      knex,
      stores,
      moments,
      clock,
      draws,
      send,
      trigger,
      event,
      owner,
    };
  }

  it('prompts the person behind a matching event, sampled, at most once per cooldown', async () => {
    const { moments, clock, draws, send, trigger, event } = await setup();
    const made = await trigger(ci, {
      outcome: 'succeeded',
      environment: 'production',
      sampleRate: 0.1,
      cooldownDays: 14,
    });
    const jane = 'user:default/jane';

    // 0.05 < 0.1: sampled, so prompted, with a link to the prompt.
    draws.push(0.05);
    const first = await moments.consider(event(jane));
    expect(first).toEqual({ prompt: expect.objectContaining({}) });
    const promptId = 'prompt' in first ? first.prompt.id : '';
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({
      recipients: { type: 'entity', entityRef: jane },
      payload: expect.objectContaining({
        title: 'CI: How did this deployment go?',
        link: momentPromptPath(promptId),
        topic: 'system-product-moment',
      }),
    });
    expect(send.mock.calls[0][0].payload.description).toContain(
      'deployment to production, succeeded',
    );

    // Events the trigger does not ask about draw nothing.
    for (const other of [
      event(jane, { succeeded: false }),
      event(jane, { environment: 'staging' }),
      event(jane, { type: 'build' }),
      event(jane, { entityRef: 'system:default/docs' }),
    ]) {
      expect(await moments.consider(other)).toEqual({ skipped: 'no trigger' });
    }

    // Within 14 days: sampled, but cooling down.
    clock.now += 13 * DAY;
    draws.push(0.01);
    expect(await moments.consider(event(jane))).toEqual({
      skipped: 'cooldown',
    });
    // After 14 days: 0.1 is not below 0.1, so not sampled; then 0.099 is.
    clock.now += 1 * DAY;
    draws.push(0.1, 0.099);
    expect(await moments.consider(event(jane))).toEqual({
      skipped: 'not sampled',
    });
    expect(await moments.consider(event(jane))).toMatchObject({
      prompt: { triggerId: made.id },
    });
    expect(draws).toEqual([]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('holds the fatigue cap across every trigger of every system', async () => {
    const { moments, clock, draws, trigger, event } = await setup();
    await trigger(ci, { cooldownDays: 1 });
    await trigger(docs, { cooldownDays: 1 });
    const jane = 'user:default/jane';
    const joe = 'user:default/joe';
    const onDocs = { entityRef: 'system:default/docs' };

    draws.push(0, 0);
    expect(await moments.consider(event(jane))).toHaveProperty('prompt');
    clock.now += 2 * DAY;
    expect(await moments.consider(event(jane, onDocs))).toHaveProperty(
      'prompt',
    );
    // Two in 14 days: no third, on either system, though cooldowns are over.
    clock.now += 2 * DAY;
    draws.push(0, 0);
    expect(await moments.consider(event(jane))).toEqual({ skipped: 'cap' });
    expect(await moments.consider(event(jane, onDocs))).toEqual({
      skipped: 'cap',
    });
    // Someone else is not capped by Jane.
    draws.push(0);
    expect(await moments.consider(event(joe))).toHaveProperty('prompt');
    // 14 days after her first prompt it no longer counts: one more.
    clock.now += 10 * DAY;
    draws.push(0);
    expect(await moments.consider(event(jane))).toHaveProperty('prompt');
    draws.push(0);
    expect(await moments.consider(event(jane, onDocs))).toEqual({
      skipped: 'cap',
    });
  });

  it('prompts for no event older than maxEventAge, and once for an event', async () => {
    const { moments, clock, draws, trigger, event } = await setup();
    await trigger(ci, { cooldownDays: 1 });
    const jane = 'user:default/jane';
    expect(
      await moments.consider(
        event(jane, { occurredAt: new Date(clock.now - 3_600_001) }),
      ),
    ).toEqual({ skipped: 'too old' });
    draws.push(0);
    const once = event(jane, {
      occurredAt: new Date(clock.now - 3_600_000),
    });
    expect(await moments.consider(once)).toHaveProperty('prompt');
    // The same event again (two replicas, a retry) after the cooldown.
    clock.now += 2 * DAY - 3_600_000;
    draws.push(0);
    expect(
      await moments.consider({ ...once, occurredAt: new Date(clock.now) }),
    ).toEqual({ skipped: 'prompted already' });
  });

  it('records an answer once, by the person prompted only, before it expires, and adds low scores to the touchpoint', async () => {
    const { stores, moments, clock, draws, trigger, event } = await setup();
    await stores.journeys.save(
      'system:default/ci',
      {
        version: 0,
        stages: [{ name: 'Ship', touchpoints: [{ name: 'Deploy' }] }],
      },
      OWNER,
    );
    const journey = await stores.journeys.get('system:default/ci');
    const deploy = journey!.stages[0].touchpoints[0].id;
    await trigger(ci, {
      touchpointId: deploy,
      textQuestion: 'What got in your way?',
    });
    const people = ['a', 'b', 'c', 'd'].map(n => `user:default/${n}`);
    const prompts: string[] = [];
    for (const person of people) {
      draws.push(0);
      const result = await moments.consider(event(person));
      prompts.push('prompt' in result ? result.prompt.id : '');
    }
    const as = (i: number) => mockCredentials.user(people[i]);

    // Only the person it went to sees it, and among their open prompts.
    expect(await moments.getPrompt(prompts[0], as(0))).toMatchObject({
      entityRef: 'system:default/ci',
      question: 'How did this deployment go?',
      textQuestion: 'What got in your way?',
      eventSummary: 'deployment to production, succeeded',
      answered: false,
    });
    expect(await moments.myPrompts(as(0))).toHaveLength(1);
    await expect(moments.getPrompt(prompts[0], as(1))).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      moments.answerPrompt(prompts[0], { score: 5 }, as(1)),
    ).rejects.toMatchObject({ name: 'NotFoundError' });

    // Scores 1, 3 and 5; a second answer is refused; d lets it expire.
    const scores = [1, 3, 5];
    let roundId = '';
    for (const [i, score] of scores.entries()) {
      const recorded = await moments.answerPrompt(
        prompts[i],
        { score, text: i === 0 ? 'Waited for approval' : undefined },
        as(i),
      );
      roundId = recorded.roundId;
    }
    await expect(
      moments.answerPrompt(prompts[0], { score: 2 }, as(0)),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await moments.myPrompts(as(0))).toEqual([]);
    clock.now += 7 * DAY;
    await expect(
      moments.answerPrompt(prompts[3], { score: 2 }, as(3)),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('expired'),
    });

    // One round of December, with the three scores and the text.
    const round = (await stores.surveys.getRound(roundId))!;
    expect(round).toMatchObject({
      templateId: 'moment',
      opensAt: '2026-12-01T00:00:00.000Z',
      closesAt: '2027-01-01T00:00:00.000Z',
      responseCount: 3,
    });
    expect(round.triggerId).toBeDefined();
    expect((await stores.surveys.getCounts(roundId)).counts.moment).toEqual({
      1: 1,
      3: 1,
      5: 1,
    });
    // Scores 1 and 3 are friction of severity 5 and 3; 5 is none.
    const friction = (await stores.journeys.get('system:default/ci'))!.stages[0]
      .touchpoints[0].friction;
    expect(friction).toMatchObject({ reports: 2, reporters: 2 });
    // Not a survey round of the entity's survey card.
    expect(await stores.surveys.listRounds('system:default/ci')).toEqual([]);
  });

  it('refuses a text the prompt does not ask, and rules across fields of a trigger', async () => {
    const { moments, draws, trigger, event, owner } = await setup();
    await trigger(ci);
    draws.push(0);
    const result = await moments.consider(event('user:default/jane'));
    const promptId = 'prompt' in result ? result.prompt.id : '';
    await expect(
      moments.answerPrompt(
        promptId,
        { score: 4, text: 'fine' },
        mockCredentials.user('user:default/jane'),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('text: is not asked by this prompt'),
    });
    await expect(
      trigger(ci, { eventType: 'ticket', outcome: 'failed' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'outcome: applies to deployment and build events only',
      ),
    });
    await expect(
      trigger(ci, { eventType: 'build', environment: 'production' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('applies to deployment events only'),
    });
    await expect(trigger(ci, { touchpointId: 'nope' })).rejects.toMatchObject({
      message: expect.stringContaining(
        'touchpointId: is not a touchpoint of system:default/ci',
      ),
    });
    await expect(
      moments.createTrigger(
        ci,
        {
          eventType: 'deployment',
          question: 'How was it?',
          sampleRate: 1,
          cooldownDays: 1,
        },
        mockCredentials.user('user:default/jane'),
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(await moments.listTriggers(ci, owner)).toHaveLength(1);
  });

  it('prompts a visitor of a page trigger’s path, by whole segments, under the same cooldown and cap, without a notification', async () => {
    const { stores, moments, clock, draws, send, trigger, event } =
      await setup();
    const jane = mockCredentials.user('user:default/jane');
    const made = await trigger(docs, {
      eventType: 'page',
      page: '/create/',
      question: 'Did you find a template?',
      sampleRate: 0.5,
      cooldownDays: 7,
    });
    expect(made).toMatchObject({ eventType: 'page', page: '/create' });
    // A trigger of an entity nobody can see (gone from the catalog).
    await stores.moments.createTrigger({
      entityRef: 'system:default/secret',
      eventType: 'page',
      outcome: 'any',
      environment: null,
      page: '/secret',
      touchpointId: null,
      question: 'Hidden?',
      textQuestion: null,
      sampleRate: 1,
      cooldownDays: 1,
      createdBy: OWNER,
    });
    expect(await moments.pagesFor(jane)).toEqual(['/create']);

    // Other paths draw nothing; the hidden entity's path prompts nobody.
    for (const path of ['/created', '/catalog', '/secret', '/secret/x']) {
      expect(await moments.pageVisited(path, jane)).toBeNull();
    }
    // 0.5 is not below 0.5: not sampled; 0.49 is, on a page below /create.
    draws.push(0.5);
    expect(await moments.pageVisited('/create', jane)).toBeNull();
    draws.push(0.49);
    const prompt = await moments.pageVisited('/create/tasks/1', jane);
    expect(prompt).toMatchObject({
      entityRef: 'system:default/docs',
      question: 'Did you find a template?',
      eventSummary: 'visit to /create/tasks/1',
      answered: false,
    });
    expect(send).not.toHaveBeenCalled();
    expect(await moments.getPrompt(prompt!.id, jane)).toEqual(prompt);
    await expect(
      moments.getPrompt(prompt!.id, mockCredentials.user('user:default/joe')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });

    // Within its 7 days: cooling down, so no prompt though sampled.
    clock.now += 6 * DAY;
    draws.push(0);
    expect(await moments.pageVisited('/create', jane)).toBeNull();
    // After 7 days, one delivery event prompt makes two in 14 days: the cap.
    clock.now += 2 * DAY;
    await trigger(ci, { cooldownDays: 1 });
    draws.push(0);
    expect(await moments.consider(event('user:default/jane'))).toHaveProperty(
      'prompt',
    );
    draws.push(0);
    expect(await moments.pageVisited('/create', jane)).toBeNull();
    expect(draws).toEqual([]);
  });

  it('asks a page trigger for its path, and only a page trigger', async () => {
    const { trigger } = await setup();
    await expect(trigger(ci, { eventType: 'page' })).rejects.toMatchObject({
      message: expect.stringContaining('page: is required for a page trigger'),
    });
    await expect(trigger(ci, { page: '/create' })).rejects.toMatchObject({
      message: expect.stringContaining('page: applies to page triggers only'),
    });
    await expect(
      trigger(ci, { eventType: 'page', page: '/create', outcome: 'failed' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'outcome: applies to deployment and build events only',
      ),
    });
  });
});

describe('summaryOf', () => {
  it('says what happened in words', () => {
    const base = { succeeded: null, environment: null, name: null };
    expect(summaryOf({ ...base, type: 'ticket' })).toBe('ticket');
    expect(summaryOf({ ...base, type: 'build', succeeded: false })).toBe(
      'build, failed',
    );
    expect(summaryOf({ ...base, type: 'custom', name: 'template-run' })).toBe(
      'template-run event',
    );
  });
});
