import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { emptyCanvasContent } from '@system-product/backstage-plugin-common';
import request from 'supertest';
import { eventually } from '@internal/system-product-test-utils';
import {
  OWNER,
  startSystemProductBackend as startBackend,
} from '../__testUtils__/startSystemProductBackend';

const canvasPath =
  '/api/system-product/entities/system/default/ci-cd-pipeline/canvas';

function update(version: number, value: string) {
  const content = emptyCanvasContent();
  content.valueProposition.value = value;
  return { version, content };
}

describe('canvas routes', () => {
  it('answers health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/system-product/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('requires credentials to read a canvas', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(canvasPath)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('serves an empty version-0 canvas for a visible entity that has none', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(canvasPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'system:default/ci-cd-pipeline',
      version: 0,
      content: emptyCanvasContent(),
    });
  });

  it('answers 404 for an entity the caller cannot see', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/system-product/entities/system/default/secret-system/canvas')
      .set('Authorization', mockCredentials.user.header(OWNER));
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('lets an owner save, then rejects a stale save with 409', async () => {
    const server = await startBackend();
    const auth = mockCredentials.user.header(OWNER);
    const first = await request(server)
      .put(canvasPath)
      .set('Authorization', auth)
      .send(update(0, 'Ship safely'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, updatedBy: OWNER });

    const stale = await request(server)
      .put(canvasPath)
      .set('Authorization', auth)
      .send(update(0, 'Overwrite'));
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('at version 1');

    const read = await request(server)
      .get(canvasPath)
      .set('Authorization', auth);
    expect(read.body.content.valueProposition.value).toBe('Ship safely');

    const revisions = await request(server)
      .get(`${canvasPath}/revisions`)
      .set('Authorization', auth);
    expect(revisions.body.items).toHaveLength(1);
  });

  it('forbids a non-owner from changing the canvas', async () => {
    const server = await startBackend();
    const res = await request(server)
      .put(canvasPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      )
      .send(update(0, 'Not mine'));
    expect(res.status).toBe(403);
  });

  it('names the offending field of a malformed update', async () => {
    const server = await startBackend();
    const body = update(0, 'x') as any;
    body.content.journey.touchpoints = 'not a list';
    const res = await request(server)
      .put(canvasPath)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'body.content.journey.touchpoints: must be an array',
    );
  });

  it.each([
    [
      { version: -1, content: emptyCanvasContent() },
      'body.version: must be at least 0',
    ],
    [{ content: emptyCanvasContent() }, 'body.version: is required'],
    [{ version: 0 }, 'body.content: is required'],
    [
      { version: 0, content: { ...emptyCanvasContent(), vision: 'x' } },
      'body.content.vision: is not a known field',
    ],
    [
      {
        version: 0,
        content: {
          ...emptyCanvasContent(),
          users: { personas: [{ name: 1 }] },
        },
      },
      'body.content.users.personas[0].description: is required',
    ],
  ])(
    'rejects the canvas %j with 400 naming the rule',
    async (body, message) => {
      const server = await startBackend();
      const res = await request(server)
        .put(canvasPath)
        .set('Authorization', mockCredentials.user.header(OWNER))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    },
  );

  it('audits every canvas change, allowed or not, without the content', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const server = await startBackend([auditor.factory]);
    await request(server)
      .put(canvasPath)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(update(0, 'Ship safely'));
    await request(server)
      .put(canvasPath)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret'),
      )
      .send(update(1, 'Not mine'));

    expect(auditor.createEvent).toHaveBeenCalledTimes(2);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'canvas-update',
        meta: { entityRef: 'system:default/ci-cd-pipeline' },
      }),
    );
    await eventually(() =>
      expect(event.success).toHaveBeenCalledWith({
        meta: { baseVersion: 0, version: 1 },
      }),
    );
    await eventually(() =>
      expect(event.fail).toHaveBeenCalledWith(
        expect.objectContaining({
          meta: { baseVersion: 1, status: 403 },
          error: expect.objectContaining({ name: 'NotAllowedError' }),
        }),
      ),
    );
  });

  it('answers 413 for a body over the default size of 1 MB', async () => {
    const server = await startBackend();
    const res = await request(server)
      .put(canvasPath)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(update(0, 'x'.repeat(1100 * 1024)));
    expect(res.status).toBe(413);
  });
});
