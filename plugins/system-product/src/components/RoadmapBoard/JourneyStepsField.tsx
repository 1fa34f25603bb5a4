import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { JourneyStep, REMOVED_STEP_LABEL } from '../../format';
import { MAX_TOUCHPOINTS } from './roadmapItemForm';

/**
 * Picks the journey's touchpoints the item addresses. Linked touchpoints that
 * were removed from the journey stay listed, as removed, until unticked.
 */
export function JourneyStepsField(props: {
  steps?: JourneyStep[];
  value: string[];
  onChange: (touchpointIds: string[]) => void;
}) {
  const { steps, value, onChange } = props;
  if (!steps) {
    return (
      <>
        <Typography variant="subtitle2" component="h3">
          Journey steps it addresses
        </Typography>
        <Typography variant="body2" color="textSecondary">
          The journey's steps could not be loaded, so they cannot be changed
          now.
          {value.length > 0 &&
            ` The ${value.length} step(s) this item addresses are kept as they are.`}
        </Typography>
      </>
    );
  }
  const known = new Set(steps.map(s => s.id));
  const removed = value.filter(id => !known.has(id));
  const options: JourneyStep[] = [
    ...steps,
    ...removed.map(id => ({ id, label: REMOVED_STEP_LABEL })),
  ];
  if (options.length === 0) {
    return (
      <>
        <Typography variant="subtitle2" component="h3">
          Journey steps it addresses
        </Typography>
        <Typography variant="body2" color="textSecondary">
          The journey has no steps yet. Map its stages and touchpoints in the
          Journey tab, then link the ones this improvement addresses.
        </Typography>
      </>
    );
  }
  const labels = new Map(options.map(o => [o.id, o.label]));
  const helper =
    removed.length > 0
      ? `${removed.length} linked step(s) were removed from the journey: untick "${REMOVED_STEP_LABEL}" to unlink them.`
      : 'The touchpoints of the journey, by stage, this improvement should make better.';
  return (
    <TextField
      id="roadmap-touchpoints"
      select
      label="Journey steps it addresses"
      fullWidth
      value={value}
      onChange={e => onChange(e.target.value as unknown as string[])}
      helperText={helper}
      SelectProps={{
        multiple: true,
        renderValue: selected =>
          (selected as string[]).map(id => labels.get(id)).join(', '),
      }}
    >
      {options.map(option => {
        const checked = value.includes(option.id);
        return (
          <MenuItem
            key={option.id}
            value={option.id}
            disabled={!checked && value.length >= MAX_TOUCHPOINTS}
          >
            <Checkbox color="primary" checked={checked} />
            <ListItemText primary={option.label} />
          </MenuItem>
        );
      })}
    </TextField>
  );
}
