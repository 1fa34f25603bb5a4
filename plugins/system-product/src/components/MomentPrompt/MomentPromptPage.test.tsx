import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { momentPrompt } from '../../__testUtils__/momentPrompt';
import { responseError } from '../../__testUtils__/responseError';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { SystemProductPages } from '../../pages';
import { portfolioRouteRef } from '../../routes';

const DAY = 86_400_000;

/** Opens `/system-products/prompts/p1` as the plugin's page routes it. */
function openPrompt(api: Partial<SystemProductApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, api]]}>
      <Routes>
        <Route path="/system-products/*" element={<SystemProductPages />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: ['/system-products/prompts/p1'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/system-products': portfolioRouteRef,
      },
    },
  );
}

const send = () => screen.getByRole('button', { name: 'Send' });

describe('MomentPromptPage', () => {
  it('shows progress while the prompt loads', async () => {
    await openPrompt({ getPrompt: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('asks the question about the system and what happened, with five named options', async () => {
    const getPrompt = jest.fn().mockResolvedValue(momentPrompt());
    await openPrompt({ getPrompt });
    const form = await screen.findByRole('form', {
      name: 'How did this production deployment go?',
    });
    expect(getPrompt).toHaveBeenCalledWith('p1');
    expect(form).toHaveTextContent('System: ci-cd-pipeline');
    expect(
      screen.getByRole('link', { name: 'ci-cd-pipeline' }),
    ).toHaveAttribute('href', '/catalog/default/system/ci-cd-pipeline');
    expect(form).toHaveTextContent(
      'What happened: your deployment to production, succeeded, 10 minutes ago',
    );
    expect(
      screen
        .getAllByRole('radio')
        .map(radio => radio.closest('label')?.textContent),
    ).toEqual([
      '1 – Very poor',
      '2 – Poor',
      '3 – Fair',
      '4 – Good',
      '5 – Very good',
    ]);
    expect(
      screen.getByRole('group', {
        name: 'How did this production deployment go?',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('What got in your way? (optional)'),
    ).toBeInTheDocument();
    expect(form).toHaveTextContent(
      /Anonymous: the owners see answers only in aggregate/,
    );
    expect(send()).toBeDisabled();
  });

  it('sends the score and the text, then thanks and says the answer is anonymous', async () => {
    const answerPrompt = jest.fn().mockResolvedValue({ roundId: 'r1' });
    await openPrompt({ getPrompt: async () => momentPrompt(), answerPrompt });
    await userEvent.click(await screen.findByLabelText('2 – Poor'));
    await userEvent.type(
      screen.getByLabelText('What got in your way? (optional)'),
      '  The merge queue stalled  ',
    );
    await userEvent.click(send());
    expect(
      await screen.findByText('Thanks: your answer was recorded'),
    ).toBeInTheDocument();
    expect(answerPrompt).toHaveBeenCalledTimes(1);
    expect(answerPrompt).toHaveBeenCalledWith('p1', {
      score: 2,
      text: 'The merge queue stalled',
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      /anonymous: the owners of ci-cd-pipeline see it only in aggregate, together with other people's answers, once enough people answered/,
    );
    expect(
      screen.getByRole('link', { name: 'See your other open prompts' }),
    ).toHaveAttribute('href', '/system-products');
  });

  it('sends the score alone when no text question is asked or nothing was written', async () => {
    const answerPrompt = jest.fn().mockResolvedValue({ roundId: 'r1' });
    await openPrompt({
      getPrompt: async () => momentPrompt({ textQuestion: null }),
      answerPrompt,
    });
    await userEvent.click(await screen.findByLabelText('5 – Very good'));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(send());
    await screen.findByText('Thanks: your answer was recorded');
    expect(answerPrompt).toHaveBeenCalledWith('p1', { score: 5 });
  });

  it("says a prompt that is someone else's or gone (404) is not theirs", async () => {
    const notFound = await responseError(404, 'No prompt p1');
    await openPrompt({
      getPrompt: async () => {
        throw notFound;
      },
    });
    expect(
      await screen.findByText(
        'This prompt is not yours, or it no longer exists',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says a prompt was answered already', async () => {
    await openPrompt({
      getPrompt: async () => momentPrompt({ answered: true }),
    });
    expect(
      await screen.findByText('You answered this already'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it('says a prompt past its time has expired', async () => {
    await openPrompt({
      getPrompt: async () =>
        momentPrompt({ expiresAt: new Date(Date.now() - DAY).toISOString() }),
    });
    expect(
      await screen.findByText('This prompt has expired'),
    ).toBeInTheDocument();
    expect(screen.getByText(/answers are no longer taken/)).toHaveTextContent(
      /It could be answered until .* \(yesterday\)/,
    );
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it.each([
    ['expired at 2026-12-01T10:00:00.000Z', 'This prompt has expired'],
    ['was answered already', 'You answered this already'],
  ])(
    'says what became of a prompt when the backend refuses the answer (409 %s)',
    async (reason, title) => {
      const conflict = await responseError(409, `Prompt p1 ${reason}`);
      await openPrompt({
        getPrompt: async () => momentPrompt(),
        answerPrompt: async () => {
          throw conflict;
        },
      });
      await userEvent.click(await screen.findByLabelText('3 – Fair'));
      await userEvent.click(send());
      expect(await screen.findByText(title)).toBeInTheDocument();
    },
  );

  it('keeps the answer and says why when sending fails otherwise', async () => {
    const broken = await responseError(500, 'Database unavailable');
    const answerPrompt = jest
      .fn()
      .mockRejectedValueOnce(broken)
      .mockResolvedValue({ roundId: 'r1' });
    await openPrompt({ getPrompt: async () => momentPrompt(), answerPrompt });
    await userEvent.click(await screen.findByLabelText('4 – Good'));
    await userEvent.click(send());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not send your answer: Database unavailable',
    );
    expect(screen.getByLabelText('4 – Good')).toBeChecked();
    fireEvent.click(send());
    await waitFor(() => expect(answerPrompt).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText('Thanks: your answer was recorded'),
    ).toBeInTheDocument();
  });

  it('shows a failed load with what to do and a retry', async () => {
    const broken = await responseError(500, 'Database unavailable');
    const getPrompt = jest
      .fn()
      .mockRejectedValueOnce(broken)
      .mockResolvedValue(momentPrompt());
    await openPrompt({ getPrompt });
    expect(
      await screen.findByText(/Could not load the prompt/),
    ).toBeInTheDocument();
    expect(screen.getByText(/The System Product backend failed/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('form', {
        name: 'How did this production deployment go?',
      }),
    ).toBeInTheDocument();
  });
});
