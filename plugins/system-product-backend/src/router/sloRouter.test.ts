import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { parseOpenSlo } from '@system-product/backstage-plugin-common';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import {
  OWNER,
  startSystemProductBackend,
  testSystemWithSloFile,
} from '../__testUtils__/startSystemProductBackend';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';
import { leadTimeSlo as leadTime } from '../__testUtils__/leadTimeSlo';

const path = '/api/system-product/entities/system/default/ci-cd-pipeline/slos';
const owner = mockCredentials.user.header(OWNER);
const someone = mockCredentials.user.header('user:default/margaret');
const service = mockCredentials.service.header();

describe('SLO routes', () => {
  const dir = createMockDirectory();
  let server: any;

  beforeEach(async () => {
    dir.setContent({
      'catalog.yaml': '',
      'slos.yaml': deploymentSuccessSlo('deploy-success'),
    });
    const entity: Entity = testSystemWithSloFile(dir);
    server = await startSystemProductBackend([], [entity]);
  });

  const deployments = (leadMinutes: number[]) => {
    const now = Date.now();
    return request(server)
      .post('/api/system-product/events')
      .set('Authorization', service)
      .send({
        events: leadMinutes.map((minutes, i) => {
          const deployTime = new Date(now - (i + 1) * 3_600_000);
          return {
            id: `d-${minutes}-${i}`,
            entityRef: 'system:default/ci-cd-pipeline',
            type: 'deployment',
            commitSha: `c${i}`,
            commitTime: new Date(
              deployTime.getTime() - minutes * 60_000,
            ).toISOString(),
            deployTime: deployTime.toISOString(),
            environment: 'production',
            succeeded: true,
          };
        }),
      });
  };

  it('adds an SLO made by the owner next to those of the file', async () => {
    const created = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'lead-time',
      origin: 'portal',
      objectives: [{ target: 0.5, op: 'lte', value: 3600 }],
      evaluation: { status: 'no-data', total: 0 },
    });

    const list = await request(server).get(path).set('Authorization', someone);
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((s: any) => [s.name, s.origin, s.evaluation.status]),
    ).toEqual([
      ['deploy-success', 'file', 'no-data'],
      ['lead-time', 'portal', 'no-data'],
    ]);
  });

  it('measures a portal SLO over posted events, on its status route too', async () => {
    await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime());
    // 3 of 4 deployments reach production within the hour: SLI 0.75.
    expect((await deployments([10, 20, 50, 120])).status).toBe(200);

    const status = await request(server)
      .get(`${path}/lead-time/status`)
      .set('Authorization', someone);
    expect(status.status).toBe(200);
    expect(status.body.slo.evaluation).toMatchObject({
      sli: 0.75,
      total: 4,
      status: 'met',
    });
    // Budget 0.5, bad share 0.25: half of the budget is left.
    expect(status.body.slo.evaluation.remaining).toBeCloseTo(0.5, 10);
    expect(status.body.history).toEqual([]);

    const unknown = await request(server)
      .get(`${path}/nope/status`)
      .set('Authorization', someone);
    expect(unknown.status).toBe(404);
  });

  it('refuses SLOs from non-owners, invalid documents, unmeasurable metrics and taken names', async () => {
    const denied = await request(server)
      .post(path)
      .set('Authorization', someone)
      .send(leadTime());
    expect(denied.status).toBe(403);

    const invalid = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send({
        ...leadTime(),
        spec: { ...leadTime().spec, budgetingMethod: 'Sometimes' },
      });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('spec.budgetingMethod');

    const unmeasurable = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime('typo', 'lead-tme-seconds'));
    expect(unmeasurable.status).toBe(400);
    expect(unmeasurable.body.error.message).toContain(
      'measure lead-tme-seconds is not one system-product events provide',
    );

    const fileName = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime('deploy-success'));
    expect(fileName.status).toBe(409);

    await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime());
    const again = await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime());
    expect(again.status).toBe(409);

    const list = await request(server).get(path).set('Authorization', owner);
    expect(list.body.items.map((s: any) => s.name)).toEqual([
      'deploy-success',
      'lead-time',
    ]);
  });

  it('exports every SLO as an OpenSLO file the parser reads back', async () => {
    await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime());
    const exported = await request(server)
      .get(`${path}/export`)
      .set('Authorization', someone);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/yaml/);
    const parsed = parseOpenSlo(
      parseAllDocuments(exported.text).map(d => d.toJS()),
      'export',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.slos.map(s => s.name)).toEqual([
      'deploy-success',
      'lead-time',
    ]);
    expect(parsed.slos[1].objectives[0]).toEqual({
      target: 0.5,
      op: 'lte',
      value: 3600,
    });
  });

  it('removes a portal SLO for its owner only, and never one of the file', async () => {
    await request(server)
      .post(path)
      .set('Authorization', owner)
      .send(leadTime());
    expect(
      (
        await request(server)
          .delete(`${path}/lead-time`)
          .set('Authorization', someone)
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .delete(`${path}/deploy-success`)
          .set('Authorization', owner)
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server)
          .delete(`${path}/lead-time`)
          .set('Authorization', owner)
      ).status,
    ).toBe(204);
    expect(
      (
        await request(server)
          .delete(`${path}/lead-time`)
          .set('Authorization', owner)
      ).status,
    ).toBe(404);
    const list = await request(server).get(path).set('Authorization', owner);
    expect(list.body.items.map((s: any) => s.name)).toEqual(['deploy-success']);
  });

  it('hides the SLOs of an entity the caller cannot see', async () => {
    const hidden =
      '/api/system-product/entities/system/default/secret-system/slos';
    expect(
      (await request(server).get(hidden).set('Authorization', owner)).status,
    ).toBe(404);
    expect(
      (
        await request(server)
          .get(`${hidden}/export`)
          .set('Authorization', owner)
      ).status,
    ).toBe(404);
    expect(
      (
        await request(server)
          .post(hidden)
          .set('Authorization', owner)
          .send(leadTime())
      ).status,
    ).toBe(404);
  });
});
