import { useState } from 'react';
import { reasonOf } from '../AsyncState';

/**
 * Runs a dialog's action one at a time: `busy` while it runs, and why it
 * failed (the server's reason) until it is run again. A dialog closes once
 * its action succeeds, so `busy` stays set after success.
 */
export function useDialogAction(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (e) {
      setFailure(reasonOf(e));
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
