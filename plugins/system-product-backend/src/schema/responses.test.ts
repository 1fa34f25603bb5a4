import {
  TestDatabases,
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { SloEvaluation } from '@system-product/backstage-plugin-common';
// ajv 8 and ajv-formats, which the router's validator (backend-openapi-utils)
// brings; not yet devDependencies of this package, hence the two disables.
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { SloEvaluationStore } from '../database/SloEvaluationStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { definitionKey } from '../services/LatestSloEvaluations';
import {
  OWNER,
  startOnTestDatabase,
  testSystemWithSloFile,
} from '../__testUtils__/startSystemProductBackend';
import { leadTimeSlo } from '../__testUtils__/leadTimeSlo';
import { spec } from './openapi.generated';

jest.setTimeout(60_000);

type Schema = { [keyword: string]: any };
const components = spec.components.schemas as unknown as Record<string, Schema>;

const SLOS = '/entities/{kind}/{namespace}/{name}/slos';
const STATUS = `${SLOS}/{sloName}/status`;
const base = '/api/system-product/entities/system/default/ci-cd-pipeline/slos';
const entityRef = 'system:default/ci-cd-pipeline';
const owner = mockCredentials.user.header(OWNER);
const service = mockCredentials.service.header();

const metric = (event: string, measure: string, extra = '') =>
  `{ metricSource: { type: system-product, spec: { event: ${event}, measure: ${measure}${extra} } } }`;

/**
 * An OpenSLO file with an SLO of each shape the routes answer: one objective
 * with alert policies (inline, and by reference with a lookback of months);
 * several objectives on a calendar week; a composite of Timeslices, one
 * objective without data; a
 * RatioTimeslices calendar month; one without events; one no source reads;
 * one of OpenSLO's defaults; and documents that are wrong or unused.
 */
const sloFile = `
apiVersion: openslo/v1
kind: DataSource
metadata: { name: events }
spec: { type: system-product, connectionDetails: { token: not-returned } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: deploy-success, displayName: Deployment success }
spec:
  description: Deployments that succeed
  service: ci-cd-pipeline
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.9 }]
  indicator:
    metadata: { name: success }
    spec:
      ratioMetric:
        good: { metricSource: { metricSourceRef: events, spec: { event: deployment, measure: deployment-success } } }
        total: { metricSource: { metricSourceRef: events, spec: { event: deployment, measure: count } } }
  alertPolicies:
    - kind: AlertPolicy
      metadata: { name: sre-page, displayName: Page the SREs }
      spec:
        description: Fast burn pages the SREs
        alertWhenResolved: true
        conditions:
          - kind: AlertCondition
            metadata: { name: fast-burn }
            spec:
              description: Two budgets an hour
              severity: page
              condition: { kind: burnrate, op: gte, threshold: 2, lookbackWindow: 1h, alertAfter: 10m }
          - conditionRef: slow-burn
        notificationTargets:
          - kind: AlertNotificationTarget
            metadata: { name: sre }
            spec: { target: 'group:default/sre', description: The SRE rota }
          - targetRef: chat
    - alertPolicyRef: slow-page
---
apiVersion: openslo/v1
kind: AlertCondition
metadata: { name: slow-burn }
spec:
  description: Burning over a month
  condition: { kind: burnrate, op: gt, threshold: 1, lookbackWindow: 1M }
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata: { name: chat }
spec: { target: chat-tool }
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: slow-page }
spec:
  conditions: [{ conditionRef: slow-burn }]
  notificationTargets: [{ targetRef: chat }]
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: deploy-success-sli }
spec:
  ratioMetric:
    good: ${metric('deployment', 'deployment-success')}
    total: ${metric('deployment', 'count')}
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: lead-time-week }
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1w
      isRolling: false
      calendar: { startTime: '2026-01-05 00:00:00', timeZone: Europe/Berlin }
  objectives:
    - { displayName: Within an hour, op: lte, value: 3600, target: 0.5 }
    - { displayName: Within a day, op: lte, value: 86400, targetPercent: 95 }
  indicator:
    metadata: { name: lead-time }
    spec:
      thresholdMetric: ${metric(
        'deployment',
        'lead-time-seconds',
        ', filter: { environment: production }',
      )}
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: delivery, displayName: Delivery health }
spec:
  budgetingMethod: Timeslices
  timeWindow: [{ duration: 7d, isRolling: true }]
  objectives:
    - displayName: Deployments succeed
      target: 0.9
      timeSliceTarget: 0.8
      timeSliceWindow: 1h
      compositeWeight: 2
      indicatorRef: deploy-success-sli
    - displayName: Builds succeed
      target: 0.95
      timeSliceTarget: 0.5
      timeSliceWindow: 1h
      indicator:
        metadata: { name: build-success }
        spec:
          ratioMetric:
            good: ${metric('build', 'build-success')}
            total: ${metric('build', 'count')}
    - displayName: Incidents restored within an hour, without incidents so far
      target: 0.9
      op: lte
      value: 3600
      timeSliceTarget: 0.5
      timeSliceWindow: 1h
      indicator:
        metadata: { name: restore }
        spec:
          thresholdMetric: ${metric('incident', 'time-to-restore-seconds')}
  alertPolicies: [{ alertPolicyRef: slow-page }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: build-failures }
spec:
  budgetingMethod: RatioTimeslices
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC }
  objectives: [{ target: 0.9, timeSliceWindow: 60 }]
  indicator:
    metadata: { name: build-failures }
    spec:
      ratioMetric:
        bad: ${metric('build', 'build-success')}
        total: ${metric('build', 'count')}
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: restore }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 30d, isRolling: true }]
  objectives: [{ target: 0.9, op: lte, value: 3600 }]
  indicator:
    metadata: { name: restore }
    spec:
      thresholdMetric: ${metric('incident', 'time-to-restore-seconds')}
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: latency }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.99 }]
  indicator:
    metadata: { name: latency }
    spec:
      ratioMetric:
        raw: { metricSource: { type: prometheus, spec: { query: 'sum(rate(ok[5m]))' } } }
        rawType: success
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: defaults }
spec:
  objectives: [{ target: 0.9 }]
  indicatorRef: deploy-success-sli
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: broken }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 2 }]
  indicatorRef: deploy-success-sli
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: unused }
spec:
  thresholdMetric: ${metric('build', 'build-duration-seconds')}
---
apiVersion: openslo/v1
kind: Nope
metadata: { name: nope }
`;

/** The schema of an operation's success response, as the document wires it. */
function responseSchema(path: string, method: 'get' | 'post'): Schema {
  const responses = (spec.paths as any)[path][method].responses;
  const status = Object.keys(responses).find(code => /^2/.test(code))!;
  return responses[status].content['application/json'].schema;
}

const refName = (ref: string) => ref.split('/').pop()!;

/** The named schemas a schema refers to, itself included, transitively. */
function reachable(names: string[]): string[] {
  const found = new Set<string>();
  function visit(name: string) {
    if (found.has(name)) return;
    found.add(name);
    walk(components[name]);
  }
  function walk(node: unknown) {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') visit(refName(value));
        else walk(value);
      }
    }
  }
  names.forEach(visit);
  return [...found].sort();
}

