import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/Check';
import {
  Touchpoint,
  TouchpointFriction,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { reasonOf } from '../AsyncState';

/**
 * "Me too" on a touchpoint: a toggle that adds the user's weight to its
 * friction without a report, or takes it back; pressed while they said it.
 * The count shows in the friction heat (from k people on); below that the
 * user still learns that they said it. Hands the touchpoint's friction as the
 * backend answers it to `onChange`; a failure shows under the toggle.
 */
export function MeTooButton(props: {
  touchpoint: Touchpoint;
  onChange: (friction: TouchpointFriction) => void;
}) {
  const { touchpoint, onChange } = props;
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // Absent from backends older than "me too".
  const said = touchpoint.friction.youSaidMeToo === true;
  const countShown = typeof touchpoint.friction.meToo === 'number';

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(
        await api.setMeToo(getCompoundEntityRef(entity), touchpoint.id, !said),
      );
    } catch (e) {
      setError(
        `${said ? 'Taking back' : 'Saying'} "me too" failed: ${reasonOf(e)}`,
      );
    }
    setBusy(false);
  };

  return (
    <>
      <Button
        size="small"
        color="primary"
        variant={said ? 'contained' : 'outlined'}
        startIcon={said ? <CheckIcon /> : undefined}
        aria-pressed={said}
        aria-label={`Me too: ${touchpoint.name}`}
        disabled={busy}
        onClick={toggle}
        style={{ marginLeft: 8 }}
      >
        Me too
      </Button>
      {said && !countShown && (
        <Typography variant="caption" display="block">
          You said me too; press "Me too" again to take it back.
        </Typography>
      )}
      {error && (
        <Typography
          variant="caption"
          display="block"
          color="error"
          role="alert"
        >
          {error}
        </Typography>
      )}
    </>
  );
}
