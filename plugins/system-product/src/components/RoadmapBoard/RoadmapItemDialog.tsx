import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ROADMAP_ITEM_KINDS,
  ROADMAP_ITEM_STATUSES,
  RoadmapItem,
  RoadmapItemInput,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';

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

type Form = {
  title: string;
  description: string;
  kind: RoadmapItemInput['kind'];
  status: NonNullable<RoadmapItemInput['status']>;
  targetDate: string;
  painPoints: string;
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
    targetDate: item?.targetDate ?? '',
    painPoints: item?.painPoints.join('\n') ?? '',
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
    targetDate: form.targetDate || null,
    painPoints: form.painPoints
      .split('\n')
      .map(l => l.trim())
      .filter(Boolean),
    metric: form.metric.trim() || null,
    metricBefore: number(form.metricBefore),
    metricAfter: number(form.metricAfter),
  };
}

/**
 * Creates an item, or edits `item`. A save on a stale version keeps the form
 * and offers to save it over the newer version.
 */
export function RoadmapItemDialog(props: {
  item?: RoadmapItem;
  onClose: () => void;
  onSave: (input: RoadmapItemInput, version?: number) => Promise<void>;
  loadCurrent: (id: string) => Promise<RoadmapItem | undefined>;
}) {
  const { item, onClose, onSave, loadCurrent } = props;
  const [form, setForm] = useState<Form>(toForm(item));
  const [version, setVersion] = useState(item?.version);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Form) => (e: { target: { value: string } }) =>
    setForm(f => ({ ...f, [key]: e.target.value }));
  const numberProblem = ['metricBefore', 'metricAfter'].some(
    key =>
      form[key as keyof Form].trim() !== '' &&
      Number.isNaN(Number(form[key as keyof Form])),
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
            <TextField
              id="roadmap-pain-points"
              label="Pain points it addresses (one per line)"
              fullWidth
              multiline
              value={form.painPoints}
              onChange={set('painPoints')}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField
              id="roadmap-metric"
              label="SLO or metric it should move"
              fullWidth
              value={form.metric}
              onChange={set('metric')}
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
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="roadmap-after"
              label="Value after (when shipped)"
              fullWidth
              value={form.metricAfter}
              onChange={set('metricAfter')}
            />
          </Grid>
        </Grid>
        {numberProblem && (
          <Typography color="error">
            Before and after values must be numbers, in the metric's own unit.
          </Typography>
        )}
        {problem && (
          <Typography color="error" role="alert">
            {problem}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={busy || !form.title.trim() || numberProblem}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
