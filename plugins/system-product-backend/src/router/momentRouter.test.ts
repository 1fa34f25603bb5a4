import { mockCredentials } from '@backstage/backend-test-utils';
import { eventually } from '@internal/system-product-test-utils';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

const BASE = '/api/system-product';
const ENTITY = `${BASE}/entities/system/default/ci-cd-pipeline`;
const owner = mockCredentials.user.header(OWNER);
const service = mockCredentials.service.header();
const as = (user: string) => mockCredentials.user.header(user);

const deployment = (id: string, actor: string, minutesAgo = 1) => {
  const at = Date.now() - minutesAgo * 60_000;
  return {
    id,
    type: 'deployment',
    entityRef: 'system:default/ci-cd-pipeline',
    commitSha: `sha-${id}`,
    commitTime: new Date(at - 600_000).toISOString(),
    deployTime: new Date(at).toISOString(),
    environment: 'production',
    succeeded: true,
    actor,
  };
};

describe('moment routes', () => {
  it('prompts the deployer, takes their answer only, and shows it k-anonymously in the month’s round and the touchpoint', async () => {
    const server = await startSystemProductBackend();
    const journey = await request(server)
      .put(`${ENTITY}/journey`)
      .set('Authorization', owner)
      .send({
        version: 0,
        stages: [{ name: 'Ship', touchpoints: [{ name: 'Deploy' }] }],
      })
      .expect(200);
    const touchpointId = journey.body.stages[0].touchpoints[0].id;
    const body = {
      eventType: 'deployment',
      outcome: 'succeeded',
      touchpointId,
      question: 'How did this deployment go?',
      sampleRate: 1,
      cooldownDays: 14,
    };
    expect(
      (
        await request(server)
          .post(`${ENTITY}/moments`)
          .set('Authorization', as('user:default/margaret'))
          .send(body)
      ).status,
    ).toBe(403);
    const created = await request(server)
      .post(`${ENTITY}/moments`)
      .set('Authorization', owner)
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...body,
      entityRef: 'system:default/ci-cd-pipeline',
      environment: null,
      textQuestion: null,
      rounds: [],
    });

    // A pipeline posts three deployments, each naming its deployer.
    const people = ['a', 'b', 'c'].map(n => `user:default/${n}`);
    const posted = await request(server)
      .post(`${BASE}/events`)
      .set('Authorization', service)
      .send({ events: people.map((p, i) => deployment(`d${i}`, p)) });
    expect(posted.body).toMatchObject({ accepted: 3 });
    const promptOf = async (person: string) => {
      const res = await request(server)
        .get(`${BASE}/prompts`)
        .set('Authorization', as(person))
        .expect(200);
      expect(res.body.prompts).toHaveLength(1);
      return res.body.prompts[0];
    };
    let prompts: any[] = [];
    await eventually(async () => {
      prompts = await Promise.all(people.map(promptOf));
    });
    expect(prompts[0]).toMatchObject({
      entityRef: 'system:default/ci-cd-pipeline',
      question: 'How did this deployment go?',
      eventSummary: 'deployment to production, succeeded',
      answered: false,
    });

    // Someone else's prompt is not theirs to see or answer; nor a service's.
    for (const [method, path] of [
      ['get', `${BASE}/prompts/${prompts[0].id}`],
      ['post', `${BASE}/prompts/${prompts[0].id}/answer`],
    ] as const) {
      const other = await request(server)
        [method](path)
        .set('Authorization', as('user:default/margaret'))
        .send(method === 'post' ? { score: 5 } : undefined);
      expect(other.status).toBe(404);
      const bySevice = await request(server)
        [method](path)
        .set('Authorization', service)
        .send(method === 'post' ? { score: 5 } : undefined);
      expect(bySevice.status).toBe(403);
    }

    // Two answers: below k = 3, the round shows only its count.
    const answer = (i: number, score: number) =>
      request(server)
        .post(`${BASE}/prompts/${prompts[i].id}/answer`)
        .set('Authorization', as(people[i]))
        .send({ score });
    const first = await answer(0, 2);
    expect(first.status).toBe(200);
    const { roundId } = first.body;
    await answer(1, 3).expect(200);
    const results = () =>
      request(server)
        .get(`${BASE}/surveys/${roundId}/results`)
        .set('Authorization', owner)
        .expect(200);
    expect((await results()).body).toMatchObject({
      responses: 2,
      visible: false,
    });
    expect((await answer(1, 4)).status).toBe(409);
    await answer(2, 5).expect(200);
    const shown = (await results()).body;
    expect(shown).toMatchObject({ responses: 3, visible: true });
    expect(
      shown.scored.find((q: any) => q.questionId === 'moment'),
    ).toMatchObject({ answered: 3, distribution: { 2: 1, 3: 1, 5: 1 } });

    // Scores 2 and 3 are friction on Deploy (severity 4 and 3); 5 is none.
    const read = await request(server)
      .get(`${ENTITY}/journey`)
      .set('Authorization', owner);
    expect(read.body.stages[0].touchpoints[0].friction).toMatchObject({
      reports: 2,
      reporters: 2,
    });

    // The trigger lists its round; the survey card does not; nobody answers
    // it but through a prompt.
    const listed = await request(server)
      .get(`${ENTITY}/moments`)
      .set('Authorization', as('user:default/margaret'))
      .expect(200);
    expect(listed.body.triggers[0].rounds).toEqual([
      { roundId, opensAt: expect.stringMatching(/-01T00:00:00.000Z$/) },
    ]);
    const rounds = await request(server)
      .get(`${ENTITY}/surveys`)
      .set('Authorization', owner);
    expect(rounds.body.items).toEqual([]);
    const direct = await request(server)
      .post(`${BASE}/surveys/${roundId}/responses`)
      .set('Authorization', as('user:default/margaret'))
      .send({ answers: { moment: 5 } });
    expect(direct.status).toBe(409);
    expect(JSON.stringify([listed.body, shown])).not.toMatch(
      /user:default\/[abc]\b/,
    );
  });

  it('lets a user name only themselves as an event’s actor', async () => {
    const server = await startSystemProductBackend();
    const res = await request(server)
      .post(`${BASE}/events`)
      .set('Authorization', owner)
      .send({
        events: [
          deployment('self', OWNER),
          deployment('other', 'user:default/someone-else'),
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'body.events[1].actor: may name only yourself',
    );
    const malformed = await request(server)
      .post(`${BASE}/events`)
      .set('Authorization', service)
      .send({ events: [deployment('bad', 'group:default/team')] });
    expect(malformed.status).toBe(400);
  });

  it('prompts a user on a page trigger’s path, over HTTP, users only', async () => {
    const server = await startSystemProductBackend();
    const created = await request(server)
      .post(`${ENTITY}/moments`)
      .set('Authorization', owner)
      .send({
        eventType: 'page',
        page: '/create',
        question: 'Did you find a template?',
        sampleRate: 1,
        cooldownDays: 30,
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ eventType: 'page', page: '/create' });
    const jane = as('user:default/jane');
    const pages = await request(server)
      .get(`${BASE}/page-moments`)
      .set('Authorization', jane)
      .expect(200);
    expect(pages.body).toEqual({ pages: ['/create'] });

    const visit = (path: unknown, auth = jane) =>
      request(server)
        .post(`${BASE}/page-moments/visits`)
        .set('Authorization', auth)
        .send({ path });
    expect((await visit('/catalog')).body).toEqual({ prompt: null });
    const prompted = await visit('/create/tasks/7');
    expect(prompted.status).toBe(200);
    expect(prompted.body.prompt).toMatchObject({
      entityRef: 'system:default/ci-cd-pipeline',
      eventSummary: 'visit to /create/tasks/7',
    });
    // Once in its 30 days.
    expect((await visit('/create')).body).toEqual({ prompt: null });
    await request(server)
      .post(`${BASE}/prompts/${prompted.body.prompt.id}/answer`)
      .set('Authorization', jane)
      .send({ score: 4 })
      .expect(200);

    expect((await visit('create')).status).toBe(400);
    expect((await visit('/create?x=1')).status).toBe(400);
    expect((await visit('/create', service)).status).toBe(403);
    const byService = await request(server)
      .get(`${BASE}/page-moments`)
      .set('Authorization', service);
    expect(byService.status).toBe(403);
  });

  it('removes a trigger, for owners only', async () => {
    const server = await startSystemProductBackend();
    const created = await request(server)
      .post(`${ENTITY}/moments`)
      .set('Authorization', owner)
      .send({
        eventType: 'build',
        outcome: 'failed',
        question: 'What slowed you down?',
        textQuestion: 'Anything else?',
        sampleRate: 0.5,
        cooldownDays: 30,
      })
      .expect(201);
    const path = `${ENTITY}/moments/${created.body.id}`;
    await request(server)
      .delete(path)
      .set('Authorization', as('user:default/margaret'))
      .expect(403);
    await request(server).delete(path).set('Authorization', owner).expect(204);
    await request(server).delete(path).set('Authorization', owner).expect(404);
    const listed = await request(server)
      .get(`${ENTITY}/moments`)
      .set('Authorization', owner);
    expect(listed.body).toEqual({ triggers: [] });
  });
});
