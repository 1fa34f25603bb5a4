import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import {
  DraftProblem,
  JOURNEY_LIMITS,
  StageDraft,
  TouchpointDraft,
  move,
  newTouchpoint,
} from './journeyDraft';

/** The id of the name field of the stage or touchpoint with `key`. */
export const nameFieldId = (key: string) => `journey-${key}-name`;

/** How a stage is named to the owner: its name, or its place while unnamed. */
function stageLabel(stage: StageDraft, index: number): string {
  return stage.name.trim() || `Stage ${index + 1}`;
}

const touchpointLabel = (touchpoint: TouchpointDraft, index: number) =>
  touchpoint.name.trim() || `touchpoint ${index + 1}`;

const reportsText = (reports: number) =>
  `${reports} friction report${reports === 1 ? '' : 's'}`;

/** Problems of one editor, and whether blank names are shown yet. */
export interface ProblemsView {
  problems: Record<string, DraftProblem>;
  showBlank: boolean;
}

function problemOf(view: ProblemsView, key: string): string | undefined {
  const problem = view.problems[key];
  if (!problem || (problem.blank && !view.showBlank)) return undefined;
  return problem.message;
}

/** Asks before a removal that drops friction reports or touchpoints. */
function ConfirmRemoval(props: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Alert
      severity="warning"
      role="alert"
      style={{ marginTop: 8 }}
      action={
        <>
          <Button color="inherit" size="small" onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
          <Button color="inherit" size="small" onClick={props.onCancel}>
            Keep it
          </Button>
        </>
      }
    >
      {props.message}
    </Alert>
  );
}

/**
 * One stage of the journey editor: its name and description, its place
 * among the stages, and its touchpoints in order.
 */