/** Every object schema (inline ones by their path) of the named schemas, and their properties. */
function objectSchemas(names: string[]) {
  const objects: Array<{ at: string; schema: Schema }> = [];
  const walk = (schema: Schema, at: string) => {
    if (schema.$ref) return;
    if (schema.type === 'object' || schema.properties) {
      objects.push({ at, schema });
    }
    for (const [key, child] of Object.entries<Schema>(
      schema.properties ?? {},
    )) {
      walk(child, `${at}.${key}`);
    }
    if (schema.items) walk(schema.items, `${at}[]`);
    (schema.allOf ?? []).forEach((part: Schema) => walk(part, at));
  };
  names.forEach(name => walk(components[name], name));
  return objects;
}

/** Each property path (as objectSchemas names them) that `data` has. */
function propertiesOf(
  schema: Schema,
  data: unknown,
  at: string,
  seen: Set<string>,
) {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    propertiesOf(components[name], data, name, seen);
    return;
  }
  (schema.allOf ?? []).forEach((part: Schema) =>
    propertiesOf(part, data, at, seen),
  );
  if (Array.isArray(data) && schema.items) {
    data.forEach(item => propertiesOf(schema.items, item, `${at}[]`, seen));
  } else if (data && typeof data === 'object' && schema.properties) {
    for (const [key, value] of Object.entries(data)) {
      seen.add(`${at}.${key}`);
      const child = schema.properties[key];
      if (child) propertiesOf(child, value, `${at}.${key}`, seen);
    }
  }
}

