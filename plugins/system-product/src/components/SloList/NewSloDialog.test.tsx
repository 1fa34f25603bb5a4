import {
  DoraMetrics,
  EvaluatedSlo,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { NewSloDialog } from './NewSloDialog';

/** DORA's figures of the last year: `deployments` production deployments, with lead times. */
const dora = (deployments: number) => async (): Promise<DoraMetrics> => {
  const none = { value: null, sampleSize: 0, band: null };
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    days: 365,
    from: '2025-11-25T12:00:00.000Z',
    to: '2026-11-25T12:00:00.000Z',
    minSamples: 5,
    deploymentFrequency: {
      cadence: deployments > 0 ? 'weekly' : null,
      band: null,
      sampleSize: deployments,
      deployDays: deployments,
      weeks: 53,
      weeksWithDeployments: 0,
      months: 13,
      monthsWithDeployments: 0,
      medianDeployDaysPerWeek: 0,
      medianDeploymentsPerDeployDay: null,
    },
    changeLeadTime: { ...none, sampleSize: deployments },
    changeFailureRate: { ...none, count: 0 },
    deploymentReworkRate: { ...none, count: 0 },
    failedDeploymentRecoveryTime: none,
    incidents: { timeToDetect: none, timeToRestore: none },
    bandsSource: { title: 'DORA 2024', url: 'https://dora.dev/' },
  };
};

/** A build SLO of the system that counted `total` builds in its 7 days. */
const buildSlo = (total: number): EvaluatedSlo => ({
  name: 'build-success',
  origin: 'portal',
  displayName: 'Build success',
  description: '',
  service: '',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 7, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.95 }],
  indicator: {
    name: 'build-success',
    ratio: {
      good: {
        type: 'system-product',
        spec: { event: 'build', measure: 'build-success' },
      },
      total: {
        type: 'system-product',
        spec: { event: 'build', measure: 'count' },
      },
    },
  },
  evaluation: {
    window: { from: '2026-11-18T00:00:00Z', to: '2026-11-25T00:00:00Z' },
    sli: total > 0 ? 1 : null,
    remaining: total > 0 ? 1 : null,
    total,
    status: total > 0 ? 'met' : 'no-data',
    burnRates: [],
  },
});

function renderDialog(
  api: Partial<SystemProductApi>,
  slos: EvaluatedSlo[] = [],
) {
  const onSave = jest.fn(async () => undefined);
  return {
    onSave,
    rendered: renderWithEntity(
      <NewSloDialog onClose={() => {}} onSave={onSave} slos={slos} />,
      api,
    ),
  };
}

const pick = async (indicator: string) => {
  fireEvent.mouseDown(screen.getByLabelText('Indicator'));
  fireEvent.click(await screen.findByRole('option', { name: indicator }));
};

describe('NewSloDialog', () => {
  it('names the SLO after its threshold and target until the owner types a name', async () => {
    const { onSave, rendered } = renderDialog({ getDora: dora(12) });
    await rendered;
    const name = screen.getByLabelText('Display name');
    expect(name).toHaveValue(
      'Lead time within 24 hours for 90% of deployments',
    );

    fireEvent.change(screen.getByLabelText('At most (hours)'), {
      target: { value: '1' },
    });
    fireEvent.change(screen.getByLabelText('Target (% of events)'), {
      target: { value: '95' },
    });
    expect(name).toHaveValue('Lead time within 1 hour for 95% of deployments');

    await pick('Build success');
    expect(name).toHaveValue('Build success for 95% of builds');

    fireEvent.change(name, { target: { value: 'Green builds' } });
    fireEvent.change(screen.getByLabelText('Target (% of events)'), {
      target: { value: '99' },
    });
    expect(name).toHaveValue('Green builds');

    fireEvent.click(screen.getByRole('button', { name: 'Add SLO' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        metadata: { name: 'build-success', displayName: 'Green builds' },
      }),
    );
  });

  it('warns when the system has no deployments yet, with a command that posts one', async () => {
    const getDora = jest.fn(dora(0));
    const { rendered } = renderDialog({ getDora });
    await rendered;
    expect(
      await screen.findByText(
        /^This system has no production deployments in the last 365 days: the SLO shows no data until one is posted\./,
      ),
    ).toBeInTheDocument();
    expect(getDora).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
      { days: 365 },
    );
    const command = screen.getByLabelText('Command that posts one deployment')
      .textContent!;
    expect(command).toMatch(
      /^curl -X POST -H "Authorization: Bearer \$SYSTEM_PRODUCT_TOKEN" -H 'Content-Type: application\/json' \\\n {2}\$BACKSTAGE_URL\/api\/system-product\/events -d '/,
    );
    const body = JSON.parse(/-d '(.*)'$/.exec(command)![1]);
    expect(body).toEqual({
      events: [
        {
          id: 'first-deployment',
          entityRef: 'system:default/ci-cd-pipeline',
          type: 'deployment',
          commitSha: '9fceb02',
          commitTime: expect.stringMatching(
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
          ),
          deployTime: expect.stringMatching(
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
          ),
          environment: 'production',
          succeeded: true,
        },
      ],
    });
    expect(
      screen.getByRole('button', { name: 'Copy the command' }),
    ).toBeInTheDocument();
  });

  it('says nothing of events once the system has some', async () => {
    const { rendered } = renderDialog({ getDora: dora(12) }, [buildSlo(10)]);
    await rendered;
    await waitFor(() =>
      expect(screen.getByLabelText('Display name')).toBeInTheDocument(),
    );
    await pick('Build success');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/curl/)).toBeNull();
  });

  it("warns of no builds from the system's build SLOs that counted none", async () => {
    const { rendered } = renderDialog({ getDora: dora(12) }, [buildSlo(0)]);
    await rendered;
    await pick('Build success');
    expect(
      await screen.findByText(
        /^This system has no builds in the rolling 7 days of "Build success"/,
      ),
    ).toBeInTheDocument();
    const body = JSON.parse(
      /-d '(.*)'$/.exec(
        screen.getByLabelText('Command that posts one build').textContent!,
      )![1],
    );
    expect(body.events[0]).toEqual({
      id: 'first-build',
      entityRef: 'system:default/ci-cd-pipeline',
      type: 'build',
      finished: expect.any(String),
      durationSeconds: 300,
      succeeded: true,
    });
  });

  it('says more quietly that builds must be posted when nothing tells whether any were', async () => {
    const { rendered } = renderDialog({ getDora: dora(12) });
    await rendered;
    await pick('Build success');
    expect(
      await screen.findByText(
        /^The SLO counts the builds posted to System Product; until one is, it shows no data\./,
      ),
    ).toBeInTheDocument();
  });
});
