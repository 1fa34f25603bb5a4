import { SurveyRound } from '@system-product/backstage-plugin-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { SurveyCard } from './SurveyCard';

const round: SurveyRound = {
  id: 'r1',
  entityRef: 'system:default/ci-cd-pipeline',
  templateId: 'platform-pulse',
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
        scored: [
          {
            questionId: 'nps',
            kind: 'nps' as const,
            answered: 6,
            distribution: {},
            mean: 8,
            score: 33.3,
          },
          {
            questionId: 'csat',
            kind: 'csat' as const,
            answered: 6,
            distribution: {},
            mean: 4,
            score: 66.7,
          },
        ],
        text: [],
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
      screen.getByText('How satisfied are you?: 67% agree'),
    ).toBeInTheDocument();
  });

  it('says when no round is open', async () => {
    await renderWithEntity(<SurveyCard />, { getSurveyRounds: async () => [] });
    expect(
      await screen.findByText(/No survey is open right now/),
    ).toBeInTheDocument();
  });
});
