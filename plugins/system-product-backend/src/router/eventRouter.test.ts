import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { eventually } from '@internal/system-product-test-utils';
import { startSystemProductBackend } from '../__testUtils__/startSystemProductBackend';

const deployment = (id: string, overrides: object = {}) => ({
  id,
  entityRef: 'system:default/ci-cd-pipeline',
  type: 'deployment',
  commitSha: 'abc123',
  commitTime: '2026-11-20T10:00:00Z',
  deployTime: '2026-11-20T12:30:00Z',
  environment: 'production',
  succeeded: true,
  ...overrides,
});

function post(
  server: any,
  events: unknown[],
  auth = mockCredentials.service.header(),
) {
  return request(server)
    .post('/api/system-product/events')
    .set('Authorization', auth)
    .send({ events });
}

describe('POST /events', () => {
  it('stores a batch from a pipeline and is idempotent by event id', async () => {
    const server = await startSystemProductBackend();
    const first = await post(server, [
      deployment('d-1'),
      {
        id: 'i-1',
        entityRef: 'system:default/ci-cd-pipeline',
        type: 'incident',
        started: '2026-11-21T08:00:00Z',
        detected: '2026-11-21T08:05:00Z',
        resolved: '2026-11-21T09:00:00Z',
        causedByDeployment: 'd-1',
      },
      {
        id: 't-1',
        entityRef: 'system:default/ci-cd-pipeline',
        type: 'ticket',
        opened: '2026-11-21T08:00:00Z',
        firstResponse: '2026-11-21T10:00:00Z',
      },
      {
        id: 'b-1',
        entityRef: 'system:default/ci-cd-pipeline',
        type: 'build',
        finished: '2026-11-21T08:00:00Z',
        durationSeconds: 420,
        succeeded: false,
      },
      {
        id: 'c-1',
        entityRef: 'system:default/ci-cd-pipeline',
        type: 'custom',
        name: 'flaky-tests',
        value: 17,
        time: '2026-11-21T08:00:00Z',
      },
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: 5, duplicates: 0, rejected: [] });

    const again = await post(server, [
      deployment('d-1'),
      deployment('d-2'),
      deployment('d-2'),
    ]);
    expect(again.body).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
  });

  it('audits each batch with its counts, never its events', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const server = await startSystemProductBackend([auditor.factory]);
    await post(server, [deployment('d-1'), deployment('d-1')]);
    await post(server, [
      deployment('d-2'),
      deployment('d-3', { entityRef: 'system:default/unknown' }),
    ]);

    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'delivery-events-ingest',
        severityLevel: 'low',
        meta: {},
      }),
    );
    await eventually(() => {
      expect(event.success).toHaveBeenCalledWith({
        meta: { events: 2, accepted: 1, duplicates: 1, rejected: 0 },
      });
      expect(event.fail).toHaveBeenCalledWith(
        expect.objectContaining({ meta: { events: 2, status: 400 } }),
      );
    });
  });

  it('refuses a batch with bad events as a whole, naming each, and stores none', async () => {
    const server = await startSystemProductBackend();
    const res = await post(server, [
      deployment('ok-1'),
      deployment('bad-time', { deployTime: 'yesterday' }),
      deployment('backwards', { deployTime: '2026-11-19T00:00:00Z' }),
      { id: 'x', entityRef: 'system:default/ci-cd-pipeline', type: 'meeting' },
      deployment('elsewhere', { entityRef: 'system:default/secret-system' }),
      deployment('no-ref', { entityRef: 'not a ref:' }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      name: 'InputError',
      message: expect.stringMatching(
        /^5 of 6 events are invalid, so none was stored: body\.events\[1\]\.deployTime: must be an ISO 8601 date-time/,
      ),
      rejected: [
        {
          index: 1,
          id: 'bad-time',
          field: 'deployTime',
          reason: expect.stringContaining('must be an ISO 8601 date-time'),
        },
        {
          index: 2,
          id: 'backwards',
          field: 'deployTime',
          reason: 'must not be before the start it ends',
        },
        {
          index: 3,
          id: 'x',
          field: 'type',
          reason: 'must be one of deployment, incident, ticket, build, custom',
        },
        {
          index: 4,
          id: 'elsewhere',
          field: 'entityRef',
          reason:
            'names no entity system:default/secret-system that you may post events for',
        },
        {
          index: 5,
          id: 'no-ref',
          field: 'entityRef',
          reason: expect.stringContaining('must be an entity ref'),
        },
      ],
    });
    // Nothing of the batch was stored: the good event is new when posted alone.
    const alone = await post(server, [deployment('ok-1')]);
    expect(alone.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('needs credentials and bounds the batch', async () => {
    const server = await startSystemProductBackend();
    expect(
      (await post(server, [deployment('a')], mockCredentials.none.header()))
        .status,
    ).toBe(401);
    const tooMany = await post(
      server,
      Array.from({ length: 1001 }, (_, i) => deployment(`d-${i}`)),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(
      'body.events: must have at most 1000 items',
    );
    expect((await post(server, [])).status).toBe(400);
  });

  it('lets only owners post as users', async () => {
    const server = await startSystemProductBackend();
    const res = await post(
      server,
      [deployment('u-1')],
      mockCredentials.user.header('user:default/margaret'),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.rejected[0].reason).toContain(
      'that you may post events for',
    );
  });
});
