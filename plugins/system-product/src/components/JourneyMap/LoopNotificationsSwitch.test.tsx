import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { LoopNotificationsSwitch } from './LoopNotificationsSwitch';

const label = 'Tell me when something I reported is improved';

describe('LoopNotificationsSwitch', () => {
  it("shows the caller's choice and changes it", async () => {
    const setLoopNotifications = jest.fn(async (s: { enabled: boolean }) => s);
    await renderWithEntity(<LoopNotificationsSwitch />, {
      getLoopNotifications: async () => ({ enabled: false }),
      setLoopNotifications,
    });
    const toggle = await screen.findByRole('checkbox', { name: label });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(setLoopNotifications).toHaveBeenCalledWith({ enabled: true });
  });

  it('is hidden when the choice cannot be read, as for a service', async () => {
    const getLoopNotifications = jest.fn(async () => {
      throw await responseError(403, 'Users only');
    });
    await renderWithEntity(<LoopNotificationsSwitch />, {
      getLoopNotifications,
    });
    await waitFor(() => expect(getLoopNotifications).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        screen.queryByRole('checkbox', { name: label }),
      ).not.toBeInTheDocument(),
    );
  });
});