/** The JSON paths of every object in a body, but inside a metric source's own spec. */
function objectPaths(data: unknown, path: Array<string | number> = []) {
  const paths: Array<Array<string | number>> = [];
  if (Array.isArray(data)) {
    data.forEach((item, i) => paths.push(...objectPaths(item, [...path, i])));
  } else if (data && typeof data === 'object') {
    paths.push(path);
    for (const [key, value] of Object.entries(data)) {
      if (key !== 'spec') paths.push(...objectPaths(value, [...path, key]));
    }
  }
  return paths;
}

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .map(
      e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
    )
    .join('\n');

/**
 * The document's schemas as one JSON Schema (draft 2020-12, as OpenAPI 3.1's
 * are), its `#/components/schemas/X` refs as `openapi#/$defs/X`; in strict
 * mode, so that a misspelt keyword or a required property the schema does
 * not define fails too.
 */
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  discriminator: true,
});
addFormats(ajv);
const asDefs = (schema: unknown, prefix: string) =>
  JSON.parse(
    JSON.stringify(schema).replace(
      /"#\/components\/schemas\//g,
      `"${prefix}#/$defs/`,
    ),
  );
ajv.addSchema({ $id: 'openapi', $defs: asDefs(components, '') });
const validatorOf = (schema: Schema): ValidateFunction =>
  ajv.compile(asDefs(schema, 'openapi'));

const responseNames = ['EntitySlos', 'EvaluatedSlo', 'SloStatusReport'];

