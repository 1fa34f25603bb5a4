import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { screen } from '@testing-library/react';
import { renderWithEntity } from '../__testUtils__/renderWithEntity';
import { JourneyMap } from './JourneyMap';
import { RoadmapBoard } from './RoadmapBoard';
import { SloList } from './SloList';
import { SurveyCard } from './SurveyCard';
import { TeamCard } from './Portfolio';

// Every method of the API either never answers or fails, depending on the test.
function apiThat(answer: () => Promise<never>): Partial<SystemProductApi> {
  return new Proxy({}, { get: () => answer }) as Partial<SystemProductApi>;
}

const views: Array<[string, JSX.Element]> = [
  ['Journey tab', <JourneyMap />],
  ['Roadmap tab', <RoadmapBoard />],
  ['SLOs tab', <SloList />],
  ['survey card', <SurveyCard />],
  ['team card', <TeamCard />],
];

describe.each(views)('%s', (_name, view) => {
  it('shows progress while loading', async () => {
    await renderWithEntity(
      view,
      apiThat(() => new Promise<never>(() => {})),
    );
    expect((await screen.findAllByTestId('progress')).length).toBeGreaterThan(
      0,
    );
  });

  it('says what failed and offers to try again', async () => {
    await renderWithEntity(
      view,
      apiThat(() => Promise.reject(new Error('Backend unreachable'))),
    );
    expect(
      (await screen.findAllByRole('button', { name: 'Try again' })).length,
    ).toBeGreaterThan(0);
  });
});
