import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  ROADMAP_ITEM_KINDS,
  ROADMAP_ITEM_STATUSES,
  RoadmapItem,
  RoadmapItemInput,
} from '@system-product/backstage-plugin-common';
import { useEffect, useRef, useState } from 'react';
import { JourneyStep, REMOVED_STEP_LABEL } from './journeySteps';
import { FormDialogActions, FormProblem } from '../FormDialog';
import { useSystemProductData } from '../../hooks/useSystemProductData';
import {
  findSlo,
  loadSlos,
  SloMetricField,
  UseCurrentSli,
} from './SloMetricField';

const KIND_LABELS = {
  'quick-win': 'Quick win',
  strategic: 'Strategic',
} as const;
const STATUS_LABELS = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  shipped: 'Shipped',
  dropped: 'Dropped',
} as const;

/** Limits of the API (RoadmapItemInput). */
const MAX_MILESTONES = 20;
const MAX_TOUCHPOINTS = 50;

/** A milestone being edited; `key` tells the rows apart while they change. */
type MilestoneRow = { key: number; title: string; done: boolean };

type Form = {
  title: string;
  description: string;
  kind: RoadmapItemInput['kind'];
  status: NonNullable<RoadmapItemInput['status']>;
  owner: string;
  targetDate: string;
  milestones: MilestoneRow[];
  painPoints: string;
  touchpointIds: string[];
  metric: string;
  metricBefore: string;
  metricAfter: string;
};

function toForm(item?: RoadmapItem): Form {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    kind: item?.kind ?? 'quick-win',
    status: item?.status ?? 'idea',
    owner: item?.owner ?? '',
    targetDate: item?.targetDate ?? '',
    milestones: (item?.milestones ?? []).map((m, key) => ({ ...m, key })),
    painPoints: item?.painPoints.join('\n') ?? '',
    touchpointIds: item?.touchpointIds ?? [],
    metric: item?.metric ?? '',
    metricBefore: item?.metricBefore?.toString() ?? '',
    metricAfter: item?.metricAfter?.toString() ?? '',
  };
}

function toInput(form: Form): RoadmapItemInput {
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    title: form.title.trim(),
    description: form.description,
    kind: form.kind,
    status: form.status,
    owner: form.owner.trim() || null,
    targetDate: form.targetDate || null,
    // Milestones without a title are left out (the dialog says so).
    milestones: form.milestones
      .map(m => ({ title: m.title.trim(), done: m.done }))
      .filter(m => m.title !== ''),
    painPoints: form.painPoints
      .split('\n')
      .map(l => l.trim())
      .filter(Boolean),
    touchpointIds: form.touchpointIds,
    metric: form.metric.trim() || null,
    metricBefore: number(form.metricBefore),
    metricAfter: number(form.metricAfter),
  };
}

/** The fields of the form that are edited as text. */
type TextKey = {
  [K in keyof Form]: Form[K] extends string ? K : never;
}[keyof Form];

/**
 * Creates an item, or edits `item`. A save on a stale version keeps the form
 * and offers to save it over the newer version.
 *
 * `steps` are the touchpoints of the entity's journey the item can address;
 * undefined when the journey could not be loaded (the linked ones are then
 * kept as they are).
 *
 * The entity's SLOs are loaded when the dialog opens, to suggest them as the
 * metric and fill in their current SLI; editing goes on without them.
 */