export function JourneyStageEditor(props: {
  stage: StageDraft;
  index: number;
  stages: StageDraft[];
  view: ProblemsView;
  newKey: () => string;
  onChange: (stage: StageDraft) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  onMoveTouchpoint: (touchpointKey: string, stageKey: string) => void;
}) {
  const { stage, index, stages, view, newKey } = props;
  const { onChange, onMove, onRemove, onMoveTouchpoint } = props;
  const [confirming, setConfirming] = useState<string>();
  const label = stageLabel(stage, index);
  const touchpoints = stage.touchpoints;
  const setTouchpoints = (next: TouchpointDraft[]) =>
    onChange({ ...stage, touchpoints: next });
  const full = touchpoints.length >= JOURNEY_LIMITS.touchpointsPerStage;

  const stageReports = touchpoints.reduce((sum, t) => sum + t.reports, 0);
  const removeStage = () =>
    touchpoints.length > 0 ? setConfirming(stage.key) : onRemove();
  const removeTouchpoint = (touchpoint: TouchpointDraft) => {
    if (touchpoint.reports > 0) setConfirming(touchpoint.key);
    else setTouchpoints(touchpoints.filter(t => t.key !== touchpoint.key));
  };
  const nameProblem = problemOf(view, `${stage.key}.name`);
  const countProblem = problemOf(view, `${stage.key}.touchpoints`);

  return (
    <Paper
      variant="outlined"
      style={{ padding: 16, marginTop: 16 }}
      role="group"
      aria-label={`Stage ${index + 1}`}
    >
      <Box display="flex" alignItems="flex-start" gridGap={8}>
        <Typography variant="subtitle1" style={{ paddingTop: 20 }}>
          {index + 1}.
        </Typography>
        <Box flex={1}>
          <TextField
            id={nameFieldId(stage.key)}
            label="Stage name"
            required
            fullWidth
            value={stage.name}
            onChange={e => onChange({ ...stage, name: e.target.value })}
            error={Boolean(nameProblem)}
            helperText={nameProblem}
            inputProps={{ maxLength: JOURNEY_LIMITS.name }}
          />
          <TextField
            id={`journey-stage-${stage.key}-description`}
            label="What happens in this stage (optional)"
            fullWidth
            multiline
            margin="dense"
            value={stage.description}
            onChange={e => onChange({ ...stage, description: e.target.value })}
            inputProps={{ maxLength: JOURNEY_LIMITS.description }}
          />
        </Box>
        <IconButton
          aria-label={`Move ${label} left`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <ArrowBackIcon />
        </IconButton>
        <IconButton
          aria-label={`Move ${label} right`}
          disabled={index === stages.length - 1}
          onClick={() => onMove(1)}
        >
          <ArrowForwardIcon />
        </IconButton>
        <IconButton aria-label={`Remove ${label}`} onClick={removeStage}>
          <DeleteIcon />
        </IconButton>
      </Box>
      {confirming === stage.key && (
        <ConfirmRemoval
          message={`Removing ${label} also removes its ${
            touchpoints.length
          } touchpoint${touchpoints.length === 1 ? '' : 's'}${
            stageReports > 0
              ? ` and, when you save, deletes their ${reportsText(
                  stageReports,
                )} for good. Move the touchpoints you want to keep to another stage first`
              : ''
          }.`}
          confirmLabel="Remove stage"
          onConfirm={() => {
            setConfirming(undefined);
            onRemove();
          }}
          onCancel={() => setConfirming(undefined)}
        />
      )}

      <Box ml={4} mt={1}>
        <Typography variant="subtitle2" component="h4">
          Touchpoints
        </Typography>
        {touchpoints.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No touchpoints yet: add the steps where users meet the system in
            this stage.
          </Typography>
        )}
        {touchpoints.map((touchpoint, j) => {
          const tpLabel = touchpointLabel(touchpoint, j);
          const set = (patch: Partial<TouchpointDraft>) =>
            setTouchpoints(
              touchpoints.map(t =>
                t.key === touchpoint.key ? { ...t, ...patch } : t,
              ),
            );
          const field = (name: string) =>
            problemOf(view, `${touchpoint.key}.${name}`);
          const minutesProblem = field('expectedMinutes');
          const modesProblem = field('failureModes');
          const tpNameProblem = field('name');
          return (
            <Box
              key={touchpoint.key}
              mt={2}
              role="group"
              aria-label={`Touchpoint ${j + 1} of ${label}`}
            >
              <Grid container spacing={1} alignItems="flex-start">
                <Grid item xs={12} md={4}>
                  <TextField
                    id={nameFieldId(touchpoint.key)}
                    label="Touchpoint name"
                    required
                    fullWidth
                    value={touchpoint.name}
                    onChange={e => set({ name: e.target.value })}
                    error={Boolean(tpNameProblem)}
                    helperText={tpNameProblem}
                    inputProps={{ maxLength: JOURNEY_LIMITS.name }}
                  />
                </Grid>
                <Grid item xs={6} md={2}>
                  <TextField
                    id={`journey-touchpoint-${touchpoint.key}-minutes`}
                    label="Expected minutes"
                    fullWidth
                    value={touchpoint.expectedMinutes}
                    onChange={e => set({ expectedMinutes: e.target.value })}
                    error={Boolean(minutesProblem)}
                    helperText={minutesProblem ?? 'Empty when unknown'}
                    inputProps={{ inputMode: 'numeric' }}
                  />
                </Grid>
                <Grid item xs={6} md={3}>
                  <TextField
                    id={`journey-touchpoint-${touchpoint.key}-owner`}
                    label="Owner (optional)"
                    fullWidth
                    value={touchpoint.owner}
                    onChange={e => set({ owner: e.target.value })}
                    helperText="e.g. group:default/platform-team"
                    inputProps={{ maxLength: JOURNEY_LIMITS.owner }}
                  />
                </Grid>
                <Grid item xs={12} md={3}>
                  <TextField
                    id={`journey-touchpoint-${touchpoint.key}-stage`}
                    select
                    label="Stage"
                    fullWidth
                    value={stage.key}
                    onChange={e =>
                      onMoveTouchpoint(touchpoint.key, e.target.value)
                    }
                    helperText={
                      touchpoint.reports > 0
                        ? `Keeps its ${reportsText(
                            touchpoint.reports,
                          )} when moved`
                        : undefined
                    }
                  >
                    {stages.map((s, i) => (
                      <MenuItem
                        key={s.key}
                        value={s.key}
                        disabled={
                          s.key !== stage.key &&
                          s.touchpoints.length >=
                            JOURNEY_LIMITS.touchpointsPerStage
                        }
                      >
                        {i + 1}. {stageLabel(s, i)}
                      </MenuItem>
                    ))}
                  </TextField>
                </Grid>
                <Grid item xs={12} md={9}>
                  <TextField
                    id={`journey-touchpoint-${touchpoint.key}-failure-modes`}
                    label="Failure modes (one per line)"
                    fullWidth
                    multiline
                    minRows={2}
                    value={touchpoint.failureModes}
                    onChange={e => set({ failureModes: e.target.value })}
                    error={Boolean(modesProblem)}
                    helperText={
                      modesProblem ?? 'How this step goes wrong for users'
                    }
                  />
                </Grid>
                <Grid item xs={12} md={3}>
                  <IconButton
                    aria-label={`Move ${tpLabel} up`}
                    disabled={j === 0}
                    onClick={() => setTouchpoints(move(touchpoints, j, -1))}
                  >
                    <ArrowUpwardIcon />
                  </IconButton>
                  <IconButton
                    aria-label={`Move ${tpLabel} down`}
                    disabled={j === touchpoints.length - 1}
                    onClick={() => setTouchpoints(move(touchpoints, j, 1))}
                  >
                    <ArrowDownwardIcon />
                  </IconButton>
                  <IconButton
                    aria-label={`Remove ${tpLabel}`}
                    onClick={() => removeTouchpoint(touchpoint)}
                  >
                    <DeleteIcon />
                  </IconButton>
                </Grid>
              </Grid>
              {confirming === touchpoint.key && (
                <ConfirmRemoval
                  message={`${tpLabel} has ${reportsText(
                    touchpoint.reports,
                  )}. If you save without it, they are deleted for good and no longer count in the journey's friction heat or in "Where it hurts most".`}
                  confirmLabel="Remove touchpoint"
                  onConfirm={() => {
                    setConfirming(undefined);
                    setTouchpoints(
                      touchpoints.filter(t => t.key !== touchpoint.key),
                    );
                  }}
                  onCancel={() => setConfirming(undefined)}
                />
              )}
            </Box>
          );
        })}
        {countProblem && (
          <Typography color="error" variant="body2">
            {countProblem}
          </Typography>
        )}
        <Box display="flex" alignItems="center" gridGap={8} mt={1}>
          <Button
            size="small"
            startIcon={<AddIcon />}
            disabled={full}
            onClick={() =>
              setTouchpoints([...touchpoints, newTouchpoint(newKey())])
            }
            aria-label={`Add a touchpoint to ${label}`}
          >
            Add touchpoint
          </Button>
          {full && (
            <Typography variant="caption" color="textSecondary">
              A stage has at most {JOURNEY_LIMITS.touchpointsPerStage}{' '}
              touchpoints.
            </Typography>
          )}
        </Box>
      </Box>
    </Paper>
  );
}
