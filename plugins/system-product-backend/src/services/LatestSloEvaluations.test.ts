import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  SloEvaluation,
  parseOpenSlo,
} from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { parseAllDocuments } from 'yaml';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';
import { migrateClient } from '../database/migrations';
import { SloEvaluationStore } from '../database/SloEvaluationStore';
import { LocatedSlo, SloEvaluator } from '../slo/SloEvaluator';
import { LatestSloEvaluations } from './LatestSloEvaluations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const entityRef = 'system:default/ci-cd-pipeline';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'ci-cd-pipeline', namespace: 'default' },
};

const sloOf = (yaml: string): LocatedSlo => {
  const { slos } = parseOpenSlo(
    parseAllDocuments(yaml).map(d => d.toJS()),
    'slos.yaml',
  );
  return { ...slos[0], origin: 'file' };
};
const success = sloOf(deploymentSuccessSlo('deploy-success'));
const stricter = sloOf(
  deploymentSuccessSlo('deploy-success', { target: 0.99 }),
);
const other = sloOf(deploymentSuccessSlo('other'));

/**
 * An evaluator whose SLI is what `sli` holds when evaluated, and whose
 * rollups fill when `fillDone` is called (at once unless `slowFill`).
 */
function fakeEvaluator(definitions: LocatedSlo[]) {
  const state = {
    sli: 0.5,
    evaluations: 0,
    slowFill: false,
    fillDone: () => {},
    fills: 0,
  };
  const evaluator = {
    definitions: async () => ({
      source: 'slos.yaml',
      slos: definitions,
      problems: [],
    }),
    keepRollups: async () => {
      state.fills++;
      if (state.slowFill) {
        await new Promise<void>(resolve => {
          state.fillDone = resolve;
        });
        return [{ slo: 'x', events: 7, ms: 1 }];
      }
      return [];
    },
    evaluateOne: async (_ref: string, slo: LocatedSlo, now: Date) => {
      state.evaluations++;
      const evaluation: SloEvaluation = {
        window: { from: '2026-11-01T00:00:00.000Z', to: now.toISOString() },
        evaluatedAt: now.toISOString(),
        sli: state.sli,
        remaining: null,
        total: 2,
        status: 'breached',
        burnRates: [],
      };
      return { ...slo, evaluation };
    },
  };
  return { state, evaluator: evaluator as unknown as SloEvaluator };
}

describe.each(databases.eachSupportedId())(
  'LatestSloEvaluations on %s',
  databaseId => {
    async function setUp(definitions: LocatedSlo[]) {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const { state, evaluator } = fakeEvaluator(definitions);
      const store = new SloEvaluationStore(knex);
      const logger = mockServices.logger.mock();
      const latest = new LatestSloEvaluations(evaluator, store, {
        logger,
        entityOf: async ref => (ref === entityRef ? entity : undefined),
        refreshDelayMs: 60_000,
        fillWaitMs: 50,
      });
      return { state, store, latest, logger };
    }

    it('evaluates an SLO once, then serves what it stored', async () => {
      const { state, latest } = await setUp([success]);
      const [first] = await latest.read(entity, [success]);
      expect(first.evaluation.sli).toBe(0.5);
      state.sli = 0.75;
      const [second] = await latest.read(entity, [success]);
      expect(second.evaluation).toEqual(first.evaluation);
      expect(state.evaluations).toBe(1);
    });

    it('evaluates again an SLO whose definition changed', async () => {
      const { state, latest } = await setUp([success]);
      await latest.read(entity, [success]);
      state.sli = 0.75;
      const [changed] = await latest.read(entity, [stricter]);
      expect(changed.objectives[0].target).toBe(0.99);
      expect(changed.evaluation.sli).toBe(0.75);
      expect(state.evaluations).toBe(2);
    });

    it('reads its own writes: a read after a write here evaluates', async () => {
      const { state, latest } = await setUp([success]);
      await latest.read(entity, [success]);
      state.sli = 0.75;
      latest.changed([entityRef]);
      const [after] = await latest.read(entity, [success]);
      expect(after.evaluation.sli).toBe(0.75);
      // The refresh that was due finds nothing left to do.
      await latest.settled();
      expect(state.evaluations).toBe(2);
    });

    it('refreshes after a write the SLOs it stores, no others', async () => {
      const { state, store, latest } = await setUp([success, other]);
      await latest.read(entity, [success]);
      state.sli = 0.75;
      latest.changed([entityRef, 'system:default/gone']);
      await latest.settled();
      const stored = await store.list(entityRef);
      expect([...stored.keys()]).toEqual(['deploy-success']);
      expect(stored.get('deploy-success')!.evaluation.sli).toBe(0.75);
      expect(state.evaluations).toBe(2);
    });

    it('serves a slow fill as backfilling, then its evaluation', async () => {
      const { state, latest, logger } = await setUp([success]);
      state.slowFill = true;
      const [filling] = await latest.read(entity, [success]);
      expect(filling.evaluation).toMatchObject({
        backfilling: true,
        status: 'no-data',
        sli: null,
        reason: "backfilling the SLO's rollup from the stored events",
      });
      expect(state.evaluations).toBe(0);
      // Still filling: served as stored, not filled a second time.
      const [again] = await latest.read(entity, [success]);
      expect(again.evaluation.backfilling).toBe(true);
      expect(state.fills).toBe(1);

      state.slowFill = false;
      state.fillDone();
      await new Promise(resolve => setTimeout(resolve, 200));
      const [done] = await latest.read(entity, [success]);
      expect(done.evaluation.backfilling).toBeUndefined();
      expect(done.evaluation.sli).toBe(0.5);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Filled the rollup of SLO deploy-success of system:default\/ci-cd-pipeline from 7 stored events in \d+ ms$/,
        ),
      );
    });

    it('never replaces an evaluation with an older one', async () => {
      const { store } = await setUp([success]);
      const at = (iso: string, sli: number): SloEvaluation => ({
        window: { from: '2026-11-01T00:00:00.000Z', to: iso },
        evaluatedAt: iso,
        sli,
        remaining: null,
        total: 1,
        status: 'met',
        burnRates: [],
      });
      const put = (iso: string, sli: number) =>
        store.put(entityRef, [
          {
            name: 'deploy-success',
            definitionKey: 'k',
            evaluation: at(iso, sli),
          },
        ]);
      await put('2026-12-01T12:00:00.000Z', 0.5);
      await put('2026-12-01T11:00:00.000Z', 0.25);
      expect(
        (await store.list(entityRef)).get('deploy-success')!.evaluation.sli,
      ).toBe(0.5);
      await put('2026-12-01T13:00:00.000Z', 0.75);
      expect(
        (await store.list(entityRef)).get('deploy-success')!.evaluation.sli,
      ).toBe(0.75);
    });
  },
);
