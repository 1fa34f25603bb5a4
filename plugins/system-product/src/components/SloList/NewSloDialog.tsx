import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  EvaluatedSlo,
  OpenSloDocument,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { NoEventsWarning } from './NoEventsWarning';
import {
  SLO_PRESETS,
  SloFormValues,
  derivedDisplayName,
  toSloDocument,
} from './sloPresets';
import { FormDialogActions, FormProblem } from '../FormDialog';

const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function initialForm(): SloFormValues {
  const preset = SLO_PRESETS[0];
  return {
    name: preset.id,
    displayName: '',
    presetId: preset.id,
    value: preset.defaultValue ?? 0,
    targetPercent: preset.defaultTargetPercent,
    windowDays: 28,
    environment: 'production',
  };
}

/** What is wrong with the form, field by field, before anything is sent. */
function problemsOf(
  form: SloFormValues,
): Partial<Record<keyof SloFormValues, string>> {
  const preset = SLO_PRESETS.find(p => p.id === form.presetId)!;
  return {
    ...(!NAME.test(form.name) && {
      name: 'lowercase letters, digits and dashes, at most 63',
    }),
    ...(!(form.targetPercent > 0 && form.targetPercent < 100) && {
      targetPercent: 'between 0 and 100, exclusive',
    }),
    ...(!(Number.isInteger(form.windowDays) && form.windowDays >= 1) && {
      windowDays: 'a whole number of days, at least 1',
    }),
    ...(preset.kind === 'threshold' &&
      !(Number.isFinite(form.value) && form.value >= 0) && {
        value: 'a number, at least 0',
      }),
  };
}

/**
 * Makes an SLO in the portal from one of the plugin's indicators. The backend
 * checks it again; its message (a taken name, for example) is shown here.
 * The display name follows the threshold and target until the owner types
 * one; `slos` (the system's, undefined while they load) help tell whether
 * the system has events of the indicator's kind yet.
 */
export function NewSloDialog(props: {
  onClose: () => void;
  onSave: (document: OpenSloDocument) => Promise<void>;
  slos?: EvaluatedSlo[];
}) {
  const { onClose, onSave, slos } = props;
  const [form, setForm] = useState<SloFormValues>(initialForm);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const preset = SLO_PRESETS.find(p => p.id === form.presetId)!;
  const problems = problemsOf(form);
  // Empty until the owner types a name; then theirs, however the figures change.
  const displayName = form.displayName || derivedDisplayName(form);
  const text =
    (key: 'name' | 'displayName' | 'environment') =>
    (e: { target: { value: string } }) =>
      setForm(f => ({ ...f, [key]: e.target.value }));
  const number =
    (key: 'value' | 'targetPercent' | 'windowDays') =>
    (e: { target: { value: string } }) =>
      setForm(f => ({ ...f, [key]: Number(e.target.value) }));
  const numberField = (
    key: 'value' | 'targetPercent' | 'windowDays',
    id: string,
    label: string,
  ) => (
    <Grid item xs={6} md={4}>
      <TextField
        id={id}
        label={label}
        type="number"
        fullWidth
        value={form[key]}
        onChange={number(key)}
        error={!!problems[key]}
        helperText={problems[key]}
      />
    </Grid>
  );
  const choose = (e: { target: { value: unknown } }) => {
    const next = SLO_PRESETS.find(p => p.id === e.target.value)!;
    setForm(f => ({
      ...f,
      presetId: next.id,
      name: next.id,
      value: next.defaultValue ?? 0,
      targetPercent: next.defaultTargetPercent,
    }));
  };

  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onSave(toSloDocument({ ...form, displayName }));
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="new-slo-title" fullWidth>
      <DialogTitle id="new-slo-title">New SLO</DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              id="slo-indicator"
              select
              label="Indicator"
              fullWidth
              value={form.presetId}
              onChange={choose}
            >
              {SLO_PRESETS.map(p => (
                <MenuItem key={p.id} value={p.id}>
                  {p.label}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField
              id="slo-name"
              label="Name"
              required
              fullWidth
              value={form.name}
              onChange={text('name')}
              error={!!problems.name}
              helperText={problems.name ?? 'The OpenSLO metadata.name'}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField
              id="slo-display-name"
              label="Display name"
              fullWidth
              value={displayName}
              onChange={text('displayName')}
              helperText={
                form.displayName
                  ? 'Yours; clear it to follow the threshold and target again'
                  : 'Follows the threshold and target until you edit it'
              }
            />
          </Grid>
          {preset.kind === 'threshold' &&
            numberField(
              'value',
              'slo-value',
              `${preset.op === 'lte' ? 'At most' : 'At least'} (${
                preset.unit!.label
              })`,
            )}
          {numberField('targetPercent', 'slo-target', 'Target (% of events)')}
          {numberField('windowDays', 'slo-window', 'Rolling window (days)')}
          {preset.event === 'deployment' && (
            <Grid item xs={6} md={4}>
              <TextField
                id="slo-environment"
                label="Environment"
                fullWidth
                value={form.environment}
                onChange={text('environment')}
                helperText="Empty for every environment"
              />
            </Grid>
          )}
          <Grid item xs={12}>
            <NoEventsWarning
              preset={preset}
              environment={form.environment}
              slos={slos}
            />
          </Grid>
          {problem && (
            <Grid item xs={12}>
              <FormProblem>{problem}</FormProblem>
            </Grid>
          )}
        </Grid>
      </DialogContent>
      <FormDialogActions
        label="Add SLO"
        onCancel={onClose}
        onConfirm={save}
        disabled={busy || Object.keys(problems).length > 0}
      />
    </Dialog>
  );
}