describe('SLO response schemas', () => {
  it('close every object of the SLO responses', () => {
    const names = reachable(responseNames);
    expect(names).toEqual(
      expect.arrayContaining([
        'SloEvaluation',
        'SloObjectiveEvaluation',
        'SloAlertConditionState',
        'SloStatusPoint',
        'OpenSloProblem',
      ]),
    );
    const objects = objectSchemas(names);
    // The one open object is a metric source's own spec, read by its SLI source.
    expect(
      objects
        .filter(({ schema }) => schema.additionalProperties !== false)
        .map(({ at }) => at),
    ).toEqual(['SloMetricSource.spec']);
    expect(
      objects.flatMap(({ at, schema }) =>
        (schema.required ?? [])
          .filter((key: string) => !(key in (schema.properties ?? {})))
          .map((key: string) => `${at}.${key}`),
      ),
    ).toEqual([]);
  });
});

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'SLO responses on %s',
  databaseId => {
    const dir = createMockDirectory({
      content: { 'catalog.yaml': '', 'slos.yaml': sloFile },
    });
    const entity: Entity = testSystemWithSloFile(dir);

    it('match the OpenAPI document exactly, with every object closed', async () => {
      const { db, server } = await startOnTestDatabase(databases, databaseId, [
        entity,
      ]);
      const now = Date.now();
      const ago = (minutes: number) =>
        new Date(now - minutes * 60_000).toISOString();
      // Deployments every 20 minutes, every fourth failing, lead times from
      // 10 minutes to 2 days; builds every 30 minutes, every third failing.
      const events = [
        ...Array.from({ length: 24 }, (_, i) => ({
          id: `d${i}`,
          type: 'deployment',
          entityRef,
          commitSha: `c${i}`,
          commitTime: ago(20 * (i + 1) + [10, 50, 300, 2880][i % 4]),
          deployTime: ago(20 * (i + 1)),
          environment: 'production',
          succeeded: i % 4 !== 0,
        })),
        ...Array.from({ length: 12 }, (_, i) => ({
          id: `b${i}`,
          type: 'build',
          entityRef,
          finished: ago(30 * (i + 1)),
          succeeded: i % 3 !== 0,
          durationSeconds: 60 + i,
        })),
      ];
      const posted = await request(server)
        .post('/api/system-product/events')
        .set('Authorization', service)
        .send({ events });
      expect(posted.body).toMatchObject({ accepted: events.length });

      const created = await request(server)
        .post(base)
        .set('Authorization', owner)
        .send(leadTimeSlo());
      expect(created.status).toBe(201);

      // Two scheduled evaluations of deploy-success a day apart: a trend of
      // two points (the trend keeps one per 1/500 of the 28-day window).
      const statuses = new SloStatusStore(db);
      const point = (sli: number | null) =>
        ({
          sli,
          remaining: sli === null ? null : 0.25,
          status: sli === null ? 'no-data' : 'at-risk',
        } as SloEvaluation);
      await statuses.recordRun(
        entityRef,
        [{ name: 'deploy-success', evaluation: point(null) }],
        new Date(now - 2 * 86_400_000),
      );
      await statuses.recordRun(
        entityRef,
        [{ name: 'deploy-success', evaluation: point(0.875) }],
        new Date(now - 86_400_000),
      );

      const list = await request(server).get(base).set('Authorization', owner);
      expect(list.status).toBe(200);
      const names = list.body.items.map((s: any) => s.name);
      expect(names).toEqual([
        'deploy-success',
        'lead-time-week',
        'delivery',
        'build-failures',
        'restore',
        'latency',
        'defaults',
        'lead-time',
      ]);
      const reports = [];
      for (const name of names) {
        const report = await request(server)
          .get(`${base}/${name}/status`)
          .set('Authorization', owner);
        expect(report.status).toBe(200);
        reports.push(report.body);
      }
      expect(reports[0].history).toHaveLength(2);

      // An SLO another replica is filling the rollup of, as it stored it.
      const { evaluation: restored, ...restore } = list.body.items.find(
        (s: any) => s.name === 'restore',
      );
      await new SloEvaluationStore(db).put(entityRef, [
        {
          name: 'restore',
          definitionKey: definitionKey(restore),
          evaluation: {
            window: restored.window,
            evaluatedAt: new Date(Date.now() + 1000).toISOString(),
            backfilling: true,
            sli: null,
            remaining: null,
            total: 0,
            status: 'no-data',
            burnRates: [],
            reason: 'backfilling',
          },
        },
      ]);
      const backfilling = await request(server)
        .get(`${base}/restore/status`)
        .set('Authorization', owner);
      expect(backfilling.body.slo.evaluation.backfilling).toBe(true);

      // The set-up gives each shape it promises.
      const byName = Object.fromEntries(
        list.body.items.map((s: any) => [s.name, s]),
      );
      expect(byName.delivery.objectives[0].indicator).toBeDefined();
      expect(byName.delivery.evaluation.objectives).toHaveLength(3);
      expect(byName['lead-time-week'].evaluation.objectives).toHaveLength(2);
      expect(byName['deploy-success'].evaluation.alertConditions).toHaveLength(
        3,
      );
      expect(
        byName['deploy-success'].evaluation.burnRates.some(
          (b: any) => b.longBurn > 0,
        ),
      ).toBe(true);
      expect(byName.restore.evaluation.status).toBe('no-data');
      expect(byName.latency.evaluation.reason).toContain('prometheus');
      expect(list.body.problems.map((p: any) => p.severity ?? 'error')).toEqual(
        expect.arrayContaining(['error', 'warning']),
      );

      const bodies: Array<{
        what: string;
        path: string;
        method: 'get' | 'post';
        body: unknown;
      }> = [
        { what: 'GET slos', path: SLOS, method: 'get', body: list.body },
        { what: 'POST slos', path: SLOS, method: 'post', body: created.body },
        {
          what: 'GET restore/status while backfilling',
          path: STATUS,
          method: 'get',
          body: backfilling.body,
        },
        ...reports.map((body, i) => ({
          what: `GET ${names[i]}/status`,
          path: STATUS,
          method: 'get' as const,
          body,
        })),
      ];

      const seen = new Set<string>();
      for (const { what, path, method, body } of bodies) {
        const schema = responseSchema(path, method);
        const validate = validatorOf(schema);
        // A body the document refuses: fail naming each of ajv's errors.
        expect(
          `${what}\n${validate(body) ? '' : describeErrors(validate.errors)}`,
        ).toBe(`${what}\n`);
        propertiesOf(schema, body, '', seen);

        // Too loose is as wrong as too strict: a field the document does not
        // name is refused on every object of the body.
        const open = objectPaths(body).filter(at => {
          const copy = structuredClone(body) as any;
          const target = at.reduce((node, key) => node[key], copy);
          target.notInTheDocument = true;
          return validate(copy);
        });
        expect(open.map(at => `${what} /${at.join('/')}`)).toEqual([]);
      }

      // Every property of the schemas occurs in these bodies, but those the
      // TypeScript types allow and the service never sends.
      const never = objectSchemas(reachable(responseNames))
        .flatMap(({ at, schema }) =>
          Object.keys(schema.properties ?? {}).map(key => `${at}.${key}`),
        )
        .filter(at => !seen.has(at));
      expect(never).toEqual(['SloObjectiveEvaluation.alertConditions']);
    });
  },
);
