import { DoraMetrics } from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { DoraCard } from './DoraCard';

const entity = { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' };

/** A month of figures: some banded, some with too few samples. */
function dora(days: DoraMetrics['days'] = 30): DoraMetrics {
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    days,
    from: '2026-10-26T12:00:00.000Z',
    to: '2026-11-25T12:00:00.000Z',
    minSamples: 5,
    deploymentFrequency: {
      cadence: 'monthly',
      band: 'medium',
      sampleSize: 30,
      deployDays: 1,
      weeks: 5,
      weeksWithDeployments: 1,
      months: 1,
      monthsWithDeployments: 1,
      medianDeployDaysPerWeek: 0,
      medianDeploymentsPerDeployDay: 30,
    },
    changeLeadTime: { value: 19_800, sampleSize: 30, band: 'elite' },
    changeFailureRate: { value: 0.2, count: 6, sampleSize: 30, band: 'high' },
    deploymentReworkRate: {
      value: 0.1,
      count: 3,
      sampleSize: 30,
      band: null,
    },
    failedDeploymentRecoveryTime: { value: 52_200, sampleSize: 2, band: null },
    incidents: {
      timeToDetect: { value: 600, sampleSize: 3, band: null },
      timeToRestore: { value: 10_800, sampleSize: 3, band: null },
    },
    bandsSource: {
      title:
        'DORA, Accelerate State of DevOps Report 2024: performance clusters',
      url: 'https://dora.dev/research/2024/dora-report/',
    },
  };
}

describe('DoraCard', () => {
  it('shows every figure with its unit, sample size and band, or why it has none', async () => {
    await renderWithEntity(<DoraCard />, { getDora: async () => dora() });

    expect(await screen.findByText('Monthly')).toBeInTheDocument();
    expect(screen.getByText('Medium performer')).toBeInTheDocument();
    expect(
      screen.getByText(/30 deployments; deployments in 1 of 5 weeks/),
    ).toBeInTheDocument();
    // 19 800 s = 5.5 h
    expect(screen.getByText('5.5 h')).toBeInTheDocument();
    expect(screen.getByText('Elite performer')).toBeInTheDocument();
    expect(screen.getByText('20%')).toBeInTheDocument();
    expect(
      screen.getByText('6 of 30 deployments failed or caused an incident'),
    ).toBeInTheDocument();
    expect(screen.getByText('High performer')).toBeInTheDocument();
    // 52 200 s = 14.5 h, from 2 failed deployments
    expect(screen.getByText('14.5 h')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not enough data: 2 failed deployments (a band needs 5)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('10%')).toBeInTheDocument();
    expect(
      screen.getByText('3 of 30 deployments remediated an incident'),
    ).toBeInTheDocument();
    // MTTD 600 s = 10 min, MTTR 10 800 s = 3 h
    expect(screen.getByText('Time to detect incidents (MTTD)')).toBeVisible();
    expect(screen.getByText('10 min')).toBeInTheDocument();
    expect(screen.getByText('3 h')).toBeInTheDocument();
    expect(screen.getAllByText('median of 3 incidents')).toHaveLength(2);
    expect(screen.getAllByText('No DORA band for this figure')).toHaveLength(3);
    expect(
      screen.getByRole('link', {
        name: /DORA, Accelerate State of DevOps Report 2024: performance clusters/,
      }),
    ).toHaveAttribute('href', 'https://dora.dev/research/2024/dora-report/');
  });

  it('gives durations of a day or more in days', async () => {
    const longer = dora();
    longer.changeLeadTime = { value: 86_400, sampleSize: 30, band: 'high' };
    longer.failedDeploymentRecoveryTime = {
      value: 200_000,
      sampleSize: 2,
      band: null,
    };
    await renderWithEntity(<DoraCard />, { getDora: async () => longer });
    expect(await screen.findByText('1 day')).toBeInTheDocument();
    expect(screen.getByText('2.3 days')).toBeInTheDocument();
  });

  it('loads the period the reader picks', async () => {
    const getDora = jest.fn(
      async (_entity: unknown, options?: { days?: DoraMetrics['days'] }) =>
        dora(options?.days),
    );
    await renderWithEntity(<DoraCard />, { getDora });
    expect(await screen.findByText('Monthly')).toBeInTheDocument();
    expect(getDora).toHaveBeenLastCalledWith(entity, { days: 30 });

    fireEvent.mouseDown(screen.getByLabelText('Period'));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('Last 90 days'),
    );
    await waitFor(() =>
      expect(getDora).toHaveBeenLastCalledWith(entity, { days: 90 }),
    );
    expect(
      await screen.findByText(/over the last 90 days/),
    ).toBeInTheDocument();
  });

  it('says what to do when there are no deployments or incidents', async () => {
    const none = { value: null, sampleSize: 0, band: null };
    await renderWithEntity(<DoraCard />, {
      getDora: async () => ({
        ...dora(7),
        deploymentFrequency: {
          ...dora().deploymentFrequency,
          cadence: null,
          band: null,
          sampleSize: 0,
        },
        incidents: { timeToDetect: none, timeToRestore: none },
      }),
    });
    expect(
      await screen.findByText(
        'No production deployments or incidents in the last 30 days',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/come from the GitHub, GitLab and PagerDuty webhooks/),
    ).toBeInTheDocument();
    // How to send data stays folded until asked for.
    expect(screen.queryByText(/module-github/)).toBeNull();
    const toggle = screen.getByRole('button', { name: 'How to send data' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    for (const module of ['github', 'gitlab', 'pagerduty']) {
      expect(
        screen.getByText(
          `@system-product/backstage-plugin-backend-module-${module}`,
        ),
      ).toBeInTheDocument();
    }
    expect(screen.getByText('github.com/project-slug')).toBeInTheDocument();
    expect(screen.getByText('pagerduty.com/service-id')).toBeInTheDocument();
    const command = screen.getByLabelText('Command that posts one deployment')
      .textContent!;
    expect(command).toContain('$BACKSTAGE_URL/api/system-product/events');
    expect(JSON.parse(/-d '(.*)'$/.exec(command)![1])).toEqual({
      events: [
        {
          id: 'first-deployment',
          type: 'deployment',
          entityRef: 'system:default/ci-cd-pipeline',
          commitSha: expect.any(String),
          commitTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          deployTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          environment: 'production',
          succeeded: true,
        },
      ],
    });
    expect(
      screen.getByRole('button', { name: 'Copy the command' }),
    ).toBeInTheDocument();
  });

  it('says nothing of how to send data once there are figures', async () => {
    await renderWithEntity(<DoraCard />, { getDora: async () => dora() });
    expect(await screen.findByText('Monthly')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'How to send data' }),
    ).toBeNull();
    expect(screen.queryByText(/curl/)).toBeNull();
  });

  it('shows the error with a way to try again', async () => {
    const getDora = jest
      .fn()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockResolvedValue(dora());
    await renderWithEntity(<DoraCard />, { getDora });
    expect(
      await screen.findByText(/Could not load the DORA metrics/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Monthly')).toBeInTheDocument();
  });
});