export function RoadmapItemDialog(props: {
  item?: RoadmapItem;
  steps?: JourneyStep[];
  onClose: () => void;
  onSave: (input: RoadmapItemInput, version?: number) => Promise<void>;
  loadCurrent: (id: string) => Promise<RoadmapItem | undefined>;
}) {
  const { item, steps, onClose, onSave, loadCurrent } = props;
  const [form, setForm] = useState<Form>(toForm(item));
  const [version, setVersion] = useState(item?.version);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const slos = useSystemProductData(loadSlos);
  const slo = findSlo(slos.value, form.metric);
  const set = (key: TextKey) => (e: { target: { value: string } }) =>
    setForm(f => ({ ...f, [key]: e.target.value }));
  const numberProblem = (['metricBefore', 'metricAfter'] as const).some(
    key => form[key].trim() !== '' && Number.isNaN(Number(form[key])),
  );

  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onSave(toInput(form), version);
    } catch (e) {
      if (e instanceof ResponseError && e.statusCode === 409 && item) {
        const current = await loadCurrent(item.id);
        setVersion(current?.version);
        setProblem(
          `${
            current?.updatedBy ?? 'Someone'
          } changed this item meanwhile (now version ${
            current?.version
          }). Your edits are kept: save again to apply them over that version.`,
        );
      } else {
        setProblem((e as Error).message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="roadmap-item-title"
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id="roadmap-item-title">
        {item ? 'Edit improvement' : 'New improvement'}
      </DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              id="roadmap-title"
              label="Title"
              required
              fullWidth
              value={form.title}
              onChange={set('title')}
              inputProps={{ maxLength: 200 }}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="roadmap-description"
              label="Description"
              fullWidth
              multiline
              value={form.description}
              onChange={set('description')}
              inputProps={{ maxLength: 4000 }}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="roadmap-kind"
              select
              label="Kind"
              fullWidth
              value={form.kind}
              onChange={set('kind')}
            >
              {ROADMAP_ITEM_KINDS.map(kind => (
                <MenuItem key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="roadmap-status"
              select
              label="Status"
              fullWidth
              value={form.status}
              onChange={set('status')}
            >
              {ROADMAP_ITEM_STATUSES.map(status => (
                <MenuItem key={status} value={status}>
                  {STATUS_LABELS[status]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField
              id="roadmap-owner"
              label="Owner"
              fullWidth
              value={form.owner}
              onChange={set('owner')}
              inputProps={{ maxLength: 255 }}
              helperText="A user or group, e.g. group:default/platform-team; empty when nobody owns it yet"
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField
              id="roadmap-target"
              label="Target date"
              type="date"
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={form.targetDate}
              onChange={set('targetDate')}
            />
          </Grid>
          <Grid item xs={12}>
            <MilestonesField
              milestones={form.milestones}
              onChange={milestones => setForm(f => ({ ...f, milestones }))}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="roadmap-pain-points"
              label="Pain points it addresses (one per line)"
              fullWidth
              multiline
              value={form.painPoints}
              onChange={set('painPoints')}
            />
          </Grid>
          <Grid item xs={12}>
            <JourneyStepsField
              steps={steps}
              value={form.touchpointIds}
              onChange={touchpointIds =>
                setForm(f => ({ ...f, touchpointIds }))
              }
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <SloMetricField
              value={form.metric}
              onChange={metric => setForm(f => ({ ...f, metric }))}
              slos={slos}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="roadmap-before"
              label="Value before"
              fullWidth
              value={form.metricBefore}
              onChange={set('metricBefore')}
            />
            {slo && (
              <UseCurrentSli
                slo={slo}
                label="Value before"
                onUse={metricBefore => setForm(f => ({ ...f, metricBefore }))}
              />
            )}
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="roadmap-after"
              label="Value after (when shipped)"
              fullWidth
              value={form.metricAfter}
              onChange={set('metricAfter')}
            />
            {slo && form.status === 'shipped' && (
              <UseCurrentSli
                slo={slo}
                label="Value after"
                onUse={metricAfter => setForm(f => ({ ...f, metricAfter }))}
              />
            )}
          </Grid>
        </Grid>
        {numberProblem && (
          <Typography color="error">
            Before and after values must be numbers, in the metric's own unit.
          </Typography>
        )}
        <FormProblem>{problem}</FormProblem>
      </DialogContent>
      <FormDialogActions
        label="Save"
        onCancel={onClose}
        onConfirm={save}
        disabled={busy || !form.title.trim() || numberProblem}
      />
    </Dialog>
  );
}

/**
 * The milestones as a checklist: a title and whether it is done, each
 * removable. Rows left without a title are not saved, and it says so.
 */
function MilestonesField(props: {
  milestones: MilestoneRow[];
  onChange: (milestones: MilestoneRow[]) => void;
}) {
  const { milestones, onChange } = props;
  // Keys of rows added in this dialog continue after the item's own rows.
  const nextKey = useRef(milestones.length);
  const [added, setAdded] = useState<number>();
  // Typing goes on in the row just added (only ever on "Add milestone").
  const addedInput = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (added !== undefined) addedInput.current?.focus();
  }, [added]);
  const change = (key: number, patch: Partial<MilestoneRow>) =>
    onChange(milestones.map(m => (m.key === key ? { ...m, ...patch } : m)));
  const add = () => {
    const key = nextKey.current++;
    setAdded(key);
    onChange([...milestones, { key, title: '', done: false }]);
  };
  const full = milestones.length >= MAX_MILESTONES;
  const untitled = milestones.filter(m => !m.title.trim()).length;

  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Milestones
      </Typography>
      {milestones.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No milestones yet.
        </Typography>
      )}
      {milestones.map((milestone, index) => (
        <Box key={milestone.key} display="flex" alignItems="center">
          <Checkbox
            color="primary"
            checked={milestone.done}
            onChange={e => change(milestone.key, { done: e.target.checked })}
            inputProps={{ 'aria-label': `Milestone ${index + 1} done` }}
          />
          <TextField
            id={`roadmap-milestone-${milestone.key}`}
            label={`Milestone ${index + 1}`}
            fullWidth
            inputRef={milestone.key === added ? addedInput : undefined}
            value={milestone.title}
            onChange={e => change(milestone.key, { title: e.target.value })}
            inputProps={{ maxLength: 200 }}
          />
          <IconButton
            aria-label={`Remove milestone ${index + 1}`}
            onClick={() =>
              onChange(milestones.filter(m => m.key !== milestone.key))
            }
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Box display="flex" alignItems="center" gridGap={8} mt={1}>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={add}
          disabled={full}
        >
          Add milestone
        </Button>
        {full && (
          <Typography variant="caption" color="textSecondary">
            An item has at most {MAX_MILESTONES} milestones.
          </Typography>
        )}
      </Box>
      {untitled > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          {untitled === 1
            ? 'A milestone without a title is left out when you save.'
            : `${untitled} milestones without a title are left out when you save.`}
        </Typography>
      )}
    </>
  );
}

/**
 * Picks the journey's touchpoints the item addresses. Linked touchpoints that
 * were removed from the journey stay listed, as removed, until unticked.
 */
function JourneyStepsField(props: {
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
