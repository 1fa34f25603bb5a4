import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { Touchpoint } from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import {
  AnswerTextField,
  FormDialogActions,
  FormProblem,
  ScaleField,
} from '../FormDialog';
import { RoadmapItemLinks } from './RoadmapItemLinks';
import { TouchpointRoadmap } from './touchpointRoadmap';

const SEVERITIES = [
  [1, 'A nuisance'],
  [2, 'Slows me down'],
  [3, 'Costs me real time'],
  [4, 'Makes me work around it'],
  [5, 'Blocks my work'],
] as const;

/** What the team is already doing about the touchpoint, once a report is sent. */
function AlreadyDoing(props: { name: string; roadmap: TouchpointRoadmap }) {
  const { name, roadmap } = props;
  if (roadmap === 'loading') {
    return (
      <Typography variant="body2">
        Loading what the team is already doing about {name}…
      </Typography>
    );
  }
  if (roadmap === 'failed') {
    return (
      <Typography variant="body2">
        The roadmap could not be loaded, so what the team is already doing about{' '}
        {name} cannot be shown here.
      </Typography>
    );
  }
  if (roadmap.length === 0) {
    return (
      <Typography variant="body2">
        Nothing is planned for {name} yet: reports like yours tell the owners
        where to start.
      </Typography>
    );
  }
  const label = `What the team is already doing about ${name}`;
  return (
    <>
      <Typography variant="body2">{label}:</Typography>
      <RoadmapItemLinks items={roadmap} label={label} />
    </>
  );
}

/**
 * Asks how much a touchpoint hurts; the report is anonymous. Once sent, says
 * so and what the team is already doing about the touchpoint (`roadmap`).
 */
export function ReportFrictionDialog(props: {
  touchpoint: Touchpoint;
  roadmap: TouchpointRoadmap;
  onClose: () => void;
  onSubmit: (report: { severity: number; text: string }) => Promise<void>;
}) {
  const { touchpoint, roadmap, onClose, onSubmit } = props;
  const [severity, setSeverity] = useState<number>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!severity) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({ severity, text });
      setSent(true);
    } catch (e) {
      setError((e as Error).message);
    }
    setBusy(false);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="report-friction-title"
      fullWidth
    >
      <DialogTitle id="report-friction-title">
        {sent ? 'Report sent' : 'Report friction'}: {touchpoint.name}
      </DialogTitle>
      {sent ? (
        <>
          <DialogContent>
            <Typography variant="body2" paragraph>
              Thanks: your friction report was recorded anonymously.
            </Typography>
            <AlreadyDoing name={touchpoint.name} roadmap={roadmap} />
          </DialogContent>
          <DialogActions>
            <Button color="primary" variant="contained" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogContent>
            <ScaleField
              legend="How much does it hurt?"
              options={SEVERITIES.map(([value, label]) => [
                value,
                `${value}: ${label}`,
              ])}
              value={severity}
              onChange={setSeverity}
            />
            <AnswerTextField
              id="friction-text"
              label="What happened? (optional)"
              value={text}
              onChange={setText}
            />
            <Typography variant="caption" color="textSecondary">
              Reports are anonymous: the owners see how much each step hurts,
              never who said so.
            </Typography>
            <FormProblem>{error}</FormProblem>
          </DialogContent>
          <FormDialogActions
            label="Send report"
            onCancel={onClose}
            onConfirm={submit}
            disabled={!severity || busy}
          />
        </>
      )}
    </Dialog>
  );
}
