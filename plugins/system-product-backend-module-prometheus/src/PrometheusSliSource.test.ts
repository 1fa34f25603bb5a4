import { ConfigReader } from '@backstage/config';
import { SliQuery } from '@system-product/backstage-plugin-node';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { PrometheusSliSource } from './PrometheusSliSource';
import {
  ERRORS_FROM,
  ERRORS_PER_MINUTE,
  ERRORS_TO,
  GOOD_PER_MINUTE,
  MINUTE,
  SLOW_FROM,
  SLOW_TO,
  demoOpenMetrics,
  demoTimes,
} from './__testUtils__/demoMetrics';
import {
  RealPrometheus,
  freePort,
  startRealPrometheus,
} from './__testUtils__/realPrometheus';

jest.setTimeout(60_000);

const { START, END } = demoTimes();
/** The instant `m` minutes after the first sample. */
const at = (m: number) => new Date(START + m * MINUTE);

const GOOD = { query: 'demo_requests_total{code="200"}' };
const BAD = { query: 'demo_requests_total{code="500"}' };
const TOTAL = { query: 'demo_requests_total' };
const LATENCY = { query: 'demo_latency_seconds' };

const goodOverTotal = (from: Date, to: Date): SliQuery => ({
  entityRef: 'system:default/shop',
  spec: TOTAL,
  ratio: { good: GOOD, total: TOTAL },
  from,
  to,
});
const badOverTotal = (from: Date, to: Date): SliQuery => ({
  ...goodOverTotal(from, to),
  ratio: { bad: BAD, total: TOTAL },
});
const latency = (
  from: Date,
  to: Date,
  op: 'lt' | 'lte' | 'gt' | 'gte' = 'lte',
): SliQuery => ({
  entityRef: 'system:default/shop',
  spec: LATENCY,
  threshold: { op, value: 0.5 },
  from,
  to,
});

