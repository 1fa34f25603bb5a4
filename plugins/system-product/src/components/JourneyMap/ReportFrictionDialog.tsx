import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Touchpoint } from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { FormDialogActions, FormProblem } from '../FormDialog';

const SEVERITIES = [
  [1, 'A nuisance'],
  [2, 'Slows me down'],
  [3, 'Costs me real time'],
  [4, 'Makes me work around it'],
  [5, 'Blocks my work'],
] as const;

/** Asks how much a touchpoint hurts; the report is anonymous. */
export function ReportFrictionDialog(props: {
  touchpoint: Touchpoint;
  onClose: () => void;
  onSubmit: (report: { severity: number; text: string }) => Promise<void>;
}) {
  const { touchpoint, onClose, onSubmit } = props;
  const [severity, setSeverity] = useState<number>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!severity) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({ severity, text });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="report-friction-title"
      fullWidth
    >
      <DialogTitle id="report-friction-title">
        Report friction: {touchpoint.name}
      </DialogTitle>
      <DialogContent>
        <FormControl component="fieldset">
          <FormLabel component="legend">How much does it hurt?</FormLabel>
          <RadioGroup
            value={severity ? String(severity) : ''}
            onChange={e => setSeverity(Number(e.target.value))}
          >
            {SEVERITIES.map(([value, label]) => (
              <FormControlLabel
                key={value}
                value={String(value)}
                control={<Radio />}
                label={`${value}: ${label}`}
              />
            ))}
          </RadioGroup>
        </FormControl>
        <TextField
          id="friction-text"
          label="What happened? (optional)"
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          value={text}
          inputProps={{ maxLength: 2000 }}
          onChange={e => setText(e.target.value)}
        />
        <Typography variant="caption" color="textSecondary">
          Reports are anonymous: the owners see how much each step hurts, never
          who said so.
        </Typography>
        <FormProblem>{error}</FormProblem>
      </DialogContent>
      <FormDialogActions
        label="Send report"
        onCancel={onClose}
        onConfirm={submit}
        disabled={!severity || busy}
      />
    </Dialog>
  );
}
