import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from './createRouter';

/**
 * A backend whose canvas service answers with a field the document does
 * not name: with systemProduct.validateResponses the answer is a 500 naming
 * it, without it the body goes out as it is.
 */
function appAnswering(body: object, validateResponses: boolean) {
  const router = createRouter({
    canvases: { getCanvas: async () => body } as any,
    surveys: {} as any,
    surveyTemplates: {} as any,
    journeys: {} as any,
    moments: {} as any,
    loop: {} as any,
    reviews: {} as any,
    roadmap: {} as any,
    portfolio: {} as any,
    events: {} as any,
    slos: {} as any,
    httpAuth: mockServices.httpAuth({ defaultCredentials: undefined }),
    auditor: mockServices.auditor.mock(),
    logger: mockServices.logger.mock(),
    maxBodySize: '1mb',
    validateResponses,
  });
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  return express().use(router).use(middleware.error());
}

const canvas = {
  entityRef: 'system:default/ci-cd-pipeline',
  version: 1,
  content: emptyCanvasContent(),
};
const path = '/entities/system/default/ci-cd-pipeline/canvas';

describe('systemProduct.validateResponses', () => {
  it('lets a response that follows the document through', async () => {
    const res = await request(appAnswering(canvas, true)).get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(canvas);
  });

  it('answers 500 naming the field where a response strays from the document', async () => {
    const strays = { ...canvas, content: { ...canvas.content, extra: 1 } };
    const res = await request(appAnswering(strays, true)).get(path);
    expect(res.status).toBe(500);
    expect(res.body.error.message).toMatch(/content.*extra|additional/i);
  });

  it('is off by default: the body goes out as the service made it', async () => {
    const strays = { ...canvas, extra: 1 };
    const res = await request(appAnswering(strays, false)).get(path);
    expect(res.status).toBe(200);
    expect(res.body.extra).toBe(1);
  });
});
