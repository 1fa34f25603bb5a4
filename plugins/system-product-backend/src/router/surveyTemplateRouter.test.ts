import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import {
  OWNER,
  startSystemProductBackend,
  testSystem,
} from '../__testUtils__/startSystemProductBackend';

const BASE = '/api/system-product';
const ENTITY_REF = 'system:default/ci-cd-pipeline';
const SURVEYS = `${BASE}/entities/system/default/ci-cd-pipeline/surveys`;
const NON_OWNER = 'user:default/margaret';
const owner = mockCredentials.user.header(OWNER);
const nonOwner = mockCredentials.user.header(NON_OWNER);

/** A second system the catalog shows: its templates are its own. */
const otherSystem: Entity = {
  ...testSystem,
  metadata: { ...testSystem.metadata, name: 'billing' },
};

/** One question of every kind. */
const allKinds = {
  id: 'all-kinds',
  title: 'Every kind',
  description: 'One question of each kind',
  questions: [
    { id: 'recommend', kind: 'nps', prompt: 'Would you recommend it?' },
    { id: 'satisfied', kind: 'csat', prompt: 'How satisfied are you?' },
    {
      id: 'agree',
      kind: 'likert',
      prompt: 'Builds are fast enough',
      anchors: { low: 'Never', high: 'Always' },
    },
    { id: 'why', kind: 'text', prompt: 'Why?' },
    {
      id: 'os',
      kind: 'single',
      prompt: 'Which OS do you build on?',
      options: ['Linux', 'macOS', 'Windows'],
    },
    {
      id: 'pains',
      kind: 'multiple',
      prompt: 'What slows you down?',
      options: ['Builds', 'Reviews', 'Flaky tests', 'Docs'],
      maxChoices: 3,
    },
  ],
};

const teamPulse = {
  entityRef: ENTITY_REF,
  id: 'team-pulse',
  title: 'Team pulse',
  questions: [
    { id: 'mood', kind: 'likert', prompt: 'I like working with the pipeline' },
  ],
};

function sqlite(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
}

async function start(
  templates: object[] = [allKinds],
  db: Knex = sqlite(),
): Promise<{ server: Server; db: Knex }> {
  const server = await startSystemProductBackend(
    [mockServices.database.factory({ knex: db })],
    [testSystem, otherSystem],
    { templates },
  );
  return { server, db };
}

const as = (server: Server, auth: string) => ({
  get: (url: string) => request(server).get(url).set('Authorization', auth),
  post: (url: string, body: object) =>
    request(server).post(url).set('Authorization', auth).send(body),
  put: (url: string, body: object) =>
    request(server).put(url).set('Authorization', auth).send(body),
});

