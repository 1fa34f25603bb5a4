import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend as startBackend,
} from '../__testUtils__/startSystemProductBackend';

const surveysPath =
  '/api/system-product/entities/system/default/ci-cd-pipeline/surveys';

async function openRound(server: any) {
  const res = await request(server)
    .post(surveysPath)
    .set('Authorization', mockCredentials.user.header(OWNER))
    .send({
      title: 'Q4 pulse',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
  expect(res.status).toBe(201);
  return res.body;
}

function answerAs(server: any, user: string, roundId: string, answers: object) {
  return request(server)
    .post(`/api/system-product/surveys/${roundId}/responses`)
    .set('Authorization', mockCredentials.user.header(user))
    .send({ answers });
}

describe('survey routes', () => {
  it('opens a round for the entity users by default', async () => {
    const server = await startBackend();
    const round = await openRound(server);
    expect(round).toMatchObject({
      entityRef: 'system:default/ci-cd-pipeline',
      templateId: 'platform-pulse',
      targetGroups: ['group:default/mobile'],
      responseCount: 0,
    });
    const list = await request(server)
      .get(surveysPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      );
    expect(list.body.items.map((r: any) => r.id)).toEqual([round.id]);
  });

  it('invites the target groups when a round opens now, and opens it even when notifications fail', async () => {
    const send = jest.fn().mockResolvedValue(undefined);
    const notifications = createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({ send }),
    });
    const server = await startBackend([notifications]);
    const round = await openRound(server);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ['group:default/mobile'] },
      payload: expect.objectContaining({
        title: 'How is ci-cd-pipeline working for you?',
        link: '/catalog/default/system/ci-cd-pipeline',
        topic: 'system-product-survey',
      }),
    });
    expect(send.mock.calls[0][0].payload.description).toContain(
      `Q4 pulse: a short anonymous survey, open until ${round.closesAt.slice(
        0,
        10,
      )}`,
    );

    // A round scheduled for later is not announced now.
    await request(server)
      .post(surveysPath)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send({
        opensAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      })
      .expect(201);
    expect(send).toHaveBeenCalledTimes(1);

    send.mockRejectedValueOnce(new Error('notifications are down'));
    await openRound(server);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('forbids a non-owner from opening a round', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(surveysPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      )
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(res.status).toBe(403);
  });

  it('hides results below k and shows them at k, a changed answer keeping the questions left out', async () => {
    const server = await startBackend();
    const round = await openRound(server);
    const results = () =>
      request(server)
        .get(`/api/system-product/surveys/${round.id}/results`)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/margaret'),
        );

    await answerAs(server, 'user:default/a', round.id, {
      nps: 10,
      complex: 'Flaky tests',
    });
    const again = await answerAs(server, 'user:default/a', round.id, {
      nps: 0,
    });
    expect(again.body).toEqual({ roundId: round.id, replaced: true });
    await answerAs(server, 'user:default/b', round.id, { nps: 9 });

    const below = await results();
    const roundsBelow = await request(server)
      .get(surveysPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      );
    expect(roundsBelow.body.items[0].scores).toBeNull();
    expect(below.body).toEqual({
      roundId: round.id,
      responses: 2,
      minResponses: 3,
      visible: false,
      moreNeeded: 1,
    });

    await answerAs(server, 'user:default/c', round.id, {
      nps: 10,
      complex: 'Slow deploys',
    });
    const at = await results();
    expect(at.body.visible).toBe(true);
    const nps = at.body.scored.find((q: any) => q.questionId === 'nps');
    // 0 (replaced 10), 9, 10: two promoters, one detractor of three
    expect(nps).toMatchObject({
      answered: 3,
      visible: true,
      distribution: { 0: 1, 9: 1, 10: 1 },
    });
    expect(nps.score).toBeCloseTo(100 / 3);
    // Two text answers stand behind "complex" (a's kept when a changed only
    // nps, and c's): k is per question, so it shows only its count.
    const complex = at.body.text.find((q: any) => q.questionId === 'complex');
    expect(complex).toEqual({
      questionId: 'complex',
      answered: 2,
      visible: false,
      answers: [],
    });

    const rounds = await request(server)
      .get(surveysPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      );
    expect(rounds.body.items[0].scores.nps).toBeCloseTo(100 / 3);
    expect(rounds.body.items[0].scores.csat).toBeNull();

    const everything = JSON.stringify([below.body, at.body, again.body]);
    for (const user of ['user:default/a', 'user:default/b', 'user:default/c']) {
      expect(everything).not.toContain(user);
    }
  });

  it('shows a person their own answer only, and merges a changed one into it', async () => {
    const server = await startBackend();
    const round = await openRound(server);
    const mine = (user: string) =>
      request(server)
        .get(`/api/system-product/surveys/${round.id}/responses/mine`)
        .set('Authorization', mockCredentials.user.header(user));

    expect((await mine('user:default/a')).status).toBe(404);
    await answerAs(server, 'user:default/a', round.id, {
      nps: 8,
      csat: 4,
      complex: 'Three tickets for a preview environment',
    }).expect(200);
    const first = await mine('user:default/a');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      roundId: round.id,
      submittedAt: expect.any(String),
      answers: {
        nps: 8,
        csat: 4,
        complex: 'Three tickets for a preview environment',
      },
    });

    // Changing one question keeps the others; null withdraws one.
    await answerAs(server, 'user:default/a', round.id, {
      csat: 2,
      complex: null,
    }).expect(200);
    expect((await mine('user:default/a')).body.answers).toEqual({
      nps: 8,
      csat: 2,
    });
    // Nobody else sees it; a service has no answer of its own.
    expect((await mine('user:default/b')).status).toBe(404);
    const byService = await request(server)
      .get(`/api/system-product/surveys/${round.id}/responses/mine`)
      .set('Authorization', mockCredentials.service.header());
    expect(byService.status).toBe(403);

    // The kept counts moved with the merge: csat 4 became 2, nps stayed.
    await answerAs(server, 'user:default/b', round.id, { csat: 5 });
    await answerAs(server, 'user:default/c', round.id, { csat: 5, nps: 9 });
    const results = await request(server)
      .get(`/api/system-product/surveys/${round.id}/results`)
      .set('Authorization', mockCredentials.user.header(OWNER));
    const csat = results.body.scored.find((q: any) => q.questionId === 'csat');
    expect(csat.distribution).toEqual({ 2: 1, 5: 2 });
    const complex = results.body.text.find(
      (q: any) => q.questionId === 'complex',
    );
    expect(complex.answered).toBe(0);
  });

  it.each([
    [{ nps: 11 }, 'body.answers.nps: must be an integer from 0 to 10'],
    [{ csat: 0 }, 'body.answers.csat: must be an integer from 1 to 5'],
    [{ ease: 'yes' }, 'body.answers.ease: must be an integer from 1 to 5'],
    [{ time: 5 }, 'body.answers.time: must be a text'],
    [{ nope: 1 }, 'body.answers.nope: is not a question of this round'],
    [{}, 'body.answers: must have at least 1 field'],
  ])(
    'rejects the answer %j with 400 naming the rule',
    async (answers, message) => {
      const server = await startBackend();
      const round = await openRound(server);
      const res = await answerAs(server, 'user:default/a', round.id, answers);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    },
  );

  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
  it.each([
    [
      { closesAt: '2099-01-01T00:00:00Z' },
      'body.closesAt: must be at most 366 days after opensAt',
    ],
    [
      { closesAt: 'tomorrow' },
      'body.closesAt: must be an ISO 8601 date-time with a time zone',
    ],
    [{}, 'body.closesAt: is required'],
    [
      { closesAt: '2020-01-01T00:00:00Z' },
      'body.closesAt: must be after opensAt',
    ],
    [
      { closesAt: nextWeek, targetGroups: ['user:default/a'] },
      'body.targetGroups[0]: must match pattern',
    ],
    [
      { closesAt: nextWeek, templateId: 'nope' },
      "body.templateId: 'nope' is not a survey template",
    ],
  ])('rejects the round %j with 400 naming the rule', async (body, message) => {
    const server = await startBackend();
    const res = await request(server)
      .post(surveysPath)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('answers 404 for an unknown round', async () => {
    const server = await startBackend();
    const unknown = await answerAs(server, 'user:default/a', 'no-such-round', {
      nps: 1,
    });
    expect(unknown.status).toBe(404);
  });

  it('lets a service import answers keyed by an opaque respondent id, users not', async () => {
    const server = await startBackend();
    const round = await openRound(server);
    const post = (auth: string, body: object) =>
      request(server)
        .post(`/api/system-product/surveys/${round.id}/responses`)
        .set('Authorization', auth)
        .send(body);
    const service = mockCredentials.service.header();

    const missing = await post(service, { answers: { nps: 5 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(
      'body.respondent: is required',
    );
    const imported = await post(service, {
      respondent: 'r-1',
      answers: { nps: 5 },
    });
    expect(imported.body).toEqual({ roundId: round.id, replaced: false });
    const again = await post(service, {
      respondent: 'r-1',
      answers: { nps: 6 },
    });
    expect(again.body.replaced).toBe(true);
    const user = await post(mockCredentials.user.header('user:default/a'), {
      respondent: 'someone-else',
      answers: { nps: 5 },
    });
    expect(user.status).toBe(400);
    expect(user.body.error.message).toContain(
      'body.respondent: may only be given by a service',
    );
  });
});