describe('the Prometheus SLI source against a real Prometheus', () => {
  let prometheus: RealPrometheus;
  let source: PrometheusSliSource;

  beforeAll(async () => {
    prometheus = await startRealPrometheus(demoOpenMetrics(START));
    source = new PrometheusSliSource({
      instances: [{ name: 'demo', url: prometheus.url }],
    });
  });
  afterAll(() => prometheus?.stop());

  it('answers for the type OpenSLO writes, Prometheus', () => {
    expect(source.type).toBe('Prometheus');
  });

  describe('ratio metrics (counters)', () => {
    it('counts good over total in a window: the increase of each counter', async () => {
      // All six hours: 360 minutes of good requests, the error hour's errors.
      await expect(
        source.count(goodOverTotal(at(0), at(360))),
      ).resolves.toEqual({
        good: GOOD_PER_MINUTE * 360,
        total:
          GOOD_PER_MINUTE * 360 + ERRORS_PER_MINUTE * (ERRORS_TO - ERRORS_FROM),
      });
      // Minutes 60 to 150: 90 minutes of requests, 30 of them with errors.
      await expect(
        source.count(goodOverTotal(at(60), at(150))),
      ).resolves.toEqual({ good: 100 * 90, total: 100 * 90 + 20 * 30 });
    });

    it('counts bad over total as total minus bad', async () => {
      await expect(
        source.count(badOverTotal(at(60), at(150))),
      ).resolves.toEqual({
        good: 100 * 90,
        total: 100 * 90 + 20 * 30,
      });
      // Before the error hour nothing was bad.
      await expect(source.count(badOverTotal(at(0), at(120)))).resolves.toEqual(
        {
          good: 100 * 120,
          total: 100 * 120,
        },
      );
    });

    it('calls a window without samples no data, and one that starts before the data exact', async () => {
      await expect(
        source.count(goodOverTotal(at(-120), at(-60))),
      ).resolves.toEqual({ good: 0, total: 0 });
      // The counters start at 0 at minute 0, so increase() does not
      // extrapolate towards the window's start.
      await expect(
        source.count(goodOverTotal(at(-60), at(60))),
      ).resolves.toEqual({ good: 100 * 60, total: 100 * 60 });
    });

    it('counts 5-minute slices from one range query, slice k starting at from + k × 5 min', async () => {
      const slices = await source.countSlices({
        ...goodOverTotal(at(0), at(360)),
        sliceMs: 5 * MINUTE,
      });
      expect(slices).toHaveLength(360 / 5);
      // Slices 24 to 35 are the error hour (minutes 120 to 180).
      const expected = Array.from({ length: 72 }, (_, k) => ({
        start: at(5 * k),
        good: 5 * 100,
        total: 5 * 100 + (k >= 24 && k < 36 ? 5 * 20 : 0),
      }));
      expect(slices).toEqual(expected);
    });

    it('leaves slices without samples out, and counts the last partial slice up to `to`', async () => {
      // From 10 minutes before the data to minute 62: slices 0 and 1 have no
      // two samples, 2 to 13 are minutes 0 to 60, slice 14 is minutes 60-62.
      const slices = await source.countSlices({
        ...goodOverTotal(at(-10), at(62)),
        sliceMs: 5 * MINUTE,
      });
      expect(slices).toEqual([
        ...Array.from({ length: 12 }, (_, k) => ({
          start: at(5 * k),
          good: 500,
          total: 500,
        })),
        { start: at(60), good: 2 * 100, total: 2 * 100 },
      ]);
    });

    it('asks a long range of slices in parts (Prometheus allows 11,000 points a query)', async () => {
      // 20,360 one-minute slices, 360 of them with data.
      const slices = await source.countSlices({
        ...goodOverTotal(at(-20_000), at(360)),
        sliceMs: MINUTE,
      });
      expect(slices).toHaveLength(360);
      expect(slices[0]).toEqual({ start: at(0), good: 100, total: 100 });
      expect(slices[359]).toEqual({ start: at(359), good: 100, total: 100 });
      const sum = (key: 'good' | 'total') =>
        slices.reduce((n, slice) => n + slice[key], 0);
      expect(sum('good')).toBe(100 * 360);
      expect(sum('total')).toBe(100 * 360 + 20 * 60);
    });

    it('counts bad over total per slice', async () => {
      const slices = await source.countSlices({
        ...badOverTotal(at(115), at(185)),
        sliceMs: 5 * MINUTE,
      });
      expect(slices).toEqual(
        Array.from({ length: 14 }, (_, k) => ({
          start: at(115 + 5 * k),
          good: 500,
          // Slices 1 to 12 are minutes 120 to 180.
          total: k >= 1 && k <= 12 ? 600 : 500,
        })),
      );
    });
  });

  describe('threshold metrics (a gauge)', () => {
    // Samples at minutes 0 … 359 of [at(0), at(360)): 30 slow ones (minutes
    // 240-269), 11 exactly at the limit (i % 30 = 15: 12 minutes, less 255,
    // which is slow), the other 319 fast.
    it('counts each sample at the step as an event, good when it meets the objective', async () => {
      const window = [at(0), at(360)] as const;
      await expect(source.count(latency(...window, 'lte'))).resolves.toEqual({
        good: 360 - 30,
        total: 360,
      });
      await expect(source.count(latency(...window, 'lt'))).resolves.toEqual({
        good: 360 - 30 - 11,
        total: 360,
      });
      await expect(source.count(latency(...window, 'gt'))).resolves.toEqual({
        good: 30,
        total: 360,
      });
      await expect(source.count(latency(...window, 'gte'))).resolves.toEqual({
        good: 30 + 11,
        total: 360,
      });
      // [from, to): minute 60 is in, minute 120 is not.
      await expect(source.count(latency(at(60), at(120)))).resolves.toEqual({
        good: 60,
        total: 60,
      });
    });

    it('samples at the configured step', async () => {
      const every5 = new PrometheusSliSource({
        instances: [{ name: 'demo', url: prometheus.url }],
        thresholdStepMs: 5 * MINUTE,
      });
      // Minutes 0, 5, … 355: 72 samples, 6 of them (240 … 265) slow.
      await expect(every5.count(latency(at(0), at(360)))).resolves.toEqual({
        good: 72 - 6,
        total: 72,
      });
    });

    it('counts samples per slice, and the partial last one', async () => {
      const slices = await source.countSlices({
        ...latency(at(0), at(360), 'lt'),
        sliceMs: 5 * MINUTE,
      });
      // Slices 48-53 are slow; slices 3, 9, … 69 hold a sample at the limit.
      expect(slices).toEqual(
        Array.from({ length: 72 }, (_, k) => {
          const slow = k >= SLOW_FROM / 5 && k < SLOW_TO / 5;
          const atLimit = k % 6 === 3;
          return {
            start: at(5 * k),
            total: 5,
            good: slow ? 0 : 5 - Number(atLimit),
          };
        }),
      );
      const partial = await source.countSlices({
        ...latency(at(0), at(62)),
        sliceMs: 5 * MINUTE,
      });
      expect(partial).toHaveLength(13);
      expect(partial[12]).toEqual({ start: at(60), good: 2, total: 2 });
    });
  });

  describe('what goes wrong is said, never counted', () => {
    it('names an unreachable instance', async () => {
      const down = new PrometheusSliSource({
        instances: [
          { name: 'down', url: `http://127.0.0.1:${await freePort()}` },
        ],
      });
      await expect(down.count(goodOverTotal(at(0), at(60)))).rejects.toThrow(
        /^Prometheus down is unreachable: .*ECONNREFUSED/,
      );
    });

    it('gives up on an instance that does not answer in time', async () => {
      const sockets: Socket[] = [];
      const silent = createServer();
      silent.on('connection', socket => sockets.push(socket));
      await new Promise<void>(done => silent.listen(0, '127.0.0.1', done));
      try {
        const slow = new PrometheusSliSource({
          instances: [
            {
              name: 'silent',
              url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
            },
          ],
          timeoutMs: 200,
        });
        await expect(slow.count(latency(at(0), at(60)))).rejects.toThrow(
          'Prometheus silent did not answer within 0.2 s',
        );
      } finally {
        sockets.forEach(s => s.destroy());
        silent.close();
      }
    });

    it("passes on Prometheus's own error for a bad query, with what to write instead", async () => {
      const query = goodOverTotal(at(0), at(60));
      query.ratio!.good = { query: 'sum(rate(demo_requests_total[5m]))' };
      await expect(source.count(query)).rejects.toThrow(
        /^Prometheus demo answered bad_data: .*ranges only allowed for vector selectors for sum\(increase\(sum\(rate\(demo_requests_total\[5m\]\)\)\[3600s\]\)\); the query of a ratio metric must be a series selector/,
      );
      await expect(
        source.count({ ...latency(at(0), at(60)), spec: { query: 'up{' } }),
      ).rejects.toThrow(/^Prometheus demo answered bad_data: .*parse error/);
    });

    it('reports an HTTP error of something that is not the Prometheus API', async () => {
      const wrong = new PrometheusSliSource({
        instances: [{ name: 'wrong', url: `${prometheus.url}/not-here` }],
      });
      await expect(wrong.count(latency(at(0), at(60)))).rejects.toThrow(
        /^Prometheus wrong answered HTTP 404/,
      );
    });

    it('refuses a value that is not a number', async () => {
      const broken = goodOverTotal(at(0), at(60));
      broken.ratio!.total = { query: 'demo_broken_total' };
      await expect(source.count(broken)).rejects.toThrow(
        /^Prometheus demo answered NaN at .*, not a number, for sum\(increase\(demo_broken_total\[3600s\]\)\)/,
      );
    });

    it('calls a total without series no data, and a good part without series none', async () => {
      const none = goodOverTotal(at(0), at(60));
      none.ratio!.total = { query: 'demo_missing_total' };
      await expect(source.count(none)).resolves.toEqual({ good: 0, total: 0 });
      const noGood = goodOverTotal(at(0), at(60));
      noGood.ratio!.good = { query: 'demo_requests_total{code="404"}' };
      await expect(source.count(noGood)).resolves.toEqual({
        good: 0,
        total: 6000,
      });
    });

    it('says what is missing from the SLO or the configuration', async () => {
      const q = goodOverTotal(at(0), at(60));
      await expect(
        new PrometheusSliSource({ instances: [] }).count(q),
      ).rejects.toThrow(
        'no Prometheus instance configured (systemProduct.prometheus.instances)',
      );
      await expect(
        source.count({
          ...q,
          ratio: { good: { ...GOOD, instance: 'eu' }, total: TOTAL },
        }),
      ).rejects.toThrow(
        "the good's spec.instance names no configured Prometheus instance: eu (configured: demo)",
      );
      await expect(
        source.count({ ...q, ratio: { good: {}, total: TOTAL } }),
      ).rejects.toThrow('the good needs spec.query, a PromQL query');
      await expect(
        source.count({ ...q, ratio: { total: { query: 'ratio' } } }),
      ).rejects.toThrow('a raw ratio cannot be counted from Prometheus');
      const { threshold: _, ...noThreshold } = latency(at(0), at(60));
      await expect(source.count(noThreshold)).rejects.toThrow(
        "a threshold metric needs the objective's op",
      );
    });
  });

  describe('configuration', () => {
    let proxy: Server;
    const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

    // A recording proxy in front of the real Prometheus: what the source
    // sends, and Prometheus's own answers.
    beforeAll(async () => {
      const target = new URL(prometheus.url);
      proxy = createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString();
        seen.push({ headers: req.headers, body });
        const answer = await fetch(new URL(req.url!, target), {
          method: req.method,
          headers: { 'Content-Type': req.headers['content-type'] ?? '' },
          body,
        });
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(await answer.text());
      });
      await new Promise<void>(done => proxy.listen(0, '127.0.0.1', done));
    });
    afterAll(() => new Promise<void>(done => proxy.close(() => done())));

    it('reads systemProduct.prometheus, sends headers and token, and picks the instance an SLO names', async () => {
      const port = (proxy.address() as AddressInfo).port;
      const configured = PrometheusSliSource.fromConfig(
        new ConfigReader({
          systemProduct: {
            prometheus: {
              instances: [
                { name: 'default', url: prometheus.url },
                {
                  name: 'tenant',
                  url: `http://127.0.0.1:${port}/`,
                  headers: { 'X-Scope-OrgID': 'shop' },
                  token: 's3cret',
                },
              ],
              thresholdStepSeconds: 300,
            },
          },
        }),
      );
      expect(configured.instanceNames).toEqual(['default', 'tenant']);
      seen.length = 0;
      await expect(
        configured.count({
          ...latency(at(0), at(360)),
          spec: { ...LATENCY, instance: 'tenant' },
        }),
      ).resolves.toEqual({ good: 72 - 6, total: 72 });
      expect(seen).toHaveLength(2);
      for (const { headers } of seen) {
        expect(headers).toMatchObject({
          'x-scope-orgid': 'shop',
          authorization: 'Bearer s3cret',
        });
      }
      // The exact PromQL the README shows, at to − 1 ms.
      const sent = seen.map(s =>
        Object.fromEntries(new URLSearchParams(s.body)),
      );
      expect(sent).toEqual(
        expect.arrayContaining([
          {
            query:
              'sum(count_over_time((demo_latency_seconds)[21599999ms:300s]))',
            time: ((START + 360 * MINUTE - 1) / 1000).toFixed(3),
          },
          {
            query:
              'sum(count_over_time(((demo_latency_seconds) <= 0.5)[21599999ms:300s]))',
            time: ((START + 360 * MINUTE - 1) / 1000).toFixed(3),
          },
        ]),
      );

      seen.length = 0;
      await configured.count({
        ...goodOverTotal(at(0), at(60)),
        ratio: { good: GOOD, total: { ...TOTAL, instance: 'tenant' } },
      });
      // Only the total went to the tenant.
      expect(seen.map(s => new URLSearchParams(s.body).get('query'))).toEqual([
        'sum(increase(demo_requests_total[3600s]))',
      ]);
      expect(END).toBe(START + 360 * MINUTE);
    });

    it('refuses a configuration it cannot use', () => {
      const read = (settings: object) =>
        PrometheusSliSource.fromConfig(
          new ConfigReader({ systemProduct: { prometheus: settings } }),
        );
      expect(read({}).instanceNames).toEqual([]);
      expect(() =>
        read({ instances: [{ name: 'a', url: 'prometheus:9090' }] }),
      ).toThrow(
        'systemProduct.prometheus.instances[0].url must be an http or https URL',
      );
      expect(() =>
        read({
          instances: [
            { name: 'a', url: 'http://a' },
            { name: 'a', url: 'http://b' },
          ],
        }),
      ).toThrow('two Prometheus instances are named a');
      expect(() => read({ timeoutSeconds: 0 })).toThrow(
        'systemProduct.prometheus.timeoutSeconds must be positive',
      );
    });
  });
});
