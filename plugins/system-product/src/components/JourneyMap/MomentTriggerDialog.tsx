import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  MomentTrigger,
  MomentTriggerRequest,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { JourneyStep } from '../../format';
import { FormDialogActions, FormProblem, useDialogAction } from '../FormDialog';
import { MOMENT_EVENT_TYPES, WITH_OUTCOME } from './momentWords';

type EventType = MomentTrigger['eventType'];
type Outcome = MomentTrigger['outcome'];

/** Limits of the API (`MomentTriggerRequest`). */
const MAX_QUESTION = 200;
const MAX_ENVIRONMENT = 64;
const MAX_PAGE = 255;
/** A portal path, as `PortalPath` in the API. */
const PAGE_PATTERN = /^\/[^\s?#]*$/;
const MAX_COOLDOWN_DAYS = 365;

const EVENT_TYPE_OPTIONS = Object.entries(MOMENT_EVENT_TYPES).map(
  ([type, [label]]) => [type as EventType, label] as const,
);

const OUTCOMES: Array<[Outcome, string]> = [
  ['any', 'Any outcome'],
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
];

/** A question to start from, by the events asked about. */
const EXAMPLE_QUESTIONS: Record<EventType, string> = {
  deployment: 'How did this deployment go?',
  build: 'Was it clear why the build failed?',
  incident: 'How well were you kept informed during the incident?',
  ticket: 'How well was your request handled?',
  custom: 'How did it go?',
  page: 'Did you find what you came for?',
};

interface Draft {
  eventType: EventType;
  outcome: Outcome;
  environment: string;
  page: string;
  touchpointId: string;
  question: string;
  textQuestion: string;
  /** In %, as typed. */
  sampleRate: string;
  cooldownDays: string;
}

/** What is wrong with the draft, by field, as the API would refuse it. */
function problemsOf(draft: Draft): Partial<Record<keyof Draft, string>> {
  const problems: Partial<Record<keyof Draft, string>> = {};
  if (!draft.question.trim()) problems.question = 'Ask a question.';
  if (draft.eventType === 'page' && !PAGE_PATTERN.test(draft.page.trim())) {
    problems.page = 'A path of the portal starting with /, e.g. /create.';
  }
  const rate = Number(draft.sampleRate);
  if (draft.sampleRate.trim() === '' || !(rate > 0 && rate <= 100)) {
    problems.sampleRate = 'More than 0 and at most 100%.';
  }
  const days = Number(draft.cooldownDays);
  if (
    draft.cooldownDays.trim() === '' ||
    !Number.isInteger(days) ||
    days < 1 ||
    days > MAX_COOLDOWN_DAYS
  ) {
    problems.cooldownDays = `Whole days, from 1 to ${MAX_COOLDOWN_DAYS}.`;
  }
  return problems;
}

/** The request the draft makes: only the fields that apply to its event type. */
function requestOf(draft: Draft): MomentTriggerRequest {
  const request: MomentTriggerRequest = {
    eventType: draft.eventType,
    question: draft.question.trim(),
    sampleRate: Number(draft.sampleRate) / 100,
    cooldownDays: Number(draft.cooldownDays),
  };
  if (WITH_OUTCOME.includes(draft.eventType)) request.outcome = draft.outcome;
  const environment = draft.environment.trim();
  if (draft.eventType === 'deployment' && environment) {
    request.environment = environment;
  }
  if (draft.eventType === 'page') request.page = draft.page.trim();
  if (draft.touchpointId) request.touchpointId = draft.touchpointId;
  const textQuestion = draft.textQuestion.trim();
  if (textQuestion) request.textQuestion = textQuestion;
  return request;
}

/** One of a few choices, each value with its label. */
function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
  helperText?: string;
}) {
  const { id, label, value, options, onChange, helperText } = props;
  return (
    <TextField
      id={id}
      select
      label={label}
      fullWidth
      value={value}
      onChange={e => onChange(e.target.value as T)}
      helperText={helperText}
    >
      {options.map(([option, text]) => (
        <MenuItem key={option} value={option}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Asks an owner which events prompt the person behind them, what they are
 * asked, about which touchpoint, and how often.
 */
export function MomentTriggerDialog(props: {
  /** The journey's touchpoints, to tie the moment to one. */
  steps: JourneyStep[];
  onClose: () => void;
  onAdd: (request: MomentTriggerRequest) => Promise<void>;
}) {
  const { steps, onClose, onAdd } = props;
  const [draft, setDraft] = useState<Draft>({
    eventType: 'deployment',
    outcome: 'any',
    environment: '',
    page: '',
    touchpointId: '',
    question: '',
    textQuestion: '',
    sampleRate: '10',
    cooldownDays: '14',
  });
  const [questionTouched, setQuestionTouched] = useState(false);
  const { busy, failure, run } = useDialogAction(() => onAdd(requestOf(draft)));
  const problems = problemsOf(draft);
  const valid = Object.keys(problems).length === 0;
  const set = (changes: Partial<Draft>) =>
    setDraft(d => ({ ...d, ...changes }));
  const questionProblem = questionTouched ? problems.question : undefined;

  const add = () => {
    // Enter in a field submits the form even while the button is disabled.
    setQuestionTouched(true);
    if (valid) run();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="moment-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <form
        onSubmit={e => {
          e.preventDefault();
          add();
        }}
      >
        <DialogTitle id="moment-dialog-title">Add a moment</DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            After each matching event, the person behind it (the event's{' '}
            <code>actor</code>, or who visited the page) may be asked one
            question. Answers are anonymous and shown only once enough people
            answered.
          </Typography>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6}>
              <SelectField
                id="moment-event-type"
                label="Event type"
                value={draft.eventType}
                options={EVENT_TYPE_OPTIONS}
                onChange={eventType => set({ eventType })}
              />
            </Grid>
            {WITH_OUTCOME.includes(draft.eventType) && (
              <Grid item xs={12} sm={6}>
                <SelectField
                  id="moment-outcome"
                  label="Outcome"
                  value={draft.outcome}
                  options={OUTCOMES}
                  onChange={outcome => set({ outcome })}
                />
              </Grid>
            )}
            {draft.eventType === 'page' && (
              <Grid item xs={12}>
                <TextField
                  id="moment-page"
                  label="Page"
                  required
                  fullWidth
                  value={draft.page}
                  placeholder="/create"
                  inputProps={{ maxLength: MAX_PAGE }}
                  onChange={e => set({ page: e.target.value })}
                  error={draft.page !== '' && problems.page !== undefined}
                  helperText={
                    (draft.page !== '' && problems.page) ||
                    'Visits to this path of the portal and the pages below it ask, after the page stayed open 2 seconds'
                  }
                />
              </Grid>
            )}
            {draft.eventType === 'deployment' && (
              <Grid item xs={12}>
                <TextField
                  id="moment-environment"
                  label="Environment (optional)"
                  fullWidth
                  value={draft.environment}
                  inputProps={{ maxLength: MAX_ENVIRONMENT }}
                  onChange={e => set({ environment: e.target.value })}
                  helperText="Deployments to this environment only, e.g. production; empty for every environment"
                />
              </Grid>
            )}
            <Grid item xs={12}>
              <SelectField
                id="moment-touchpoint"
                label="Touchpoint (optional)"
                value={draft.touchpointId}
                options={[
                  ['', 'None'],
                  ...steps.map(step => [step.id, step.label] as const),
                ]}
                onChange={touchpointId => set({ touchpointId })}
                helperText="A score of 3 or less is also friction on this touchpoint of the journey"
              />
            </Grid>
            <Grid item xs={12}>
              <TextField
                id="moment-question"
                label="Question (answered from 1, very poor, to 5, very good)"
                required
                fullWidth
                value={draft.question}
                placeholder={EXAMPLE_QUESTIONS[draft.eventType]}
                inputProps={{ maxLength: MAX_QUESTION }}
                onChange={e => set({ question: e.target.value })}
                onBlur={() => setQuestionTouched(true)}
                error={questionProblem !== undefined}
                helperText={questionProblem}
              />
            </Grid>
            <Grid item xs={12}>
              <TextField
                id="moment-text-question"
                label="Text question (optional)"
                fullWidth
                value={draft.textQuestion}
                placeholder="What got in your way?"
                inputProps={{ maxLength: MAX_QUESTION }}
                onChange={e => set({ textQuestion: e.target.value })}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                id="moment-sample-rate"
                label="Sample rate (%)"
                type="number"
                required
                fullWidth
                value={draft.sampleRate}
                inputProps={{ min: 0, max: 100, step: 'any' }}
                onChange={e => set({ sampleRate: e.target.value })}
                error={problems.sampleRate !== undefined}
                helperText={
                  problems.sampleRate ?? 'The share of matching events that ask'
                }
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                id="moment-cooldown"
                label="Cooldown (days)"
                type="number"
                required
                fullWidth
                value={draft.cooldownDays}
                inputProps={{ min: 1, max: MAX_COOLDOWN_DAYS, step: 1 }}
                onChange={e => set({ cooldownDays: e.target.value })}
                error={problems.cooldownDays !== undefined}
                helperText={
                  problems.cooldownDays ??
                  'Asks one person at most once in this many days'
                }
              />
            </Grid>
          </Grid>
          {failure && (
            <FormProblem spaced>
              Could not add the moment: {failure}
            </FormProblem>
          )}
        </DialogContent>
        <FormDialogActions
          label="Add moment"
          onCancel={onClose}
          disabled={busy || !valid}
        />
      </form>
    </Dialog>
  );
}
