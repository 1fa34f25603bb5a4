import { cloneElement, ReactElement } from 'react';
import { screen, within } from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { budgetDomain, sliDomain, SloTrend } from './SloTrend';

// jsdom lays nothing out, so a ResponsiveContainer measures 0 × 0 and draws
// nothing; a fixed size lets the charts draw their axes.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: (props: { children: ReactElement }) =>
      cloneElement(props.children, { width: 600, height: 200 }),
  };
});

/** The y-axis tick labels of a chart, lowest first. */
const yTicks = (figure: HTMLElement) =>
  Array.from(
    figure.querySelectorAll(
      '.recharts-yAxis .recharts-cartesian-axis-tick-value',
    ),
  ).map(tick => tick.textContent);

const history = [
  {
    at: '2026-11-24T10:00:00Z',
    status: 'met' as const,
    sli: 0.99,
    remaining: 0.8,
  },
  {
    at: '2026-11-24T10:05:00Z',
    status: 'breached' as const,
    sli: 0.93,
    remaining: -4.5,
  },
];

describe('SloTrend', () => {
  it('draws the SLI against its objective and the budget on an axis of its own', async () => {
    await renderWithEntity(
      <SloTrend sloName="lead-time" displayName="Lead time" target={0.95} />,
      {
        getSloStatus: async () => ({ slo: undefined as never, history }),
      },
    );
    const sli = await screen.findByRole('figure', {
      name: 'SLI of Lead time against its objective',
    });
    const budget = screen.getByRole('figure', {
      name: 'Error budget of Lead time left',
    });
    // SLI from a little below the lowest (93%) to 100%; never negative.
    expect(yTicks(sli)[0]).toBe('90%');
    expect(yTicks(sli).pop()).toBe('100%');
    expect(within(sli).getByText('objective 95%')).toBeInTheDocument();
    // The budget down to its overspend, -450%, up to 100%: not the SLI's axis.
    expect(yTicks(budget)[0]).toBe('-450%');
    expect(yTicks(budget).pop()).toBe('100%');
    expect(within(budget).getByText('used up')).toBeInTheDocument();
    expect(
      within(budget).getByText(
        /^Budget left went from 80% to -450% over 2 evaluations/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps the budget axis at 0 to 100% while none is overspent, and the SLI axis to the objective', () => {
    expect(budgetDomain([0.8 * 100, 45, null])).toEqual([0, 100]);
    expect(budgetDomain([-450, 80])).toEqual([-450, 100]);
    expect(sliDomain([99, 97], 95)).toEqual([90, 100]);
    expect(sliDomain([null], undefined)).toEqual([95, 100]);
  });
});
