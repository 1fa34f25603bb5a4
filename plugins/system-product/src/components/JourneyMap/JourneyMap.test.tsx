import { Journey } from '@system-product/backstage-plugin-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { JourneyMap } from './JourneyMap';

function journey(reports: number, averageSeverity: number | null): Journey {
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    version: 2,
    stages: [
      {
        id: 's1',
        name: 'Review',
        description: 'From pull request to approval',
        touchpoints: [
          {
            id: 't1',
            name: 'Pull request checks',
            expectedMinutes: 25,
            failureModes: ['Flaky tests'],
            owner: null,
            friction: { reports, averageSeverity },
          },
        ],
      },
      {
        id: 's2',
        name: 'Release',
        description: '',
        touchpoints: [
          {
            id: 't2',
            name: 'Rollback',
            expectedMinutes: null,
            failureModes: [],
            owner: null,
            friction: { reports: 0, averageSeverity: null },
          },
        ],
      },
    ],
  };
}

describe('JourneyMap', () => {
  it('lays out stages with touchpoints, time, failure modes and friction heat', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => journey(3, 4.3),
    });
    const hot = await screen.findByTestId('touchpoint-Pull request checks');
    expect(hot).toHaveAttribute('data-heat', '3');
    expect(within(hot).getByText('Takes about 25 min')).toBeInTheDocument();
    expect(within(hot).getByText('Flaky tests')).toBeInTheDocument();
    expect(
      within(hot).getByText('Friction 4.3 of 5 from 3 reports'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('touchpoint-Rollback')).toHaveAttribute(
      'data-heat',
      '0',
    );
    expect(screen.getByText('Expected time unknown')).toBeInTheDocument();
    expect(screen.getByText('1. Pull request checks')).toBeInTheDocument();
  });

  it('sends an anonymous friction report and reloads the heat', async () => {
    const getJourney = jest
      .fn()
      .mockResolvedValueOnce(journey(0, null))
      .mockResolvedValue(journey(1, 5));
    const reportFriction = jest.fn().mockResolvedValue(undefined);
    await renderWithEntity(<JourneyMap />, { getJourney, reportFriction });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Report friction on Pull request checks',
      }),
    );
    await userEvent.click(screen.getByLabelText('5: Blocks my work'));
    await userEvent.type(
      screen.getByLabelText('What happened? (optional)'),
      'Reran 3 times',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));

    await waitFor(() =>
      expect(reportFriction).toHaveBeenCalledWith(
        { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
        { touchpointId: 't1', severity: 5, text: 'Reran 3 times' },
      ),
    );
    await waitFor(() =>
      expect(
        screen.getByTestId('touchpoint-Pull request checks'),
      ).toHaveAttribute('data-heat', '3'),
    );
  });

  it('invites the owner to map the journey when there is none', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => ({
        entityRef: 'system:default/ci-cd-pipeline',
        version: 0,
        stages: [],
      }),
    });
    expect(
      await screen.findByText('No journey mapped yet'),
    ).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => {
        throw new Error('Backend unreachable');
      },
    });
    expect(
      await screen.findByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
