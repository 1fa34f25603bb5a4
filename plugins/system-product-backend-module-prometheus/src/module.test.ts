import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test runs the module in the real plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import systemProductPlugin from '@system-product/backstage-plugin-backend';
import { Server } from 'node:http';
import request from 'supertest';
import prometheusModule from './index';
import {
  ERRORS_FROM,
  ERRORS_PER_MINUTE,
  ERRORS_TO,
  GOOD_PER_MINUTE,
  MINUTE,
  demoOpenMetrics,
  demoTimes,
} from './__testUtils__/demoMetrics';
import {
  RealPrometheus,
  freePort,
  startRealPrometheus,
} from './__testUtils__/realPrometheus';

jest.setTimeout(60_000);

const SLOS = '/api/system-product/entities/system/default/shop/slos';
const user = mockCredentials.user.header('user:default/ada');
const { START, END } = demoTimes();

const prometheus = (spec: object) => ({
  metricSource: { type: 'Prometheus', spec },
});
const GOOD = prometheus({ query: 'demo_requests_total{code="200"}' });
const BAD = prometheus({ query: 'demo_requests_total{code="500"}' });
const TOTAL = prometheus({ query: 'demo_requests_total' });
const LATENCY = prometheus({ query: 'demo_latency_seconds' });

const slo = (
  name: string,
  budgetingMethod: string,
  objective: object,
  indicator: object,
) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    service: 'shop',
    budgetingMethod,
    timeWindow: [{ duration: '1d', isRolling: true }],
    objectives: [objective],
    indicator: { metadata: { name: `${name}-sli` }, spec: indicator },
  },
});

/** The shop's OpenSLO file: JSON documents are YAML documents too. */
const slos = [
  slo(
    'requests-good-total',
    'Occurrences',
    { target: 0.99 },
    { ratioMetric: { counter: true, good: GOOD, total: TOTAL } },
  ),
  // The type comes from the DataSource the metric sources refer to.
  {
    apiVersion: 'openslo/v1',
    kind: 'DataSource',
    metadata: { name: 'demo-prometheus' },
    spec: { type: 'Prometheus', connectionDetails: {} },
  },
  slo(
    'requests-bad-total',
    'Occurrences',
    { target: 0.95 },
    {
      ratioMetric: {
        counter: true,
        bad: {
          metricSource: {
            metricSourceRef: 'demo-prometheus',
            spec: { query: 'demo_requests_total{code="500"}' },
          },
        },
        total: {
          metricSource: {
            metricSourceRef: 'demo-prometheus',
            spec: { query: 'demo_requests_total' },
          },
        },
      },
    },
  ),
  slo(
    'requests-timeslices',
    'Timeslices',
    { target: 0.95, timeSliceTarget: 0.99, timeSliceWindow: '5m' },
    { ratioMetric: { counter: true, good: GOOD, total: TOTAL } },
  ),
  slo(
    'requests-ratio-timeslices',
    'RatioTimeslices',
    { target: 0.99, timeSliceWindow: '5m' },
    { ratioMetric: { counter: true, bad: BAD, total: TOTAL } },
  ),
  slo(
    'latency-occurrences',
    'Occurrences',
    { op: 'lte', value: 0.5, target: 0.9 },
    { thresholdMetric: LATENCY },
  ),
  slo(
    'latency-timeslices',
    'Timeslices',
    {
      op: 'lte',
      value: 0.5,
      target: 0.95,
      timeSliceTarget: 0.99,
      timeSliceWindow: '5m',
    },
    { thresholdMetric: LATENCY },
  ),
  slo(
    'prometheus-down',
    'Occurrences',
    { target: 0.99 },
    {
      ratioMetric: {
        counter: true,
        good: prometheus({ query: 'up', instance: 'down' }),
        total: prometheus({ query: 'up', instance: 'down' }),
      },
    },
  ),
  slo(
    'bad-query',
    'Occurrences',
    { target: 0.99 },
    {
      ratioMetric: {
        counter: true,
        good: prometheus({ query: 'sum(rate(demo_requests_total[5m]))' }),
        total: TOTAL,
      },
    },
  ),
  slo(
    'no-series',
    'Occurrences',
    { target: 0.99 },
    {
      ratioMetric: {
        counter: true,
        good: prometheus({ query: 'demo_missing_total{code="200"}' }),
        total: prometheus({ query: 'demo_missing_total' }),
      },
    },
  ),
]
  .map(doc => JSON.stringify(doc, null, 2))
  .join('\n---\n');

