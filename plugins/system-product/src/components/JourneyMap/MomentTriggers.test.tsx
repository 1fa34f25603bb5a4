import {
  Journey,
  MomentTrigger,
  SurveyResults,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { touchpoint } from '../../__testUtils__/journeyFixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { JourneyMap } from './JourneyMap';

const entityRef = {
  kind: 'System',
  namespace: 'default',
  name: 'ci-cd-pipeline',
};

const journey: Journey = {
  entityRef: 'system:default/ci-cd-pipeline',
  version: 3,
  stages: [
    {
      id: 's1',
      name: 'Build',
      description: '',
      touchpoints: [touchpoint('tp-mq', 'Merge queue')],
    },
    {
      id: 's2',
      name: 'Release',
      description: '',
      touchpoints: [touchpoint('tp-rb', 'Rollback')],
    },
  ],
};

function trigger(changes: Partial<MomentTrigger> = {}): MomentTrigger {
  return {
    id: 'mt1',
    entityRef: 'system:default/ci-cd-pipeline',
    eventType: 'deployment',
    outcome: 'succeeded',
    environment: 'production',
    page: null,
    touchpointId: 'tp-mq',
    question: 'How did this production deployment go?',
    textQuestion: 'What got in your way?',
    sampleRate: 0.1,
    cooldownDays: 14,
    createdAt: '2026-11-02T09:00:00.000Z',
    rounds: [
      { roundId: 'r-dec', opensAt: '2026-12-01T00:00:00.000Z' },
      { roundId: 'r-nov', opensAt: '2026-11-01T00:00:00.000Z' },
    ],
    ...changes,
  };
}

const published: SurveyResults = {
  roundId: 'r-dec',
  responses: 12,
  minResponses: 5,
  visible: true,
  publishedResponses: 10,
  publishedAt: '2026-12-10T10:00:00.000Z',
  nextUpdateAfter: 3,
  choice: [],
  groups: [],
  scored: [
    {
      questionId: 'moment',
      kind: 'csat',
      answered: 10,
      visible: true,
      distribution: { '2': 3, '4': 5, '5': 2 },
      mean: 3.6,
      score: 70,
    },
  ],
  text: [
    {
      questionId: 'moment-text',
      answered: 6,
      visible: true,
      answers: ['Queue stalled', 'Waited for a runner'],
    },
  ],
};

/** The Journey tab with `triggers` and their results, for an owner or not. */
async function renderMoments(
  api: Partial<SystemProductApi>,
  options: { owner?: boolean } = {},
) {
  await renderWithEntity(
    <JourneyMap />,
    {
      getJourney: async () => journey,
      getRoadmap: async () => [],
      getSurveyResults: async () => published,
      ...api,
    },
    options,
  );
}

const section = () =>
  screen.findByRole('list', { name: 'Moments' }).then(
    list =>
      // The card around the list.
      list.closest('.MuiCard-root') as HTMLElement,
  );

describe('Moments on the Journey tab', () => {
  it('lists each trigger: question, events in words, sample, cooldown, touchpoint and the newest round', async () => {
    const getSurveyResults = jest.fn(async () => published);
    await renderMoments(
      {
        getMomentTriggers: async () => [
          trigger(),
          trigger({
            id: 'mt2',
            eventType: 'build',
            outcome: 'failed',
            environment: null,
            touchpointId: null,
            question: 'Was it clear why the build failed?',
            textQuestion: null,
            sampleRate: 0.25,
            cooldownDays: 1,
            rounds: [],
          }),
        ],
        getSurveyResults,
      },
      { owner: true },
    );
    const moments = await section();
    const [deploys, builds] = within(moments).getAllByRole('listitem');
    expect(
      within(deploys).getByRole('heading', {
        name: 'How did this production deployment go?',
      }),
    ).toBeInTheDocument();
    expect(deploys).toHaveTextContent(
      'Then, optionally: What got in your way?',
    );
    expect(deploys).toHaveTextContent(
      'After production deployments that succeeded · asks 10% of them, at most once in 14 days per person · about Merge queue',
    );
    expect(
      await within(deploys).findByText(
        'December 2026: 12 answers, mean 3.6 of 5',
      ),
    ).toBeInTheDocument();
    // Only the newest round is asked for.
    expect(getSurveyResults.mock.calls).toEqual([['r-dec']]);
    expect(builds).toHaveTextContent(
      'After builds that failed · asks 25% of them, at most once a day per person',
    );
    expect(builds).not.toHaveTextContent('about');
    expect(builds).toHaveTextContent('No answers yet.');

    // The round's k-anonymous results, with what people wrote.
    await userEvent.click(
      within(deploys).getByRole('button', {
        name: 'Results of "How did this production deployment go?"',
      }),
    );
    expect(
      within(deploys).getByText(
        'What got in your way? (2 answers, in alphabetical order)',
      ),
    ).toBeInTheDocument();
  });

  it('says how many of the k answers needed came in while the results are hidden', async () => {
    await renderMoments({
      getMomentTriggers: async () => [trigger()],
      getSurveyResults: async () => ({
        roundId: 'r-dec',
        responses: 2,
        minResponses: 5,
        visible: false,
        moreNeeded: 3,
      }),
    });
    expect(
      await screen.findByText('December 2026: 2 of 5 answers so far'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Results of/ }),
    ).not.toBeInTheDocument();
  });

  it('names a touchpoint that left the journey as such', async () => {
    await renderMoments({
      getMomentTriggers: async () => [trigger({ touchpointId: 'tp-gone' })],
    });
    expect(await section()).toHaveTextContent(
      'about a touchpoint no longer in the journey',
    );
  });

  it('lets an owner add a moment and sends exactly what the form says', async () => {
    const getMomentTriggers = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValue([trigger()]);
    const createMomentTrigger = jest.fn().mockResolvedValue(trigger());
    await renderMoments(
      { getMomentTriggers, createMomentTrigger },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add moment' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add a moment' });
    fireEvent.mouseDown(within(dialog).getByLabelText('Outcome'));
    fireEvent.click(await screen.findByRole('option', { name: 'Succeeded' }));
    await userEvent.type(
      within(dialog).getByLabelText('Environment (optional)'),
      ' production ',
    );
    fireEvent.mouseDown(within(dialog).getByLabelText('Touchpoint (optional)'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Build › Merge queue' }),
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Question/),
      'How did this production deployment go?',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Text question (optional)'),
      'What got in your way?',
    );
    const rate = within(dialog).getByLabelText(/^Sample rate/);
    await userEvent.clear(rate);
    await userEvent.type(rate, '12.5');
    const cooldown = within(dialog).getByLabelText(/^Cooldown/);
    await userEvent.clear(cooldown);
    await userEvent.type(cooldown, '7');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add moment' }),
    );

    await waitFor(() => expect(createMomentTrigger).toHaveBeenCalledTimes(1));
    expect(createMomentTrigger).toHaveBeenCalledWith(entityRef, {
      eventType: 'deployment',
      outcome: 'succeeded',
      environment: 'production',
      touchpointId: 'tp-mq',
      question: 'How did this production deployment go?',
      textQuestion: 'What got in your way?',
      sampleRate: 0.125,
      cooldownDays: 7,
    });
    // The dialog closes and the list reloads with the new moment.
    expect(
      await screen.findByRole('heading', {
        name: 'How did this production deployment go?',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('leaves out what does not apply to the event type, and checks the fields as the API does', async () => {
    const createMomentTrigger = jest.fn().mockResolvedValue(trigger());
    await renderMoments(
      { getMomentTriggers: async () => [], createMomentTrigger },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add moment' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add a moment' });
    const add = within(dialog).getByRole('button', { name: 'Add moment' });
    // No question yet.
    expect(add).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/^Question/),
      'How well was your request handled?',
    );
    expect(add).toBeEnabled();

    const rate = within(dialog).getByLabelText(/^Sample rate/);
    await userEvent.clear(rate);
    await userEvent.type(rate, '0');
    expect(dialog).toHaveTextContent('More than 0 and at most 100%.');
    expect(add).toBeDisabled();
    await userEvent.clear(rate);
    await userEvent.type(rate, '100');

    const cooldown = within(dialog).getByLabelText(/^Cooldown/);
    await userEvent.clear(cooldown);
    await userEvent.type(cooldown, '366');
    expect(dialog).toHaveTextContent('Whole days, from 1 to 365.');
    expect(add).toBeDisabled();
    await userEvent.clear(cooldown);
    await userEvent.type(cooldown, '30');
    expect(add).toBeEnabled();

    // Tickets have no outcome or environment.
    fireEvent.mouseDown(within(dialog).getByLabelText('Event type'));
    fireEvent.click(await screen.findByRole('option', { name: 'Ticket' }));
    expect(within(dialog).queryByLabelText('Outcome')).not.toBeInTheDocument();
    expect(
      within(dialog).queryByLabelText('Environment (optional)'),
    ).not.toBeInTheDocument();
    await userEvent.click(add);
    await waitFor(() => expect(createMomentTrigger).toHaveBeenCalledTimes(1));
    expect(createMomentTrigger).toHaveBeenCalledWith(entityRef, {
      eventType: 'ticket',
      question: 'How well was your request handled?',
      sampleRate: 1,
      cooldownDays: 30,
    });
  });

  it('adds a page moment with its path, and asks for a path of the portal', async () => {
    const createMomentTrigger = jest.fn().mockResolvedValue(trigger());
    await renderMoments(
      { getMomentTriggers: async () => [], createMomentTrigger },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add moment' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add a moment' });
    fireEvent.mouseDown(within(dialog).getByLabelText('Event type'));
    fireEvent.click(await screen.findByRole('option', { name: 'Page visit' }));
    expect(within(dialog).queryByLabelText('Outcome')).not.toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/^Question/),
      'Did you find a template?',
    );
    const add = within(dialog).getByRole('button', { name: 'Add moment' });
    expect(add).toBeDisabled();
    const page = within(dialog).getByRole('textbox', { name: /^Page/ });
    await userEvent.type(page, 'create');
    expect(dialog).toHaveTextContent(
      'A path of the portal starting with /, e.g. /create.',
    );
    expect(add).toBeDisabled();
    await userEvent.clear(page);
    await userEvent.type(page, '/create');
    expect(add).toBeEnabled();
    await userEvent.click(add);
    await waitFor(() => expect(createMomentTrigger).toHaveBeenCalledTimes(1));
    expect(createMomentTrigger).toHaveBeenCalledWith(entityRef, {
      eventType: 'page',
      page: '/create',
      question: 'Did you find a template?',
      sampleRate: 0.1,
      cooldownDays: 14,
    });
  });

  it("keeps the dialog open with the backend's reason when adding fails", async () => {
    await renderMoments(
      {
        getMomentTriggers: async () => [],
        createMomentTrigger: async () => {
          throw new Error('touchpointId is not a touchpoint');
        },
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add moment' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add a moment' });
    await userEvent.type(
      within(dialog).getByLabelText(/^Question/),
      'How did it go?',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add moment' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not add the moment: touchpointId is not a touchpoint',
    );
  });

  it('removes a moment only once the owner confirms, naming its question', async () => {
    const getMomentTriggers = jest
      .fn()
      .mockResolvedValueOnce([trigger()])
      .mockResolvedValue([]);
    const deleteMomentTrigger = jest.fn().mockResolvedValue(undefined);
    await renderMoments(
      { getMomentTriggers, deleteMomentTrigger },
      { owner: true },
    );
    const remove = await screen.findByRole('button', {
      name: 'Remove the moment "How did this production deployment go?"',
    });
    await userEvent.click(remove);
    let dialog = screen.getByRole('dialog', { name: 'Remove this moment?' });
    expect(dialog).toHaveTextContent(
      'Nobody will be asked "How did this production deployment go?" any more',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(deleteMomentTrigger).not.toHaveBeenCalled();

    await userEvent.click(remove);
    dialog = screen.getByRole('dialog', { name: 'Remove this moment?' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Remove moment' }),
    );
    await waitFor(() =>
      expect(deleteMomentTrigger).toHaveBeenCalledWith(entityRef, 'mt1'),
    );
    expect(await screen.findByText('No moments yet')).toBeInTheDocument();
  });

  it('shows non-owners the moments without Add or Remove', async () => {
    await renderMoments({ getMomentTriggers: async () => [trigger()] });
    expect(
      await screen.findByRole('heading', {
        name: 'How did this production deployment go?',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add moment' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Remove the moment/ }),
    ).not.toBeInTheDocument();
  });

  it('shows non-owners nothing while there are no moments', async () => {
    const loaded = Promise.resolve([]);
    const getMomentTriggers = jest.fn(() => loaded);
    await renderMoments({ getMomentTriggers });
    await screen.findByTestId('touchpoint-Merge queue');
    await waitFor(() => expect(getMomentTriggers).toHaveBeenCalled());
    await loaded;
    expect(screen.queryByText('Moments')).not.toBeInTheDocument();
    expect(screen.queryByText('No moments yet')).not.toBeInTheDocument();
  });

  it('explains to owners what moments are and how an event names its actor', async () => {
    await renderMoments({ getMomentTriggers: async () => [] }, { owner: true });
    expect(await screen.findByText('No moments yet')).toBeInTheDocument();
    const explanation = screen.getByText(/A moment asks the person/);
    expect(explanation).toHaveTextContent(
      'An event names the person behind it in its actor field, a user entity ref such as user:default/jane, when your pipeline posts it to POST /api/system-product/events',
    );
    expect(
      screen.getByRole('button', { name: 'Add moment' }),
    ).toBeInTheDocument();
  });
});
