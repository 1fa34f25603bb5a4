import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'react-router-dom';
import { momentPrompt } from '../../__testUtils__/momentPrompt';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { portfolioRouteRef } from '../../routes';
import { PagePrompts } from './PagePrompts';

/** The app at `path`, with links to move about in it. */
function renderAt(path: string, api: Partial<SystemProductApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, api]]}>
      <Link to="/catalog">catalog</Link>
      <Link to="/create">create</Link>
      <Link to="/create/tasks/1">task</Link>
      <PagePrompts dwellMs={20} />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/system-products': portfolioRouteRef },
    },
  );
}

const visit = async (name: string) =>
  userEvent.click(screen.getByRole('link', { name }));

describe('PagePrompts', () => {
  it('reports a visit only to a page a trigger names, once a path, and shows the prompt it made', async () => {
    const reportPageVisit = jest
      .fn()
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce(
        momentPrompt({
          id: 'p1',
          question: 'Did you find a template?',
          eventSummary: 'visit to /create/tasks/1',
        }),
      );
    await renderAt('/catalog', {
      getPageMoments: async () => ['/create'],
      reportPageVisit,
    });
    // /catalog has no trigger: after the dwell, nothing was reported.
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(reportPageVisit).not.toHaveBeenCalled();

    await visit('create');
    await waitFor(() => expect(reportPageVisit).toHaveBeenCalledTimes(1));
    expect(reportPageVisit).toHaveBeenLastCalledWith('/create');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    await visit('task');
    const note = await screen.findByRole('status', {
      name: 'A quick question',
    });
    expect(reportPageVisit).toHaveBeenLastCalledWith('/create/tasks/1');
    expect(note).toHaveTextContent('Did you find a template?');
    expect(note).toHaveTextContent('your visit to /create/tasks/1');
    expect(screen.getByRole('link', { name: 'Answer' })).toHaveAttribute(
      'href',
      '/system-products/prompts/p1',
    );

    // Back on a page reported already: not again.
    await visit('create');
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() =>
      expect(screen.queryByRole('status')).not.toBeInTheDocument(),
    );
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(reportPageVisit).toHaveBeenCalledTimes(2);
  });

  it('stays quiet when the backend cannot say which pages prompt', async () => {
    const reportPageVisit = jest.fn();
    const getPageMoments = jest.fn().mockRejectedValue(new Error('down'));
    await renderAt('/create', { getPageMoments, reportPageVisit });
    await waitFor(() => expect(getPageMoments).toHaveBeenCalled());
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(reportPageVisit).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows nothing when a visit fails to report', async () => {
    const reportPageVisit = jest.fn().mockRejectedValue(new Error('500'));
    await renderAt('/create', {
      getPageMoments: async () => ['/create'],
      reportPageVisit,
    });
    await waitFor(() =>
      expect(reportPageVisit).toHaveBeenCalledWith('/create'),
    );
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
