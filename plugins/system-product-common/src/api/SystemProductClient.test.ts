import { SystemProductClient, entityPath } from './SystemProductClient';

const entity = { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' };

function clientAnswering(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new SystemProductClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://backend/api/system-product',
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('SystemProductClient', () => {
  it('reads the canvas from the entity path of the catalog by-name API', async () => {
    const canvas = { entityRef: 'system:default/ci-cd-pipeline', version: 3 };
    const { client, fetch } = clientAnswering(200, canvas);
    await expect(client.getCanvas(entity)).resolves.toEqual(canvas);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/canvas',
    );
  });

  it('turns an error body into a ResponseError carrying the status', async () => {
    const { client } = clientAnswering(409, {
      error: { name: 'ConflictError', message: 'Canvas changed meanwhile' },
      response: { statusCode: 409 },
    });
    await expect(
      client.updateCanvas(entity, { version: 1, content: {} as any }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });

  it('asks for the DORA figures of the chosen period', async () => {
    const { client, fetch } = clientAnswering(200, { days: 90 });
    await client.getDora(entity, { days: 90 });
    await client.getDora(entity);
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/dora?days=90',
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/dora',
    ]);
  });

  it('says and withdraws "me too" on the touchpoint\'s path', async () => {
    const friction = { reports: 0, meToo: null, youSaidMeToo: true };
    const { client, fetch } = clientAnswering(200, friction);
    await expect(client.setMeToo(entity, 'tp 1', true)).resolves.toEqual(
      friction,
    );
    await client.setMeToo(entity, 'tp 1', false);
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      [
        'PUT',
        'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/touchpoints/tp%201/me-too',
      ],
      [
        'DELETE',
        'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/touchpoints/tp%201/me-too',
      ],
    ]);
  });

  it("reads, adds and removes the entity's moment triggers", async () => {
    const trigger = { id: 'mt 1', question: 'How did it go?', rounds: [] };
    const { client, fetch } = clientAnswering(200, { triggers: [trigger] });
    await expect(client.getMomentTriggers(entity)).resolves.toEqual([trigger]);
    const request = {
      eventType: 'deployment' as const,
      outcome: 'succeeded' as const,
      environment: 'production',
      question: 'How did it go?',
      sampleRate: 0.1,
      cooldownDays: 14,
    };
    await client.createMomentTrigger(entity, request);
    await client.deleteMomentTrigger(entity, 'mt 1');
    const moments =
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/moments';
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['GET', moments],
      ['POST', moments],
      ['DELETE', `${moments}/mt%201`],
    ]);
    expect(JSON.parse(fetch.mock.calls[1][1]!.body as string)).toEqual(request);
  });

  it("reads the caller's prompts and answers one", async () => {
    const prompt = { id: 'p/1', question: 'How did it go?', answered: false };
    const { client, fetch } = clientAnswering(200, { prompts: [prompt] });
    await expect(client.getMyPrompts()).resolves.toEqual([prompt]);
    await client.getPrompt('p/1');
    await client.answerPrompt('p/1', { score: 2, text: 'Slow queue' });
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['GET', 'http://backend/api/system-product/prompts'],
      ['GET', 'http://backend/api/system-product/prompts/p%2F1'],
      ['POST', 'http://backend/api/system-product/prompts/p%2F1/answer'],
    ]);
    expect(JSON.parse(fetch.mock.calls[2][1]!.body as string)).toEqual({
      score: 2,
      text: 'Slow queue',
    });
  });

  it('reads the paths of page moments and reports a visit to one', async () => {
    const pages = clientAnswering(200, { pages: ['/create'] });
    await expect(pages.client.getPageMoments()).resolves.toEqual(['/create']);
    expect(pages.fetch.mock.calls[0][0]).toBe(
      'http://backend/api/system-product/page-moments',
    );
    const prompt = { id: 'p1', question: 'Found a template?' };
    const visit = clientAnswering(200, { prompt });
    await expect(visit.client.reportPageVisit('/create/x')).resolves.toEqual(
      prompt,
    );
    const [url, init] = visit.fetch.mock.calls[0];
    expect([init?.method, url]).toEqual([
      'POST',
      'http://backend/api/system-product/page-moments/visits',
    ]);
    expect(JSON.parse(init!.body as string)).toEqual({ path: '/create/x' });
    const none = clientAnswering(200, { prompt: null });
    await expect(none.client.reportPageVisit('/catalog')).resolves.toBeNull();
  });

  it('answers the round an answer joined, and rejects a late one with its 409', async () => {
    const recorded = clientAnswering(200, {
      status: 'recorded',
      roundId: 'r1',
    });
    await expect(
      recorded.client.answerPrompt('p1', { score: 5 }),
    ).resolves.toEqual({ roundId: 'r1' });
    const late = clientAnswering(409, {
      error: { name: 'ConflictError', message: 'Prompt p1 expired at …' },
      response: { statusCode: 409 },
    });
    await expect(
      late.client.answerPrompt('p1', { score: 5 }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });

  it("reads and sets the entity's review cadence, lists, makes and reads reviews", async () => {
    const { client, fetch } = clientAnswering(200, {
      cadence: 'weekly',
      items: [{ id: 'rv1' }],
    });
    await expect(client.getReviewSettings(entity)).resolves.toMatchObject({
      cadence: 'weekly',
    });
    await client.setReviewSettings(entity, { cadence: 'monthly' });
    await expect(client.getReviews(entity)).resolves.toEqual([{ id: 'rv1' }]);
    await client.createReview(entity);
    await client.getReview(entity, 'rv 1');
    const base =
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline';
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['GET', `${base}/review-settings`],
      ['PUT', `${base}/review-settings`],
      ['GET', `${base}/reviews`],
      ['POST', `${base}/reviews`],
      ['GET', `${base}/reviews/rv%201`],
    ]);
    expect(JSON.parse(fetch.mock.calls[1][1]!.body as string)).toEqual({
      cadence: 'monthly',
    });
  });

  it("reads the caller's own survey answer, and none on a 404", async () => {
    const mine = {
      roundId: 'r1',
      submittedAt: '2026-11-20T10:00:00.000Z',
      answers: { nps: 9 },
    };
    const answered = clientAnswering(200, mine);
    await expect(answered.client.getMySurveyAnswer('r1')).resolves.toEqual(
      mine,
    );
    expect(answered.fetch.mock.calls[0][0]).toBe(
      'http://backend/api/system-product/surveys/r1/responses/mine',
    );
    const none = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'No answer' },
      response: { statusCode: 404 },
    });
    await expect(none.client.getMySurveyAnswer('r1')).resolves.toBeUndefined();
    const forbidden = clientAnswering(403, {
      error: { name: 'NotAllowedError', message: 'Users only' },
      response: { statusCode: 403 },
    });
    await expect(
      forbidden.client.getMySurveyAnswer('r1'),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  it("reads and sets the caller's loop notifications", async () => {
    const { client, fetch } = clientAnswering(200, { enabled: true });
    await expect(client.getLoopNotifications()).resolves.toEqual({
      enabled: true,
    });
    await client.setLoopNotifications({ enabled: false });
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['GET', 'http://backend/api/system-product/me/loop-notifications'],
      ['PUT', 'http://backend/api/system-product/me/loop-notifications'],
    ]);
    expect(JSON.parse(fetch.mock.calls[1][1]!.body as string)).toEqual({
      enabled: false,
    });
  });

  it('lists, reads, makes and changes survey templates', async () => {
    const template = { id: 'team pulse', version: 2 };
    const { client, fetch } = clientAnswering(200, { items: [template] });
    await expect(client.getSurveyTemplates(entity)).resolves.toEqual([
      template,
    ]);
    const one = clientAnswering(200, template);
    await expect(
      one.client.getSurveyTemplate('team pulse', { version: 1 }),
    ).resolves.toEqual(template);
    await one.client.getSurveyTemplate('team pulse');
    const questions = [
      {
        id: 'pains',
        kind: 'multiple' as const,
        prompt: 'What slows you down?',
        options: ['Builds', 'Reviews'],
        maxChoices: 1,
      },
    ];
    await one.client.createSurveyTemplate({
      entityRef: 'system:default/ci-cd-pipeline',
      id: 'team pulse',
      title: 'Team pulse',
      questions,
    });
    await one.client.updateSurveyTemplate('team pulse', {
      title: 'Team pulse',
      questions,
      expectedVersion: 2,
    });
    expect(
      [...fetch.mock.calls, ...one.fetch.mock.calls].map(([url, init]) => [
        init?.method,
        url,
      ]),
    ).toEqual([
      [
        'GET',
        'http://backend/api/system-product/survey-templates?entityRef=system%3Adefault%2Fci-cd-pipeline',
      ],
      [
        'GET',
        'http://backend/api/system-product/survey-templates/team%20pulse?version=1',
      ],
      [
        'GET',
        'http://backend/api/system-product/survey-templates/team%20pulse',
      ],
      ['POST', 'http://backend/api/system-product/survey-templates'],
      [
        'PUT',
        'http://backend/api/system-product/survey-templates/team%20pulse',
      ],
    ]);
    expect(JSON.parse(one.fetch.mock.calls[3][1]!.body as string)).toEqual({
      title: 'Team pulse',
      questions,
      expectedVersion: 2,
    });
  });

  it('passes on the 409 of a template defined in app-config', async () => {
    const { client } = clientAnswering(409, {
      error: {
        name: 'ConflictError',
        message: 'Survey template onboarding is defined in app-config',
      },
      response: { statusCode: 409 },
    });
    await expect(
      client.updateSurveyTemplate('onboarding', { title: 'x', questions: [] }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });

  it('escapes names that are not URL-safe', () => {
    expect(entityPath({ kind: 'Group', namespace: 'a b', name: 'x/y' })).toBe(
      '/entities/group/a%20b/x%2Fy',
    );
  });
});
