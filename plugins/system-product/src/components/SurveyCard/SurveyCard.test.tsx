import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  SurveyResults,
  SurveyRound,
} from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderWithEntity,
  testEntity,
} from '../../__testUtils__/renderWithEntity';
import { formatDay } from '../../format';
import { SurveyCard } from './SurveyCard';
import { daysAfter, endOfLocalDay, localDay } from './surveyDays';

const round: SurveyRound = {
  id: 'r1',
  entityRef: 'system:default/ci-cd-pipeline',
  templateId: 'platform-pulse',
  templateVersion: 1,
  title: 'Q4 pulse',
  opensAt: new Date(Date.now() - 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  targetGroups: [],
  responseCount: 2,
  questions: [
    { id: 'nps', kind: 'nps', prompt: 'How likely are you to recommend it?' },
    { id: 'csat', kind: 'csat', prompt: 'How satisfied are you?' },
    {
      id: 'complex',
      kind: 'text',
      prompt: 'What feels unnecessarily complex?',
    },
  ],
  scores: null,
};

describe('SurveyCard', () => {
  it('takes an answer from the keyboard-reachable scales and says how many more are needed', async () => {
    const answerSurvey = jest.fn().mockResolvedValue({ replaced: false });
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [round],
      answerSurvey,
      getSurveyResults: async () => ({
        roundId: 'r1',
        responses: 3,
        minResponses: 5,
        visible: false as const,
        moreNeeded: 2,
      }),
    });

    const nps = await screen.findByRole('radiogroup', {
      name: 'How likely are you to recommend it?',
    });
    await userEvent.click(nps.querySelector('input[value="9"]')!);
    await userEvent.click(
      screen
        .getByRole('radiogroup', { name: 'How satisfied are you?' })
        .querySelector('input[value="4"]')!,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Tell us more (optional)' }),
    );
    await userEvent.type(
      screen.getByLabelText('What feels unnecessarily complex?'),
      'Flaky tests',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));

    await waitFor(() =>
      expect(answerSurvey).toHaveBeenCalledWith('r1', {
        nps: 9,
        csat: 4,
        complex: 'Flaky tests',
      }),
    );
    expect(await screen.findByText(/Thanks!/)).toBeInTheDocument();
    expect(screen.getByText(/2 more answers needed/)).toBeInTheDocument();
  });

  it('shows the aggregate with units once enough people answered', async () => {
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [round],
      answerSurvey: async () => ({ replaced: true }),
      getSurveyResults: async () => ({
        roundId: 'r1',
        responses: 6,
        minResponses: 5,
        visible: true as const,
        publishedResponses: 6,
        publishedAt: '2026-11-20T10:00:00.000Z',
        nextUpdateAfter: 5,
        scored: [
          {
            questionId: 'nps',
            kind: 'nps' as const,
            answered: 6,
            visible: true as const,
            distribution: {},
            mean: 8,
            score: 33.3,
          },
          {
            questionId: 'csat',
            kind: 'csat' as const,
            answered: 6,
            visible: true as const,
            distribution: {},
            mean: 4,
            score: 66.7,
          },
        ],
        choice: [],
        text: [],
        groups: [],
      }),
    });
    const nps = await screen.findByRole('radiogroup', {
      name: 'How likely are you to recommend it?',
    });
    await userEvent.click(nps.querySelector('input[value="10"]')!);
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(
      await screen.findByText('How likely are you to recommend it?: NPS +33'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('How satisfied are you?: 67% satisfied'),
    ).toBeInTheDocument();
  });

  it('says when no round is open', async () => {
    await renderWithEntity(<SurveyCard />, { getSurveyRounds: async () => [] });
    expect(
      await screen.findByText(/No survey is open right now/),
    ).toBeInTheDocument();
  });

  it('offers to open a round to an owner only when none is open', async () => {
    await renderWithEntity(<SurveyCard />, { getSurveyRounds: async () => [] });
    expect(await screen.findByText(/opens a round/)).toHaveTextContent(
      'No survey is open right now. The owner (platform-team) opens a round to hear from the people using this system.',
    );
    expect(screen.getByRole('link', { name: 'platform-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );
    expect(
      screen.queryByRole('button', { name: 'Open a survey round' }),
    ).not.toBeInTheDocument();
  });

  it('lets an owner open a round and then shows it', async () => {
    const opened: SurveyRound = { ...round, id: 'r2', title: 'Winter pulse' };
    const getSurveyRounds = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValue([opened]);
    const openSurveyRound = jest.fn().mockResolvedValue(opened);
    await renderWithEntity(
      <SurveyCard />,
      { getSurveyRounds, openSurveyRound },
      { owner: true },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Open a survey round' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Open a survey round' });
    const title = within(dialog).getByLabelText(/Title/);
    expect(title).toHaveValue(
      `Platform pulse ${new Date().toLocaleString('en-US', {
        month: 'long',
        year: 'numeric',
      })}`,
    );
    const closesOn = within(dialog).getByLabelText(/Closes on/);
    expect(closesOn).toHaveValue(localDay(daysAfter(new Date(), 14)));

    await userEvent.clear(title);
    await userEvent.type(title, 'Winter pulse');
    const day = localDay(daysAfter(new Date(), 30));
    fireEvent.change(closesOn, { target: { value: day } });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Open round' }),
    );

    await waitFor(() => expect(openSurveyRound).toHaveBeenCalledTimes(1));
    expect(openSurveyRound).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
      { title: 'Winter pulse', closesAt: endOfLocalDay(day).toISOString() },
    );
    expect(
      await screen.findByRole('form', { name: 'Winter pulse' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(getSurveyRounds).toHaveBeenCalledTimes(2);
  });

  it("names the round's target groups, each linked to its catalog page", async () => {
    const annotated = {
      ...testEntity,
      metadata: {
        ...testEntity.metadata,
        annotations: { 'system-product/users': 'mobile, group:default/web' },
      },
    };
    await renderWithEntity(
      <EntityProvider entity={annotated}>
        <SurveyCard />
      </EntityProvider>,
      { getSurveyRounds: async () => [] },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Open a survey round' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Open a survey round' });
    expect(dialog).toHaveTextContent(
      'It is meant for mobile, web (system-product/users).',
    );
    expect(
      within(dialog).getByRole('link', { name: 'mobile' }),
    ).toHaveAttribute('href', '/catalog/default/group/mobile');
    expect(within(dialog).getByRole('link', { name: 'web' })).toHaveAttribute(
      'href',
      '/catalog/default/group/web',
    );
  });

  it('refuses a closing day that is not in the future', async () => {
    const openSurveyRound = jest.fn();
    await renderWithEntity(
      <SurveyCard />,
      { getSurveyRounds: async () => [], openSurveyRound },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Open a survey round' }),
    );
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Closes on/), {
      target: { value: localDay(daysAfter(new Date(), -1)) },
    });

    expect(
      within(dialog).getByText(/The round must close in the future/),
    ).toBeInTheDocument();
    const submit = within(dialog).getByRole('button', { name: 'Open round' });
    expect(submit).toBeDisabled();
    fireEvent.submit(submit.closest('form')!);
    expect(openSurveyRound).not.toHaveBeenCalled();
  });

  it('keeps the dialog open and says why the backend refused the round', async () => {
    await renderWithEntity(
      <SurveyCard />,
      {
        getSurveyRounds: async () => [],
        openSurveyRound: async () => {
          throw new Error('templateId "nope" is not a survey template');
        },
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Open a survey round' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open round' }));

    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not open the round: templateId "nope" is not a survey template',
    );
  });

  const visibleResults: SurveyResults = {
    roundId: 'r1',
    responses: 6,
    minResponses: 5,
    visible: true,
    publishedResponses: 6,
    publishedAt: '2026-11-20T10:00:00.000Z',
    nextUpdateAfter: 5,
    choice: [],
    groups: [],
    scored: [
      {
        questionId: 'nps',
        kind: 'nps',
        answered: 6,
        visible: true,
        distribution: {},
        mean: 8,
        score: 50,
      },
    ],
    text: [
      {
        questionId: 'complex',
        answered: 5,
        visible: true,
        answers: ['Flaky tests', 'Slow builds', 'Too many YAML files'],
      },
    ],
  };

  it('shows what people wrote under each question, in alphabetical order', async () => {
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [round],
      answerSurvey: async () => ({ replaced: false }),
      getSurveyResults: async () => visibleResults,
    });
    const nps = await screen.findByRole('radiogroup', {
      name: 'How likely are you to recommend it?',
    });
    await userEvent.click(nps.querySelector('input[value="8"]')!);
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));

    const question = await screen.findByRole('button', {
      name: 'What feels unnecessarily complex? (3 answers, in alphabetical order)',
    });
    expect(screen.queryByText('Slow builds')).not.toBeInTheDocument();
    await userEvent.click(question);
    const answers = screen.getAllByRole('listitem');
    expect(answers.map(a => a.textContent)).toEqual([
      'Flaky tests',
      'Slow builds',
      'Too many YAML files',
    ]);
  });

  it('says when the results next update, and shows only a count for a question fewer than k answered', async () => {
    await renderWithEntity(
      <SurveyCard />,
      {
        getSurveyRounds: async () => [round],
        getSurveyResults: async () => ({
          ...visibleResults,
          responses: 8,
          publishedResponses: 6,
          nextUpdateAfter: 3,
          scored: [
            ...visibleResults.scored,
            {
              questionId: 'csat',
              kind: 'csat' as const,
              answered: 2,
              visible: false as const,
            },
          ],
          text: [
            { questionId: 'complex', answered: 1, visible: false, answers: [] },
          ],
        }),
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'See results so far' }),
    );
    expect(
      await screen.findByText(
        '8 responses so far; these results stand on 6 of them:',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'How satisfied are you?: 2 answers (figures once 5 answered)',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/% satisfied/)).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'What feels unnecessarily complex?: 1 answer, shown once 5 people have written one.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Results next update after 3 more answers/),
    ).toBeInTheDocument();
  });

  it('says the results of a closed round are final, and which answers stay out', async () => {
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [
        {
          ...round,
          opensAt: '2026-07-01T00:00:00.000Z',
          closesAt: '2026-07-15T00:00:00.000Z',
          responseCount: 8,
        },
      ],
      getSurveyResults: async () => ({
        ...visibleResults,
        responses: 8,
        publishedResponses: 6,
        nextUpdateAfter: null,
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'See its results' }),
    );
    expect(
      await screen.findByText(/these results are final/),
    ).toHaveTextContent(
      'The round has closed: these results are final. The last 2 answers stay out of them',
    );
  });

  it('lets an owner see the results so far without answering', async () => {
    const answerSurvey = jest.fn();
    await renderWithEntity(
      <SurveyCard />,
      {
        getSurveyRounds: async () => [round],
        answerSurvey,
        getSurveyResults: async () => visibleResults,
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'See results so far' }),
    );
    expect(
      await screen.findByText('How likely are you to recommend it?: NPS +50'),
    ).toBeInTheDocument();
    expect(answerSurvey).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Back to the survey' }),
    );
    expect(
      screen.getByRole('radiogroup', {
        name: 'How likely are you to recommend it?',
      }),
    ).toBeInTheDocument();
  });

  it('shows the results of the last closed round to everyone', async () => {
    const closed: SurveyRound = {
      ...round,
      title: 'Q3 pulse',
      opensAt: '2026-07-01T00:00:00.000Z',
      closesAt: '2026-07-15T00:00:00.000Z',
      responseCount: 6,
    };
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [closed],
      getSurveyResults: async () => visibleResults,
    });
    expect(
      await screen.findByText(/The last round, "Q3 pulse", closed on/),
    ).toHaveTextContent('with 6 responses');
    await userEvent.click(
      screen.getByRole('button', { name: 'See its results' }),
    );
    expect(
      await screen.findByText('How likely are you to recommend it?: NPS +50'),
    ).toBeInTheDocument();
  });

  it('says surveys are off, and how to turn them on, when the annotation says off', async () => {
    const getSurveyRounds = jest.fn().mockResolvedValue([round]);
    await renderWithEntity(
      <EntityProvider
        entity={{
          ...testEntity,
          metadata: {
            ...testEntity.metadata,
            annotations: { 'system-product/survey': 'off' },
          },
        }}
      >
        <SurveyCard />
      </EntityProvider>,
      { getSurveyRounds },
      { owner: true },
    );
    expect(
      screen.getByText(/Surveys are turned off for this system/),
    ).toHaveTextContent(
      'remove the annotation or set it to a survey template id',
    );
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(getSurveyRounds).not.toHaveBeenCalled();
  });
  it("shows the caller's own answer and opens the form prefilled with it", async () => {
    const answerSurvey = jest.fn().mockResolvedValue({ replaced: true });
    const submittedAt = new Date().toISOString();
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [round],
      getMySurveyAnswer: async () => ({
        roundId: 'r1',
        submittedAt,
        answers: { nps: 7, complex: 'Slow builds' },
      }),
      answerSurvey,
      getSurveyResults: async () => ({
        roundId: 'r1',
        responses: 3,
        minResponses: 5,
        visible: false as const,
        moreNeeded: 2,
      }),
    });
    expect(
      await screen.findByText(
        new RegExp(`You answered on ${formatDay(submittedAt)}`),
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Change your answer' }),
    );
    const nps = screen.getByRole('radiogroup', {
      name: 'How likely are you to recommend it?',
    });
    expect(nps.querySelector('input[value="7"]')).toBeChecked();
    expect(
      screen.getByLabelText('What feels unnecessarily complex?'),
    ).toHaveValue('Slow builds');
    await userEvent.click(
      screen
        .getByRole('radiogroup', { name: 'How satisfied are you?' })
        .querySelector('input[value="5"]')!,
    );
    await userEvent.clear(
      screen.getByLabelText('What feels unnecessarily complex?'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    await waitFor(() =>
      expect(answerSurvey).toHaveBeenCalledWith('r1', {
        nps: 7,
        csat: 5,
        complex: null,
      }),
    );
  });

  it('says what the ends of each scale mean', async () => {
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [
        {
          ...round,
          questions: [
            ...round.questions,
            { id: 'docs', kind: 'likert', prompt: 'The docs are clear' },
          ],
        },
      ],
      getMySurveyAnswer: async () => undefined,
    });
    expect(
      await screen.findByText('1 Very dissatisfied · 5 Very satisfied'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 Strongly disagree · 5 Strongly agree'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('0 Not at all likely · 10 Extremely likely'),
    ).toBeInTheDocument();
  });

  it("uses a template's own anchors and names the end radios with them", async () => {
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [
        {
          ...round,
          questions: [
            {
              id: 'effort',
              kind: 'likert',
              prompt: 'Shipping a change is easy',
              anchors: { low: 'Never', high: 'Always' },
            },
          ],
        },
      ],
      getMySurveyAnswer: async () => undefined,
    });
    expect(await screen.findByText('1 Never · 5 Always')).toBeInTheDocument();
    const scale = screen.getByRole('radiogroup', {
      name: 'Shipping a change is easy',
    });
    expect(
      within(scale).getByRole('radio', { name: '1 Never' }),
    ).toBeInTheDocument();
    expect(
      within(scale).getByRole('radio', { name: '5 Always' }),
    ).toBeInTheDocument();
    expect(within(scale).getByRole('radio', { name: '3' })).toBeInTheDocument();
  });

  it('answers single and multiple choice questions by option index, up to maxChoices', async () => {
    const answerSurvey = jest.fn().mockResolvedValue({ replaced: false });
    await renderWithEntity(<SurveyCard />, {
      getSurveyRounds: async () => [
        {
          ...round,
          templateId: 'team-pulse',
          questions: [
            {
              id: 'role',
              kind: 'single',
              prompt: 'What do you mostly do?',
              options: ['Backend', 'Frontend', 'Data'],
            },
            {
              id: 'pains',
              kind: 'multiple',
              prompt: 'What slows you down?',
              options: ['Builds', 'Reviews', 'Environments'],
              maxChoices: 2,
            },
          ],
        },
      ],
      getMySurveyAnswer: async () => undefined,
      answerSurvey,
      getSurveyResults: async () => ({
        roundId: 'r1',
        responses: 1,
        minResponses: 5,
        visible: false as const,
        moreNeeded: 4,
      }),
    });
    await userEvent.click(await screen.findByRole('radio', { name: 'Data' }));
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Environments' }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Builds' }));
    expect(screen.getByText('Choose up to 2.')).toBeInTheDocument();
    // Two chosen: the third cannot be added until one is taken back.
    expect(screen.getByRole('checkbox', { name: 'Reviews' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    await waitFor(() =>
      expect(answerSurvey).toHaveBeenCalledWith('r1', {
        role: 2,
        pains: [0, 2],
      }),
    );
  });

  it('shows choice results as shares of the people who answered, and only a count below k', async () => {
    const questions: SurveyRound['questions'] = [
      {
        id: 'pains',
        kind: 'multiple',
        prompt: 'What slows you down?',
        options: ['Builds', 'Reviews'],
      },
      {
        id: 'role',
        kind: 'single',
        prompt: 'What do you mostly do?',
        options: ['Backend', 'Frontend'],
      },
    ];
    await renderWithEntity(
      <SurveyCard />,
      {
        getSurveyRounds: async () => [{ ...round, questions }],
        getMySurveyAnswer: async () => undefined,
        getSurveyResults: async () => ({
          ...visibleResults,
          scored: [],
          text: [],
          choice: [
            {
              questionId: 'pains',
              kind: 'multiple',
              answered: 6,
              visible: true,
              options: [
                { index: 0, label: 'Builds', count: 5, share: 83.3 },
                { index: 1, label: 'Reviews', count: 3, share: 50 },
              ],
            },
            { questionId: 'role', kind: 'single', answered: 3, visible: false },
          ],
        }),
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'See results so far' }),
    );
    const pains = await screen.findByRole('list', {
      name: 'What slows you down?',
    });
    expect(
      within(pains)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Builds: 83% (5)', 'Reviews: 50% (3)']);
    expect(
      screen.getByText(
        'What slows you down? (6 answers, several choices each):',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'What do you mostly do?: 3 answers (figures once 5 answered)',
      ),
    ).toBeInTheDocument();
  });

  it('shows the scores by group, a dash for a question fewer than k of a group answered, and how many groups are not shown', async () => {
    await renderWithEntity(
      <SurveyCard />,
      {
        getSurveyRounds: async () => [round],
        getSurveyResults: async () => ({
          ...visibleResults,
          scored: [
            ...visibleResults.scored,
            {
              questionId: 'csat',
              kind: 'csat' as const,
              answered: 6,
              visible: true as const,
              distribution: {},
              mean: 4,
              score: 50,
            },
          ],
          groups: [
            {
              group: 'group:default/mobile',
              visible: true as const,
              responses: 5,
              scored: [
                {
                  questionId: 'nps',
                  kind: 'nps' as const,
                  answered: 5,
                  visible: true as const,
                  distribution: {},
                  mean: 8,
                  score: 20,
                },
                {
                  questionId: 'csat',
                  kind: 'csat' as const,
                  visible: false as const,
                },
              ],
              choice: [],
            },
            { visible: false as const },
            { visible: false as const },
          ],
        }),
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'See results so far' }),
    );
    const table = await screen.findByRole('table', {
      name: 'Scores by group',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(cell => cell.textContent),
    ).toEqual([
      'Group',
      'How likely are you to recommend it?',
      'How satisfied are you?',
    ]);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('mobile (5 answers)');
    expect(within(rows[1]).getByText('NPS +20')).toBeInTheDocument();
    expect(
      within(rows[1]).getByLabelText('fewer than 5 answered'),
    ).toHaveTextContent('–');
    expect(within(table).queryByText(/web|ops/)).not.toBeInTheDocument();
    expect(
      screen.getByText(
        '2 groups with fewer than 5 answers, or whose figures could single someone out, are not shown.',
      ),
    ).toBeInTheDocument();
  });

  it('shows no breakdown by group while no group can be shown', async () => {
    await renderWithEntity(
      <SurveyCard />,
      {
        getSurveyRounds: async () => [round],
        getSurveyResults: async () => ({
          ...visibleResults,
          groups: [{ group: 'group:default/web', visible: false as const }],
        }),
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'See results so far' }),
    );
    expect(
      await screen.findByText('How likely are you to recommend it?: NPS +50'),
    ).toBeInTheDocument();
    expect(screen.queryByText('By group')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
