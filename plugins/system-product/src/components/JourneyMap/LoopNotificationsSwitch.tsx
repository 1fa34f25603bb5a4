import { useApi } from '@backstage/core-plugin-api';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { systemProductApiRef } from '../../api/systemProductApiRef';

/**
 * "Tell me when something I reported is improved": the signed-in user's
 * choice to hear when an improvement ships for a touchpoint they reported
 * friction on, said "me too" on or answered a moment about. Hidden while it
 * loads and when it cannot be read (a service session is refused).
 */
export function LoopNotificationsSwitch() {
  const api = useApi(systemProductApiRef);
  const loaded = useAsync(async () => api.getLoopNotifications(), [api]);
  const [enabled, setEnabled] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  if (loaded.loading || loaded.error || !loaded.value) return null;
  const checked = enabled ?? loaded.value.enabled;

  const change = async (next: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      setEnabled((await api.setLoopNotifications({ enabled: next })).enabled);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FormControlLabel
        control={
          <Switch
            size="small"
            color="primary"
            checked={checked}
            disabled={busy}
            onChange={e => change(e.target.checked)}
          />
        }
        label="Tell me when something I reported is improved"
      />
      {problem && (
        <Typography variant="caption" color="error" component="p">
          Could not change it: {problem}
        </Typography>
      )}
    </>
  );
}