async function openRound(server: Server, templateId: string) {
  const res = await as(server, owner).post(SURVEYS, {
    templateId,
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(res.status).toBe(201);
  return res.body;
}

function answer(
  server: Server,
  user: string,
  roundId: string,
  answers: object,
) {
  return as(server, mockCredentials.user.header(user)).post(
    `${BASE}/surveys/${roundId}/responses`,
    { answers },
  );
}

describe('survey template routes', () => {
  it('lists the templates usable for an entity: platform-pulse, app-config and its own', async () => {
    const { server } = await start();
    await as(server, owner)
      .post(`${BASE}/survey-templates`, teamPulse)
      .expect(201);
    await as(server, owner)
      .post(`${BASE}/survey-templates`, {
        ...teamPulse,
        id: 'billing-pulse',
        entityRef: 'system:default/billing',
      })
      .expect(201);

    const listed = await as(server, nonOwner).get(
      `${BASE}/survey-templates?entityRef=${ENTITY_REF}`,
    );
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((t: any) => [t.id, t.source, t.version]),
    ).toEqual([
      ['all-kinds', 'config', 1],
      ['platform-pulse', 'built-in', 1],
      ['team-pulse', 'owner', 1],
    ]);
    const own = listed.body.items.find((t: any) => t.id === 'team-pulse');
    expect(own).toMatchObject({
      entityRef: ENTITY_REF,
      offered: true,
      createdBy: OWNER,
      questions: [
        {
          id: 'mood',
          kind: 'likert',
          anchors: { low: 'Strongly disagree', high: 'Strongly agree' },
        },
      ],
    });

    const hidden = await as(server, owner).get(
      `${BASE}/survey-templates?entityRef=system:default/secret-system`,
    );
    expect(hidden.status).toBe(404);
    const bad = await as(server, owner).get(
      `${BASE}/survey-templates?entityRef=${encodeURIComponent('not a ref:/')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query.entityRef');
  });

  it('answers a template by id, at an older version on request', async () => {
    const { server } = await start();
    await as(server, owner)
      .post(`${BASE}/survey-templates`, teamPulse)
      .expect(201);
    await as(server, owner)
      .put(`${BASE}/survey-templates/team-pulse`, {
        title: 'Team pulse, v2',
        questions: teamPulse.questions,
      })
      .expect(200);
    const current = await as(server, nonOwner).get(
      `${BASE}/survey-templates/team-pulse`,
    );
    expect(current.body).toMatchObject({
      title: 'Team pulse, v2',
      version: 2,
      currentVersion: 2,
    });
    const first = await as(server, nonOwner).get(
      `${BASE}/survey-templates/team-pulse?version=1`,
    );
    expect(first.body).toMatchObject({
      title: 'Team pulse',
      version: 1,
      currentVersion: 2,
    });
    const missing = await as(server, nonOwner).get(
      `${BASE}/survey-templates/team-pulse?version=3`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'Survey template team-pulse has no version 3 (its current one is 2)',
    );
    await as(server, nonOwner).get(`${BASE}/survey-templates/nope`).expect(404);
  });

  it('answers 404 for a template that rounds on the given entity cannot use', async () => {
    const { server } = await start();
    await as(server, owner)
      .post(`${BASE}/survey-templates`, teamPulse)
      .expect(201);
    const usable = (id: string, entityRef: string) =>
      as(server, owner)
        .get(`${BASE}/survey-templates/${id}?entityRef=${entityRef}`)
        .then(res => res.status);
    expect(await usable('team-pulse', ENTITY_REF)).toBe(200);
    expect(await usable('team-pulse', 'system:default/billing')).toBe(404);
    expect(await usable('platform-pulse', 'system:default/billing')).toBe(200);
    expect(await usable('all-kinds', 'system:default/billing')).toBe(200);
    // Moment triggers only; readable by id all the same.
    expect(await usable('moment', ENTITY_REF)).toBe(404);
    const moment = await as(server, owner).get(
      `${BASE}/survey-templates/moment`,
    );
    expect(moment.body).toMatchObject({ source: 'built-in', offered: false });
  });

  it('hides an owner template of an entity the caller cannot see', async () => {
    const { server, db } = await start();
    // As if made by someone who sees the entity: the catalog shows it to nobody here.
    await db('survey_templates').insert({
      id: 'secret-pulse',
      title: 'Secret',
      questions: '[]',
      source: 'owner',
      entity_ref: 'system:default/secret-system',
      version: 1,
    });
    await db('survey_template_versions').insert({
      template_id: 'secret-pulse',
      version: 1,
      title: 'Secret',
      questions: JSON.stringify([{ id: 'q', kind: 'text', prompt: 'Why?' }]),
      created_at: new Date(),
      created_by: 'user:default/someone',
    });
    const read = await as(server, owner).get(
      `${BASE}/survey-templates/secret-pulse`,
    );
    expect(read.status).toBe(404);
    expect(read.body.error.message).toBe('No survey template secret-pulse');
    const changed = await as(server, owner).put(
      `${BASE}/survey-templates/secret-pulse`,
      { title: 'Mine now', questions: teamPulse.questions },
    );
    expect(changed.status).toBe(404);
    const made = await as(server, owner).post(`${BASE}/survey-templates`, {
      ...teamPulse,
      entityRef: 'system:default/secret-system',
    });
    expect(made.status).toBe(404);
  });

  it("lets only the entity's owners make and change its templates", async () => {
    const { server } = await start();
    const refused = await as(server, nonOwner).post(
      `${BASE}/survey-templates`,
      teamPulse,
    );
    expect(refused.status).toBe(403);
    const made = await as(server, owner).post(
      `${BASE}/survey-templates`,
      teamPulse,
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ source: 'owner', version: 1 });

    const change = { title: 'Changed', questions: teamPulse.questions };
    const notOwner = await as(server, nonOwner).put(
      `${BASE}/survey-templates/team-pulse`,
      change,
    );
    expect(notOwner.status).toBe(403);
    const service = await as(server, mockCredentials.service.header()).put(
      `${BASE}/survey-templates/team-pulse`,
      { ...change, expectedVersion: 1 },
    );
    expect(service.status).toBe(200);
    expect(service.body).toMatchObject({ title: 'Changed', version: 2 });
    const stale = await as(server, owner).put(
      `${BASE}/survey-templates/team-pulse`,
      { ...change, title: 'Stale', expectedVersion: 1 },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('is at version 2, not 1');
  });

  it('refuses to change templates of app-config or built in, and an id any template has', async () => {
    const { server } = await start();
    const change = { title: 'Mine', questions: teamPulse.questions };
    const config = await as(server, owner).put(
      `${BASE}/survey-templates/all-kinds`,
      change,
    );
    expect(config.status).toBe(409);
    expect(config.body.error.message).toContain('defined in app-config');
    const builtIn = await as(server, owner).put(
      `${BASE}/survey-templates/platform-pulse`,
      change,
    );
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.error.message).toContain('is built in');
    for (const id of ['all-kinds', 'platform-pulse', 'moment']) {
      const taken = await as(server, owner).post(`${BASE}/survey-templates`, {
        ...teamPulse,
        id,
      });
      expect([id, taken.status]).toEqual([id, 409]);
    }
  });

  it.each([
    [
      'options on a scale question',
      [{ id: 'q', kind: 'nps', prompt: 'Hm?', options: ['a', 'b'] }],
      'body.questions[0].options: is only for single and multiple questions',
    ],
    [
      'a choice question without options',
      [{ id: 'q', kind: 'single', prompt: 'Which?' }],
      'body.questions[0].options: needs at least 2 options',
    ],
    [
      'an option twice',
      [
        {
          id: 'q',
          kind: 'multiple',
          prompt: 'Which?',
          options: ['Linux', ' linux'],
        },
      ],
      'body.questions[0].options[1]: repeats options[0]',
    ],
    [
      'more choices than options',
      [
        {
          id: 'q',
          kind: 'multiple',
          prompt: 'Which?',
          options: ['a', 'b'],
          maxChoices: 3,
        },
      ],
      'body.questions[0].maxChoices: must be a whole number from 1 to 2 (the number of options)',
    ],
    [
      'anchors on a text question',
      [
        {
          id: 'q',
          kind: 'text',
          prompt: 'Why?',
          anchors: { low: 'a', high: 'b' },
        },
      ],
      'body.questions[0].anchors: is only for nps, csat and likert questions',
    ],
    [
      'a question id twice',
      [
        { id: 'q', kind: 'text', prompt: 'Why?' },
        { id: 'q', kind: 'csat', prompt: 'How?' },
      ],
      'body.questions[1].id: repeats the id of questions[0]',
    ],
    [
      'one option only (the schema)',
      [{ id: 'q', kind: 'single', prompt: 'Which?', options: ['a'] }],
      'body.questions[0].options',
    ],
    ['no questions (the schema)', [], 'body.questions'],
  ])(
    'refuses a template with %s with 400 naming it',
    async (_name, questions, message) => {
      const { server } = await start();
      const res = await as(server, owner).post(`${BASE}/survey-templates`, {
        ...teamPulse,
        questions,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    },
  );

  it("opens rounds with any template usable for the entity, and no other's", async () => {
    const { server } = await start();
    await as(server, owner)
      .post(`${BASE}/survey-templates`, teamPulse)
      .expect(201);
    await as(server, owner)
      .post(`${BASE}/survey-templates`, {
        ...teamPulse,
        id: 'billing-pulse',
        entityRef: 'system:default/billing',
      })
      .expect(201);
    const round = await openRound(server, 'team-pulse');
    expect(round).toMatchObject({
      templateId: 'team-pulse',
      templateVersion: 1,
      // The template's title, unless the request gives one.
      title: 'Team pulse',
    });
    const tryOpen = (templateId: string) =>
      as(server, owner).post(SURVEYS, {
        templateId,
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    const others = await tryOpen('billing-pulse');
    expect(others.status).toBe(400);
    expect(others.body.error.message).toBe(
      "body.templateId: 'billing-pulse' is not a survey template",
    );
    const moment = await tryOpen('moment');
    expect(moment.status).toBe(400);
    expect(moment.body.error.message).toContain(
      'is the template of moment triggers',
    );
  });

  it('keeps a round on the questions, answers and results of its version when its template changes', async () => {
    const { server } = await start();
    await as(server, owner)
      .post(`${BASE}/survey-templates`, teamPulse)
      .expect(201);
    const before = await openRound(server, 'team-pulse');
    for (const [user, mood] of [
      ['user:default/a', 5],
      ['user:default/b', 4],
      ['user:default/c', 1],
    ] as const) {
      await answer(server, user, before.id, { mood }).expect(200);
    }
    await as(server, owner)
      .put(`${BASE}/survey-templates/team-pulse`, {
        title: 'Team pulse',
        questions: [
          { id: 'speed', kind: 'csat', prompt: 'How fast is it?' },
          {
            id: 'where',
            kind: 'single',
            prompt: 'Where do you work?',
            options: ['Office', 'Home'],
          },
        ],
      })
      .expect(200);
    const after = await openRound(server, 'team-pulse');
    expect(after.templateVersion).toBe(2);
    expect(after.questions.map((q: any) => q.id)).toEqual(['speed', 'where']);

    const list = await as(server, owner).get(SURVEYS);
    const old = list.body.items.find((r: any) => r.id === before.id);
    expect(old.templateVersion).toBe(1);
    expect(old.questions.map((q: any) => q.id)).toEqual(['mood']);
    // 2 of 3 agree (4 or 5).
    expect(old.scores).toEqual({ mood: (100 * 2) / 3 });
    const results = await as(server, owner).get(
      `${BASE}/surveys/${before.id}/results`,
    );
    expect(results.body.scored).toEqual([
      expect.objectContaining({
        questionId: 'mood',
        answered: 3,
        distribution: { 1: 1, 4: 1, 5: 1 },
      }),
    ]);
    // The old round still takes answers to its own questions only.
    const wrong = await answer(server, 'user:default/d', before.id, {
      speed: 3,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe(
      'body.answers.speed: is not a question of this round',
    );
  });

  it('aggregates every kind of question once k answered, choice shares against the respondents', async () => {
    const { server } = await start();
    const round = await openRound(server, 'all-kinds');
    expect(
      round.questions.find((q: any) => q.id === 'recommend').anchors,
    ).toEqual({ low: 'Not at all likely', high: 'Extremely likely' });
    expect(round.questions.find((q: any) => q.id === 'agree').anchors).toEqual({
      low: 'Never',
      high: 'Always',
    });
    const results = () =>
      as(server, nonOwner)
        .get(`${BASE}/surveys/${round.id}/results`)
        .then(res => res.body);

    await answer(server, 'user:default/a', round.id, {
      recommend: 10,
      satisfied: 5,
      agree: 4,
      why: 'Fast',
      os: 0,
      pains: [2, 0],
    }).expect(200);
    await answer(server, 'user:default/b', round.id, {
      recommend: 9,
      satisfied: 3,
      agree: 2,
      why: 'Slow builds',
      os: 0,
      pains: [0],
    }).expect(200);
    expect(await results()).toMatchObject({ visible: false, moreNeeded: 1 });

    await answer(server, 'user:default/c', round.id, {
      recommend: 3,
      satisfied: 4,
      agree: 5,
      os: 1,
      pains: [0, 1, 2],
    }).expect(200);
    const shown = await results();
    expect(shown).toMatchObject({ visible: true, publishedResponses: 3 });
    // Promoters 10 and 9, detractor 3: (2 - 1) / 3.
    expect(shown.scored).toEqual([
      {
        questionId: 'recommend',
        kind: 'nps',
        answered: 3,
        visible: true,
        distribution: { 3: 1, 9: 1, 10: 1 },
        mean: 22 / 3,
        score: 100 / 3,
      },
      {
        questionId: 'satisfied',
        kind: 'csat',
        answered: 3,
        visible: true,
        distribution: { 3: 1, 4: 1, 5: 1 },
        mean: 4,
        score: 200 / 3,
      },
      {
        questionId: 'agree',
        kind: 'likert',
        answered: 3,
        visible: true,
        distribution: { 2: 1, 4: 1, 5: 1 },
        mean: 11 / 3,
        score: 200 / 3,
      },
    ]);
    expect(shown.choice).toEqual([
      {
        questionId: 'os',
        kind: 'single',
        answered: 3,
        visible: true,
        options: [
          { index: 0, label: 'Linux', count: 2, share: 200 / 3 },
          { index: 1, label: 'macOS', count: 1, share: 100 / 3 },
          { index: 2, label: 'Windows', count: 0, share: 0 },
        ],
      },
      {
        questionId: 'pains',
        kind: 'multiple',
        answered: 3,
        visible: true,
        // 6 choices of 3 people: the shares add up to 200 %.
        options: [
          { index: 0, label: 'Builds', count: 3, share: 100 },
          { index: 1, label: 'Reviews', count: 1, share: 100 / 3 },
          { index: 2, label: 'Flaky tests', count: 2, share: 200 / 3 },
          { index: 3, label: 'Docs', count: 0, share: 0 },
        ],
      },
    ]);
    // Two texts: fewer than k.
    expect(shown.text).toEqual([
      { questionId: 'why', answered: 2, visible: false, answers: [] },
    ]);
    // Only the scale questions have scores.
    const list = await as(server, nonOwner).get(SURVEYS);
    expect(Object.keys(list.body.items[0].scores).sort()).toEqual([
      'agree',
      'recommend',
      'satisfied',
    ]);

    // A fourth response moves nothing until k new ones arrived.
    await answer(server, 'user:default/d', round.id, {
      os: 2,
      pains: [3],
    }).expect(200);
    const unchanged = await results();
    expect(unchanged.choice).toEqual(shown.choice);
    expect(unchanged).toMatchObject({ responses: 4, nextUpdateAfter: 2 });

    // A person's own answer comes back as given.
    const mine = await as(
      server,
      mockCredentials.user.header('user:default/a'),
    ).get(`${BASE}/surveys/${round.id}/responses/mine`);
    expect(mine.body.answers).toEqual({
      recommend: 10,
      satisfied: 5,
      agree: 4,
      why: 'Fast',
      os: 0,
      pains: [0, 2],
    });
  });

  it('hides a choice question that fewer than k answered, even in a published round', async () => {
    const { server } = await start();
    const round = await openRound(server, 'all-kinds');
    await answer(server, 'user:default/a', round.id, {
      os: 0,
      pains: [0, 1, 2],
    });
    await answer(server, 'user:default/b', round.id, {
      os: 1,
      pains: [0, 1, 2],
    });
    await answer(server, 'user:default/c', round.id, { os: 1 });
    const res = await as(server, nonOwner).get(
      `${BASE}/surveys/${round.id}/results`,
    );
    expect(res.body.visible).toBe(true);
    // 6 choices, but 2 people.
    expect(res.body.choice).toEqual([
      expect.objectContaining({ questionId: 'os', visible: true, answered: 3 }),
      { questionId: 'pains', kind: 'multiple', answered: 2, visible: false },
    ]);
  });

  it.each([
    [
      { recommend: 11 },
      'body.answers.recommend: must be an integer from 0 to 10 (question "recommend" is nps)',
    ],
    [
      { satisfied: 0 },
      'body.answers.satisfied: must be an integer from 1 to 5 (question "satisfied" is csat)',
    ],
    [
      { agree: 6 },
      'body.answers.agree: must be an integer from 1 to 5 (question "agree" is likert)',
    ],
    [
      { why: 4 },
      'body.answers.why: must be a text (question "why" is free text)',
    ],
    [
      { os: 3 },
      'body.answers.os: must be the index of one option, an integer from 0 to 2 (question "os" is single choice)',
    ],
    [{ os: 'Linux' }, 'body.answers.os: must be the index of one option'],
    [{ os: [0] }, 'body.answers.os: must be the index of one option'],
    [
      { pains: 1 },
      'body.answers.pains: must be a list of option indexes, integers from 0 to 3 (question "pains" is multiple choice)',
    ],
    [
      { pains: [] },
      'body.answers.pains: must choose at least one option; null withdraws the answer',
    ],
    [
      { pains: [4] },
      'body.answers.pains: holds 4, which is not an option index (0 to 3)',
    ],
    [
      { pains: [-1] },
      'body.answers.pains: holds -1, which is not an option index (0 to 3)',
    ],
    [{ pains: [1, 1] }, 'body.answers.pains: names an option more than once'],
    [
      { pains: [0, 1, 2, 3] },
      'body.answers.pains: chooses 4 options, at most 3 are allowed',
    ],
    [{ pains: ['Docs'] }, 'body.answers.pains'],
  ])(
    'refuses the answer %j with 400 naming the question and why',
    async (answers, message) => {
      const { server } = await start();
      const round = await openRound(server, 'all-kinds');
      const res = await answer(server, 'user:default/a', round.id, answers);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      const results = await as(server, owner).get(
        `${BASE}/surveys/${round.id}/results`,
      );
      expect(results.body.responses).toBe(0);
    },
  );
});

describe('survey templates of app-config', () => {
  const later = (templates: object[], db: Knex) => start(templates, db);

  it('makes a version only when a template changed, and keeps one removed readable for its rounds', async () => {
    const db = sqlite();
    const first = await start([allKinds], db);
    const round = await openRound(first.server, 'all-kinds');

    // Started again with the same config: still version 1.
    const same = await later([allKinds], db);
    const unchanged = await as(same.server, owner).get(
      `${BASE}/survey-templates/all-kinds`,
    );
    expect(unchanged.body).toMatchObject({
      version: 1,
      createdBy: 'app-config',
    });

    const changed = await later(
      [{ ...allKinds, questions: allKinds.questions.slice(0, 2) }],
      db,
    );
    const v2 = await as(changed.server, owner).get(
      `${BASE}/survey-templates/all-kinds`,
    );
    expect(v2.body).toMatchObject({ version: 2 });
    expect(v2.body.questions).toHaveLength(2);
    const opened = await openRound(changed.server, 'all-kinds');
    expect(opened).toMatchObject({ templateVersion: 2 });

    const removed = await later([], db);
    const readable = await as(removed.server, owner).get(
      `${BASE}/survey-templates/all-kinds`,
    );
    expect(readable.body).toMatchObject({ version: 2, offered: false });
    const listed = await as(removed.server, owner).get(
      `${BASE}/survey-templates?entityRef=${ENTITY_REF}`,
    );
    expect(listed.body.items.map((t: any) => t.id)).toEqual(['platform-pulse']);
    const oldRound = await as(removed.server, owner).get(SURVEYS);
    const kept = oldRound.body.items.find((r: any) => r.id === round.id);
    expect(kept.questions).toHaveLength(6);
    await answer(removed.server, 'user:default/a', round.id, { os: 2 }).expect(
      200,
    );
    const refused = await as(removed.server, owner).post(SURVEYS, {
      templateId: 'all-kinds',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      "'all-kinds' was removed from app-config",
    );
  });

  it('stops the backend on an id that an owner template has', async () => {
    const db = sqlite();
    const { server } = await start([], db);
    await as(server, owner)
      .post(`${BASE}/survey-templates`, teamPulse)
      .expect(201);
    await expect(
      start([{ ...allKinds, id: 'team-pulse' }], db),
    ).rejects.toThrow(
      `systemProduct.survey.templates[0].id: 'team-pulse' is already the id of an owner template of ${ENTITY_REF}`,
    );
  });

  it.each([
    [
      [{ ...allKinds, id: 'platform-pulse' }],
      "systemProduct.survey.templates[0].id: 'platform-pulse' is a built-in template, which app-config cannot redefine",
    ],
    [
      [
        allKinds,
        {
          id: 'broken',
          title: 'Broken',
          questions: [
            { id: 'a', kind: 'text', prompt: 'A?' },
            { id: 'b', kind: 'csat', prompt: 'B?' },
            { id: 'c', kind: 'single', prompt: 'C?', options: ['only'] },
          ],
        },
      ],
      'systemProduct.survey.templates[1].questions[2].options: needs at least 2 options',
    ],
    [
      [allKinds, allKinds],
      'systemProduct.survey.templates[1].id: repeats the id of systemProduct.survey.templates[0]',
    ],
    [
      [
        {
          id: 'x',
          title: 'X',
          questions: [{ id: 'q', kind: 'rating', prompt: 'Q?' }],
        },
      ],
      'systemProduct.survey.templates[0].questions[0].kind: must be one of nps, csat, likert, text, single, multiple',
    ],
    [
      [{ id: 'no title', questions: [] }],
      'systemProduct.survey.templates[0].id: must be up to 64 letters',
    ],
  ])('refuses to start with %j', async (templates, message) => {
    await expect(start(templates)).rejects.toThrow(message);
  });
});