describe('the Prometheus module in a System Product backend', () => {
  const dir = createMockDirectory();
  let real: RealPrometheus;
  let downUrl: string;

  const shop = (): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'shop',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog-info.yaml',
        )}`,
        'system-product/slo-ref': './slos.yaml',
      },
    },
    spec: { owner: 'group:default/shop-team' },
  });

  const start = async (prometheusConfig?: object): Promise<Server> => {
    const { server } = await startTestBackend({
      features: [
        systemProductPlugin,
        prometheusModule,
        catalogServiceMock.factory({ entities: [shop()] }),
        mockServices.rootConfig.factory({
          data: {
            systemProduct: {
              survey: { respondentKeySecret: 'test-secret' },
              ...(prometheusConfig && { prometheus: prometheusConfig }),
            },
          },
        }),
      ],
    });
    return server;
  };

  /** GET with the clock at END, so the SLO windows end on the last sample. */
  const getAtEnd = async (server: Server, path: string) => {
    jest.useFakeTimers({
      now: END,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      return await request(server).get(path).set('Authorization', user);
    } finally {
      jest.useRealTimers();
    }
  };

  beforeAll(async () => {
    dir.setContent({ 'catalog-info.yaml': '', 'slos.yaml': slos });
    real = await startRealPrometheus(demoOpenMetrics(START));
    downUrl = `http://127.0.0.1:${await freePort()}`;
  });
  afterAll(() => real?.stop());

  it('measures every budgeting method from the real Prometheus, as worked out by hand', async () => {
    const server = await start({
      instances: [
        { name: 'demo', url: real.url },
        { name: 'down', url: downUrl },
      ],
    });
    const response = await getAtEnd(server, SLOS);
    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([]);
    const byName = Object.fromEntries(
      response.body.items.map((item: any) => [item.name, item.evaluation]),
    );
    // The day up to END holds all six hours of samples.
    expect(byName['requests-good-total'].window).toEqual({
      from: new Date(END - 24 * 60 * MINUTE).toISOString(),
      to: new Date(END).toISOString(),
    });

    const good = GOOD_PER_MINUTE * 360; // 36,000
    const bad = ERRORS_PER_MINUTE * (ERRORS_TO - ERRORS_FROM); // 1,200
    const total = good + bad; // 37,200
    // Occurrences, good over total: 36,000 / 37,200 = 0.9677 < 0.99.
    expect(byName['requests-good-total']).toMatchObject({
      status: 'breached',
      total,
      counted: { unit: 'events', bad, total },
    });
    expect(byName['requests-good-total'].sli).toBeCloseTo(good / total, 12);
    expect(byName['requests-good-total'].remaining).toBeCloseTo(
      1 - bad / total / 0.01,
      10,
    );
    // The same as bad over total, against 0.95: met, 35% of the budget left.
    expect(byName['requests-bad-total']).toMatchObject({
      status: 'met',
      total,
      counted: { unit: 'events', bad, total },
    });
    expect(byName['requests-bad-total'].sli).toBeCloseTo(good / total, 12);
    expect(byName['requests-bad-total'].remaining).toBeCloseTo(
      1 - bad / total / 0.05,
      10,
    );
    // Timeslices: a day is 288 slices of 5 minutes; the 12 of the error hour
    // (500 good of 600) miss 0.99; slices without data are not bad.
    expect(byName['requests-timeslices']).toMatchObject({
      status: 'met',
      counted: { unit: 'slices', bad: 12, total: 288 },
    });
    expect(byName['requests-timeslices'].sli).toBeCloseTo(1 - 12 / 288, 12);
    expect(byName['requests-timeslices'].counted.allowed).toBeCloseTo(
      0.05 * 288,
      10,
    );
    // RatioTimeslices: the mean of the 72 slices with data, 60 at 1 and 12
    // at 500/600: 70/72 = 0.9722 < 0.99.
    expect(byName['requests-ratio-timeslices']).toMatchObject({
      status: 'breached',
      total,
      counted: { unit: 'slices', total: 72 },
    });
    expect(byName['requests-ratio-timeslices'].sli).toBeCloseTo(
      (60 + (12 * 500) / 600) / 72,
      12,
    );
    expect(byName['requests-ratio-timeslices'].counted.bad).toBeCloseTo(
      12 * (1 - 500 / 600),
      10,
    );
    // Threshold, Occurrences: one sample a minute, 360 of them; the 30 slow
    // ones are over 0.5 (those at exactly 0.5 meet lte): 330 / 360.
    expect(byName['latency-occurrences']).toMatchObject({
      status: 'met',
      total: 360,
      counted: { unit: 'events', bad: 30, total: 360 },
    });
    expect(byName['latency-occurrences'].sli).toBeCloseTo(330 / 360, 12);
    // Threshold, Timeslices: the 6 slices of the slow half hour are bad.
    expect(byName['latency-timeslices']).toMatchObject({
      status: 'met',
      total: 360,
      counted: { unit: 'slices', bad: 6, total: 288 },
    });
    expect(byName['latency-timeslices'].sli).toBeCloseTo(1 - 6 / 288, 12);

    // What went wrong is the SLO's reason; the route still answered 200.
    expect(byName['prometheus-down']).toMatchObject({
      status: 'no-data',
      sli: null,
      total: 0,
    });
    expect(byName['prometheus-down'].reason).toMatch(
      /^source unavailable: Prometheus down is unreachable: .*ECONNREFUSED/,
    );
    expect(byName['bad-query']).toMatchObject({ status: 'no-data', sli: null });
    expect(byName['bad-query'].reason).toMatch(
      /^source unavailable: Prometheus demo answered bad_data: .*ranges only allowed for vector selectors/,
    );
    expect(byName['no-series']).toMatchObject({
      status: 'no-data',
      sli: null,
      reason: 'no events in the window',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/NaN|Infinity/);

    const one = await getAtEnd(server, `${SLOS}/prometheus-down/status`);
    expect(one.status).toBe(200);
    expect(one.body.slo.evaluation.reason).toMatch(/^source unavailable: /);
  });

  it('starts without any instance configured, and its SLOs say so', async () => {
    const server = await start();
    const response = await request(server).get(SLOS).set('Authorization', user);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(9);
    for (const item of response.body.items) {
      expect(item.evaluation).toMatchObject({
        status: 'no-data',
        reason:
          'source unavailable: no Prometheus instance configured (systemProduct.prometheus.instances)',
      });
    }
  });
});
