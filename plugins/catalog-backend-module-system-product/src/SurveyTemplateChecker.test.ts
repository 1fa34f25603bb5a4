import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { SurveyTemplateChecker } from './SurveyTemplateChecker';
import { SystemProductAnnotationsProcessor } from './SystemProductAnnotationsProcessor';

const ENTITY_REF = 'system:default/ci-cd-pipeline';

function answering(status: number, body?: unknown) {
  return jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? '' : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
}

const notFound = (message: string) => ({
  error: { name: 'NotFoundError', message },
  response: { statusCode: 404 },
});

function checker(
  fetch: jest.Mock,
  options: {
    templates?: Array<{ id: string; title: string; questions: never[] }>;
    now?: () => number;
  } = {},
) {
  const logger = mockServices.logger.mock();
  const check = new SurveyTemplateChecker({
    config: mockServices.rootConfig({
      data: options.templates
        ? { systemProduct: { survey: { templates: options.templates } } }
        : {},
    }),
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
    logger,
    fetch: fetch as unknown as typeof globalThis.fetch,
    now: options.now,
  });
  return { check, logger };
}

describe('SurveyTemplateChecker', () => {
  it('knows platform-pulse and the templates of app-config without asking', async () => {
    const fetch = answering(500);
    const { check } = checker(fetch, {
      templates: [{ id: 'onboarding', title: 'Onboarding', questions: [] }],
    });
    await expect(check.check('platform-pulse', ENTITY_REF)).resolves.toBe(
      undefined,
    );
    await expect(check.check('onboarding', ENTITY_REF)).resolves.toBe(
      undefined,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('names moment as the template of moment triggers', async () => {
    const fetch = answering(200, {});
    const { check } = checker(fetch);
    await expect(check.check('moment', ENTITY_REF)).resolves.toBe(
      'system-product/survey: "moment" is the built-in template of moment triggers, which survey rounds cannot use; name another template (or leave the annotation out for platform-pulse)',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the backend with a service token about any other id, and keeps its answer 5 minutes', async () => {
    const fetch = answering(
      404,
      notFound(
        'Survey template team-pulse cannot be used for rounds on system:default/ci-cd-pipeline',
      ),
    );
    let now = 1_000_000;
    const { check } = checker(fetch, { now: () => now });
    const problem =
      'system-product/survey: "team-pulse" is not a survey template that rounds on system:default/ci-cd-pipeline can use (Survey template team-pulse cannot be used for rounds on system:default/ci-cd-pipeline); use platform-pulse, a template of systemProduct.survey.templates or one this entity\'s owners made';
    await expect(check.check('team-pulse', ENTITY_REF)).resolves.toBe(problem);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:0/api/system-product/survey-templates/team-pulse?entityRef=system%3Adefault%2Fci-cd-pipeline',
      {
        headers: {
          Authorization: expect.stringMatching(
            /^Bearer mock-service-token:.*"target":"system-product"/,
          ),
        },
      },
    );
    now += 4 * 60_000;
    await expect(check.check('team-pulse', ENTITY_REF)).resolves.toBe(problem);
    expect(fetch).toHaveBeenCalledTimes(1);
    now += 2 * 60_000;
    await check.check('team-pulse', ENTITY_REF);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('accepts a template the backend answers, and remembers that too', async () => {
    const fetch = answering(200, { id: 'team-pulse' });
    const { check } = checker(fetch);
    await expect(check.check('team-pulse', ENTITY_REF)).resolves.toBe(
      undefined,
    );
    await check.check('team-pulse', ENTITY_REF);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a backend that fails', answering(500, { error: { name: 'Error' } })],
    ['a 404 that is not about the template (no such route)', answering(404)],
    [
      'a backend that cannot be reached',
      jest.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    ],
  ])(
    'reports nothing for %s, logs it and asks again next time',
    async (_name, fetch) => {
      const { check, logger } = checker(fetch as jest.Mock);
      await expect(check.check('team-pulse', ENTITY_REF)).resolves.toBe(
        undefined,
      );
      await check.check('team-pulse', ENTITY_REF);
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(logger.debug).toHaveBeenCalledWith(
        expect.stringContaining(
          'Could not check survey template team-pulse of system:default/ci-cd-pipeline',
        ),
      );
    },
  );

  it("reports an unknown template in the entity's status, as the other problems", async () => {
    const fetch = answering(404, notFound('No survey template nope'));
    const { check } = checker(fetch);
    const processor = new SystemProductAnnotationsProcessor({
      reader: mockServices.urlReader.mock(),
      surveyTemplates: check,
    });
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'ci-cd-pipeline',
        annotations: { 'system-product/survey': 'nope' },
      },
      spec: { owner: 'group:default/platform-team' },
    };
    const cache = { get: async () => undefined, set: async () => {} };
    const result = (await processor.postProcessEntity(
      entity,
      { type: 'url', target: 'https://example.com/catalog-info.yaml' },
      jest.fn(),
      cache,
    )) as AlphaEntity;
    expect(result.status?.items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message: expect.stringMatching(
          /^InputError: system-product\/survey: "nope" is not a survey template that rounds on system:default\/ci-cd-pipeline can use \(No survey template nope\)/,
        ),
      }),
    ]);
    // Off, or a value refused by its syntax, is not asked about.
    for (const value of ['off', 'platform pulse']) {
      await processor.postProcessEntity(
        {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: { 'system-product/survey': value },
          },
        },
        { type: 'url', target: 'https://example.com/catalog-info.yaml' },
        jest.fn(),
        cache,
      );
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
