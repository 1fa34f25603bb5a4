import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_SURVEY,
  ANNOTATION_USERS,
  OpenSurveyRoundRequest,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { FormDialogActions, FormProblem } from '../FormDialog';
import { daysAfter, endOfLocalDay, localDay } from './surveyDays';

/** Limits of the API (`POST .../surveys`). */
const MAX_TITLE = 200;
const MAX_ROUND_DAYS = 366;
/** How long a round runs unless the owner picks another day. */
const DEFAULT_ROUND_DAYS = 14;

function closingProblem(closesOn: string, now: Date): string | undefined {
  if (!closesOn) {
    return 'Pick the day the round closes.';
  }
  if (closesOn <= localDay(now)) {
    return 'The round must close in the future: pick tomorrow or a later day.';
  }
  const lasts = endOfLocalDay(closesOn).getTime() - now.getTime();
  if (lasts > MAX_ROUND_DAYS * 86_400_000) {
    return `A round runs for at most ${MAX_ROUND_DAYS} days: pick an earlier day.`;
  }
  return undefined;
}

/**
 * Asks an owner for the title and closing day of a new survey round. The round
 * opens now, with the questions of the entity's template, for its user groups.
 */
export function OpenSurveyRoundDialog(props: {
  /** The `system-product/survey` template id, if the entity names one. */
  templateId?: string;
  /** The entity's primary user groups (entity refs), the round's audience. */
  targetGroups: string[];
  onClose: () => void;
  onOpen: (request: OpenSurveyRoundRequest) => Promise<void>;
}) {
  const { templateId, targetGroups, onClose, onOpen } = props;
  const [now] = useState(() => new Date());
  const [title, setTitle] = useState(
    () =>
      `Platform pulse ${now.toLocaleString('en-US', {
        month: 'long',
        year: 'numeric',
      })}`,
  );
  const [closesOn, setClosesOn] = useState(() =>
    localDay(daysAfter(now, DEFAULT_ROUND_DAYS)),
  );
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const dateProblem = closingProblem(closesOn, new Date());

  const open = async () => {
    // Enter in a field submits the form even while the button is disabled.
    if (busy || !title.trim() || dateProblem) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await onOpen({
        title: title.trim(),
        closesAt: endOfLocalDay(closesOn).toISOString(),
      });
    } catch (e) {
      setProblem((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="survey-round-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <form
        onSubmit={e => {
          e.preventDefault();
          open();
        }}
      >
        <DialogTitle id="survey-round-dialog-title">
          Open a survey round
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            The round opens now and asks{' '}
            {templateId
              ? `the questions of the "${templateId}" template (${ANNOTATION_SURVEY})`
              : `the default platform pulse questions (set ${ANNOTATION_SURVEY} to a template id for others)`}
            .{' '}
            {targetGroups.length > 0 ? (
              <>
                It is meant for{' '}
                <EntityRefLinks entityRefs={targetGroups} defaultKind="group" />{' '}
                ({ANNOTATION_USERS}).
              </>
            ) : (
              `Everyone who can see this system may answer; name its user groups in ${ANNOTATION_USERS} to target them.`
            )}{' '}
            Answers stay anonymous; results appear once enough people have
            answered.
          </Typography>
          <TextField
            id="survey-round-title"
            label="Title"
            required
            fullWidth
            margin="dense"
            value={title}
            onChange={e => setTitle(e.target.value)}
            inputProps={{ maxLength: MAX_TITLE }}
            error={!title.trim()}
            helperText={
              title.trim()
                ? 'What people see above the questions'
                : 'Give the round a title.'
            }
          />
          <TextField
            id="survey-round-closes-on"
            label="Closes on"
            type="date"
            required
            fullWidth
            margin="dense"
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: localDay(daysAfter(now, 1)),
              max: localDay(daysAfter(now, MAX_ROUND_DAYS - 1)),
            }}
            value={closesOn}
            onChange={e => setClosesOn(e.target.value)}
            error={dateProblem !== undefined}
            helperText={
              dateProblem ?? 'Answers are taken until the end of this day.'
            }
          />
          {problem && (
            <FormProblem>Could not open the round: {problem}</FormProblem>
          )}
        </DialogContent>
        <FormDialogActions
          label="Open round"
          onCancel={onClose}
          disabled={busy || !title.trim() || dateProblem !== undefined}
        />
      </form>
    </Dialog>
  );
}
