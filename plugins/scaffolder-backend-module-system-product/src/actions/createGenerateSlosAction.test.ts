import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  MetricSource,
  parseOpenSlo,
} from '@system-product/backstage-plugin-common';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { createGenerateSlosAction } from './createGenerateSlosAction';

/**
 * Measures of the backend's `system-product` source (EventSliSource) and the
 * event each belongs to; deployments and incidents filter by environment,
 * survey answers by survey template.
 */
const EVALUATED_MEASURES: Record<string, string> = {
  'lead-time-seconds': 'deployment',
  'deployment-success': 'deployment',
  count: 'deployment',
  'time-to-restore-seconds': 'incident',
  csat: 'survey',
  nps: 'survey',
};

describe('system-product:slos:generate', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createGenerateSlosAction();

  beforeEach(() => mockDir.setContent({ workspace: {} }));

  const allTargets = {
    service: 'new-pipeline',
    leadTime: { hours: 24, targetPercent: 90 },
    changeFailureRate: { maxPercent: 10 },
    timeToRestore: { hours: 4, targetPercent: 95 },
    satisfaction: { measure: 'csat' as const, targetPercent: 80 },
  };

  async function run(input: Record<string, unknown>, isDryRun = false) {
    const ctx = {
      ...createMockActionContext({ input: input as any, workspacePath }),
      isDryRun,
    };
    await action.handler(ctx as any);
    return ctx;
  }

  /** Reads a written file the way the backend's SloFileReader does. */
  function readSlos(path = 'slos.yaml') {
    const text = readFileSync(join(workspacePath, path), 'utf8');
    const documents = parseAllDocuments(text);
    expect(documents.flatMap(d => d.errors)).toEqual([]);
    return parseOpenSlo(
      documents.map(d => d.toJS()),
      path,
    );
  }

  it('writes slos.yaml that the OpenSLO parser accepts with the four targets', async () => {
    const ctx = await run(allTargets);

    const { slos, problems } = readSlos();
    expect(problems).toEqual([]);
    const byName = Object.fromEntries(slos.map(s => [s.name, s]));
    expect(Object.keys(byName)).toEqual([
      'lead-time-for-changes',
      'change-failure-rate',
      'time-to-restore',
      'developer-satisfaction',
    ]);
    expect(byName['lead-time-for-changes'].objectives[0]).toEqual({
      target: 0.9,
      op: 'lte',
      value: 86400,
    });
    expect(byName['change-failure-rate'].objectives[0]).toEqual({
      target: 0.9,
    });
    expect(byName['change-failure-rate'].indicator!.ratio?.good?.spec).toEqual({
      event: 'deployment',
      measure: 'deployment-success',
      filter: { environment: 'production' },
    });
    expect(byName['time-to-restore'].objectives[0]).toEqual({
      target: 0.95,
      op: 'lte',
      value: 14400,
    });
    expect(byName['developer-satisfaction'].objectives[0]).toEqual({
      target: 0.8,
      op: 'gte',
      value: 4,
    });
    for (const slo of slos) {
      expect(slo.service).toBe('new-pipeline');
      expect(slo.budgetingMethod).toBe('Occurrences');
      expect(slo.window).toEqual({
        duration: { amount: 28, unit: 'd' },
        isRolling: true,
      });
    }
    expect(ctx.output).toHaveBeenCalledWith('path', 'slos.yaml');
    expect(ctx.output).toHaveBeenCalledWith('sloNames', Object.keys(byName));
  });

  it('uses only metric sources the System Product backend evaluates', async () => {
    await run({ ...allTargets, environment: 'prod-eu' });

    const sources: MetricSource[] = readSlos().slos.flatMap(slo =>
      [
        slo.indicator!.threshold,
        slo.indicator!.ratio?.good,
        slo.indicator!.ratio?.total,
      ].filter((s): s is MetricSource => s !== undefined),
    );
    expect(sources).toHaveLength(5);
    for (const source of sources) {
      expect(source.type).toBe('system-product');
      const { event, measure, filter, ...rest } = source.spec as any;
      expect(rest).toEqual({});
      expect(EVALUATED_MEASURES[measure]).toBe(event);
      // Survey answers have no environment; the survey filter is tested below.
      expect(filter).toEqual(
        event === 'survey' ? undefined : { environment: 'prod-eu' },
      );
    }
  });

  it('writes plain YAML without anchors, so each SLO can be edited on its own', async () => {
    await run(allTargets);
    const text = readFileSync(join(workspacePath, 'slos.yaml'), 'utf8');
    expect(text).not.toMatch(/[&*]a\d/);
    expect(
      text.startsWith('# Delivery SLOs of new-pipeline (OpenSLO v1).'),
    ).toBe(true);
  });

  it('counts every environment when the environment is empty', async () => {
    await run({
      service: 'x',
      environment: '',
      leadTime: { hours: 2, targetPercent: 50 },
    });
    const [slo] = readSlos().slos;
    expect(slo.indicator!.threshold?.spec).toEqual({
      event: 'deployment',
      measure: 'lead-time-seconds',
    });
    expect(slo.description).toBe(
      '50% of deployments go out within 2 hours of their commit.',
    );
  });

  it('measures NPS as the share of promoters', async () => {
    await run({
      service: 'support-desk',
      satisfaction: { measure: 'nps', targetPercent: 40 },
    });
    const [slo] = readSlos().slos;
    expect(slo.objectives[0]).toEqual({ target: 0.4, op: 'gte', value: 9 });
    expect(slo.indicator!.threshold?.spec).toEqual({
      event: 'survey',
      measure: 'nps',
    });
  });

  it('counts the answers of one survey template when asked', async () => {
    await run({
      service: 'support-desk',
      satisfaction: { targetPercent: 80, survey: 'platform-pulse' },
    });
    const [slo] = readSlos().slos;
    // csat is the default measure.
    expect(slo.objectives[0]).toEqual({ target: 0.8, op: 'gte', value: 4 });
    expect(slo.indicator!.threshold?.spec).toEqual({
      event: 'survey',
      measure: 'csat',
      filter: { survey: 'platform-pulse' },
    });
  });

  it('writes to the given path and window', async () => {
    const ctx = await run({
      service: 'x',
      path: 'systems/x/slos.yml',
      window: '7d',
      changeFailureRate: { maxPercent: 0.1 },
    });
    const [slo] = readSlos('systems/x/slos.yml').slos;
    expect(slo.window.duration).toEqual({ amount: 7, unit: 'd' });
    // 99.9% without floating point noise.
    expect(slo.objectives[0].target).toBe(0.999);
    expect(ctx.output).toHaveBeenCalledWith('path', 'systems/x/slos.yml');
  });

  it('writes into the workspace in a dry run too, which is a temporary copy', async () => {
    const ctx = await run(allTargets, true);
    expect(readSlos().slos).toHaveLength(4);
    expect(ctx.output).toHaveBeenCalledWith('path', 'slos.yaml');
  });

  it.each([['../slos.yaml'], ['/tmp/slos.yaml'], ['a/../../slos.yaml']])(
    'refuses the path %s outside the workspace',
    async path => {
      await expect(run({ ...allTargets, path })).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('inside the workspace'),
      });
      expect(existsSync(mockDir.resolve('slos.yaml'))).toBe(false);
    },
  );

  it('refuses a path through a symlinked folder that leads out of the workspace', async () => {
    mockDir.setContent({ workspace: {}, elsewhere: {} });
    symlinkSync(mockDir.resolve('elsewhere'), join(workspacePath, 'out'));
    await expect(
      run({ ...allTargets, path: 'out/deeper/slos.yaml' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    expect(existsSync(mockDir.resolve('elsewhere/deeper'))).toBe(false);
  });

  it('refuses a path that is not a YAML file', async () => {
    await expect(
      run({ ...allTargets, path: 'slos.json' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'path must name a .yaml or .yml file, not "slos.json"',
    });
  });

  it('asks for at least one target', async () => {
    await expect(run({ service: 'x' })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('at least one target'),
    });
  });

  it.each([
    [{ leadTime: { hours: 24, targetPercent: 100 } }, 'leadTime.targetPercent'],
    [{ leadTime: { hours: 0, targetPercent: 90 } }, 'leadTime.hours'],
    [{ changeFailureRate: { maxPercent: 0 } }, 'changeFailureRate.maxPercent'],
    [
      { timeToRestore: { hours: -1, targetPercent: 90 } },
      'timeToRestore.hours',
    ],
    [
      { satisfaction: { measure: 'csat', targetPercent: '80' } },
      'satisfaction.targetPercent',
    ],
    [
      { satisfaction: { measure: 'ces', targetPercent: 80 } },
      'satisfaction.measure',
    ],
  ])('names the target that is out of range: %j', async (target, field) => {
    await expect(run({ service: 'x', ...target })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(new RegExp(`^${field} must be`)),
    });
    expect(existsSync(join(workspacePath, 'slos.yaml'))).toBe(false);
  });

  it('refuses a window that is not an OpenSLO duration', async () => {
    await expect(
      run({ ...allTargets, window: '4 weeks' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('window must be an OpenSLO duration'),
    });
  });

  it('keeps an existing file unless overwrite is set', async () => {
    mockDir.setContent({ workspace: { 'slos.yaml': '# mine\n' } });
    await expect(run(allTargets)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('already exists'),
    });
    expect(readFileSync(join(workspacePath, 'slos.yaml'), 'utf8')).toBe(
      '# mine\n',
    );

    await run({ ...allTargets, overwrite: true });
    expect(readSlos().slos).toHaveLength(4);
  });

  it.each(
    createGenerateSlosAction().examples!.map(e => [e.description, e.example]),
  )('example "%s" writes SLOs the parser accepts', async (_, example) => {
    const [step] = parse(example).steps;
    await run(step.input);
    const { slos, problems } = readSlos(step.input.path ?? 'slos.yaml');
    expect(problems).toEqual([]);
    expect(slos.length).toBeGreaterThan(0);
  });
});
