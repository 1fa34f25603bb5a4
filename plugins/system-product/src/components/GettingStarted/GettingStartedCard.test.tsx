import {
  SystemProductApi,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { GettingStartedCard } from './GettingStartedCard';

const ENTITY = 'system:default/ci-cd-pipeline';

/** A system product with a canvas and a journey, and nothing else yet. */
const halfway: Partial<SystemProductApi> = {
  getCanvas: async () => ({
    entityRef: ENTITY,
    version: 2,
    content: emptyCanvasContent(),
  }),
  getJourney: async () => ({
    entityRef: ENTITY,
    version: 1,
    stages: [{ id: 's1', name: 'Build', description: '', touchpoints: [] }],
  }),
  getSurveyRounds: async () => [],
  getSlos: async () => ({ source: null, items: [], problems: [] }),
  getRoadmap: async () => [],
};

describe('GettingStartedCard', () => {
  it('ticks the steps that have content, in the order of work, and links to where the others are done', async () => {
    await renderWithEntity(<GettingStartedCard />, halfway, { owner: true });
    const steps = await screen.findByRole('list', {
      name: 'Getting started steps',
    });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map(
          item => item.querySelector('.MuiListItemText-primary')?.textContent,
        ),
    ).toEqual([
      '1. Canvas · done',
      '2. Journey · done',
      '3. Survey',
      '4. SLOs',
      '5. Roadmap',
    ]);
    expect(
      screen.getByText('2 of 5 steps done, in this order'),
    ).toBeInTheDocument();
    expect(screen.getAllByTitle('Done')).toHaveLength(2);
    expect(screen.getAllByTitle('Not done yet')).toHaveLength(3);
    expect(
      screen.getByRole('link', { name: 'Open the SLOs tab' }),
    ).toHaveAttribute('href', '/system-product/slos');
    expect(
      screen.getByRole('link', { name: 'Open the Roadmap tab' }),
    ).toHaveAttribute('href', '/system-product/roadmap');
    expect(
      screen.getByText(/the survey card on the Overview/),
    ).toBeInTheDocument();
  });

  it('says which step it could not check', async () => {
    await renderWithEntity(
      <GettingStartedCard />,
      {
        ...halfway,
        getSlos: async () => {
          throw new Error('Backend unreachable');
        },
      },
      { owner: true },
    );
    expect(
      await screen.findByText(/Could not check this step/),
    ).toBeInTheDocument();
    expect(screen.getByTitle('Could not check')).toBeInTheDocument();
  });

  it('goes away once every step has content', async () => {
    const getRoadmap = jest.fn(async () => [{ id: 'i1' } as any]);
    const { container } = await renderWithEntity(
      <GettingStartedCard />,
      {
        ...halfway,
        getSurveyRounds: async () => [{ id: 'r1' } as any],
        getSlos: async () => ({
          source: null,
          items: [{ name: 'lead-time' } as any],
          problems: [],
        }),
        getRoadmap,
      },
      { owner: true },
    );
    // Allowed (it asked for the steps' data), loaded and nothing shown.
    await waitFor(() => expect(getRoadmap).toHaveBeenCalled());
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByText('Getting started')).not.toBeInTheDocument();
    expect(container.textContent).toBe('');
  });

  it('shows nothing to those who cannot change the canvas', async () => {
    const getRoadmap = jest.fn(halfway.getRoadmap!);
    await renderWithEntity(
      <GettingStartedCard />,
      { ...halfway, getRoadmap },
      { owner: false },
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByText('Getting started')).not.toBeInTheDocument();
    expect(getRoadmap).not.toHaveBeenCalled();
  });
});
