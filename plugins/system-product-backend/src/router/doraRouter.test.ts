import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startSystemProductBackend } from '../__testUtils__/startSystemProductBackend';

const BASE = '/api/system-product';
const path = `${BASE}/entities/system/default/ci-cd-pipeline/dora`;
const someone = mockCredentials.user.header('user:default/margaret');
const service = mockCredentials.service.header();
const DAY = 86_400_000;

describe('DORA route', () => {
  let server: any;
  beforeEach(async () => {
    server = await startSystemProductBackend();
  });

  /** Production deployments `days` ago, each with a lead time of one hour. */
  const deploy = (daysAgo: number[]) => {
    const now = Date.now();
    return request(server)
      .post(`${BASE}/events`)
      .set('Authorization', service)
      .send({
        events: daysAgo.map((d, i) => ({
          id: `d-${i}`,
          entityRef: 'system:default/ci-cd-pipeline',
          type: 'deployment',
          commitSha: 'abc',
          commitTime: new Date(now - d * DAY - 3_600_000).toISOString(),
          deployTime: new Date(now - d * DAY).toISOString(),
          environment: 'production',
          succeeded: true,
        })),
      });
  };

  it('answers the figures of the period the caller picks, 30 days by default', async () => {
    expect((await deploy([1.5, 2.5, 45])).body.accepted).toBe(3);
    const month = await request(server).get(path).set('Authorization', someone);
    expect(month.status).toBe(200);
    expect(month.body).toMatchObject({
      entityRef: 'system:default/ci-cd-pipeline',
      days: 30,
      minSamples: 5,
      deploymentFrequency: { sampleSize: 2, cadence: 'monthly' },
      // 2 deployments, fewer than 5: a value but no band
      changeLeadTime: { value: 3600, sampleSize: 2, band: null },
      bandsSource: { url: 'https://dora.dev/research/2024/dora-report/' },
    });
    const quarter = await request(server)
      .get(`${path}?days=90`)
      .set('Authorization', someone);
    expect(quarter.body.days).toBe(90);
    expect(quarter.body.deploymentFrequency.sampleSize).toBe(3);
  });

  it('refuses a period it does not offer with 400', async () => {
    for (const days of ['28', 'week', '0']) {
      const res = await request(server)
        .get(`${path}?days=${days}`)
        .set('Authorization', someone);
      expect(res.status).toBe(400);
    }
  });

  it('answers 404 for an entity the caller cannot see', async () => {
    const res = await request(server)
      .get(`${BASE}/entities/system/default/hidden/dora`)
      .set('Authorization', someone);
    expect(res.status).toBe(404);
  });

  it('leaves DORA out of the SLO list', async () => {
    const res = await request(server)
      .get(`${BASE}/entities/system/default/ci-cd-pipeline/slos`)
      .set('Authorization', someone);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('dora');
  });
});
