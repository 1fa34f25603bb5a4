import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ROADMAP_ITEM_KINDS,
  ROADMAP_ITEM_STATUSES,
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemStatus,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { JourneyStep, userRef } from '../../format';
import { useSlos, useVersionedSave } from '../../hooks';
import { FormDialogActions, FormProblem } from '../FormDialog';
import { JourneyStepsField } from './JourneyStepsField';
import { MilestonesField } from './MilestonesField';
import { OwnerField } from './OwnerField';
import { PainPointsField } from './PainPointsField';
import {
  KIND_LABELS,
  MAX_METRIC_UNIT,
  RoadmapItemForm,
  SLO_UNIT,
  STATUS_LABELS,
  TextKey,
  toForm,
  toInput,
  withMetric,
} from './roadmapItemForm';
import { findSlo, SloMetricField, UseCurrentSli } from './SloMetricField';

/**
 * Creates an item, or edits `item`. A save on a stale version keeps the form
 * and offers to save it over the newer version.
 *
 * `steps` are the touchpoints of the entity's journey the item can address;
 * undefined when the journey could not be loaded (the linked ones are then
 * kept as they are).
 *
 * The entity's SLOs are loaded when the dialog opens, to suggest them as the
 * metric and fill in their current SLI; editing goes on without them. An
 * SLO's values are in percent: picking one, or its current SLI, sets the unit
 * to %.
 *
 * A new item is owned by `newItemOwner` (the system's owner) unless the owner
 * changes it. `movedTo` opens `item` already moved to that status: a move to Shipped on
 * the board lands here, for the value after and a look before the people
 * behind its friction are told.
 */
export function RoadmapItemDialog(props: {
  item?: RoadmapItem;
  movedTo?: RoadmapItemStatus;
  newItemOwner?: string;
  steps?: JourneyStep[];
  onClose: () => void;
  onSave: (input: RoadmapItemInput, version?: number) => Promise<void>;
  loadCurrent: (id: string) => Promise<RoadmapItem | undefined>;
}) {
  const { item, movedTo, newItemOwner, steps, onClose, onSave, loadCurrent } =
    props;
  const [form, setForm] = useState<RoadmapItemForm>(() => ({
    ...toForm(item, newItemOwner),
    ...(movedTo ? { status: movedTo } : {}),
  }));
  const versioned = useVersionedSave({
    initial: item,
    what: 'item',
    loadCurrent: async () => {
      const current = item && (await loadCurrent(item.id));
      if (!current) throw new Error('it is no longer on the roadmap');
      return current;
    },
  });
  const { conflict, saving: busy } = versioned;
  // After a conflict the edits stay and the next save goes over the newer
  // version: saying so is all the dialog needs.
  const conflictUser = userRef(conflict?.updatedBy);
  const problem =
    versioned.error ??
    (conflict && (
      <>
        {conflictUser ? (
          <EntityRefLink entityRef={conflictUser} />
        ) : (
          conflict.updatedBy || 'Someone'
        )}{' '}
        changed this item meanwhile (now version {conflict.version}). Your edits
        are kept: save again to apply them over that version.
      </>
    ));
  const slosState = useSlos();
  const slos = { ...slosState, value: slosState.value?.items };
  const slo = findSlo(slos.value, form.metric);
  const set = (key: TextKey) => (e: { target: { value: string } }) =>
    setForm(f => ({ ...f, [key]: e.target.value }));
  const numberProblem = (['metricBefore', 'metricAfter'] as const).some(
    key => form[key].trim() !== '' && Number.isNaN(Number(form[key])),
  );
  const setMetric = (metric: string) =>
    setForm(f =>
      withMetric(f, metric, text => findSlo(slos.value, text) !== undefined),
    );
  /** "Use current value": the SLI in percent, so the unit is % too. */
  const fillSli = (key: 'metricBefore' | 'metricAfter') => (value: string) =>
    setForm(f => ({ ...f, [key]: value, metricUnit: SLO_UNIT }));
  const unit = form.metricUnit.trim();
  const unitAdornment = unit
    ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> }
    : undefined;
  const unitHelper = slo
    ? `An SLO's values are in ${SLO_UNIT}`
    : 'e.g. h, min, %, builds/week; empty for a plain number';

  const save = () =>
    versioned.save(over => onSave(toInput(form), over?.version), conflict);

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
        {item && movedTo === 'shipped' && item.status !== 'shipped' && (
          <Typography variant="body2" paragraph>
            Moving it to Shipped: fill in the value after, if it has a metric,
            so that the roadmap can tell whether it worked. When you save, the
            people who reported friction on its journey steps are told that it
            shipped.
          </Typography>
        )}
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
            <OwnerField
              value={form.owner}
              onChange={owner => setForm(f => ({ ...f, owner }))}
              systemOwner={newItemOwner}
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
            <PainPointsField
              value={form.painPoints}
              onChange={painPoints => setForm(f => ({ ...f, painPoints }))}
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
          <Grid item xs={12} md={4}>
            <SloMetricField
              value={form.metric}
              onChange={setMetric}
              slos={slos}
            />
          </Grid>
          <Grid item xs={4} md={3}>
            <TextField
              id="roadmap-before"
              label="Value before"
              fullWidth
              value={form.metricBefore}
              onChange={set('metricBefore')}
              InputProps={unitAdornment}
            />
            {slo && (
              <UseCurrentSli
                slo={slo}
                label="Value before"
                onUse={fillSli('metricBefore')}
              />
            )}
          </Grid>
          <Grid item xs={4} md={3}>
            <TextField
              id="roadmap-after"
              label="Value after (when shipped)"
              fullWidth
              value={form.metricAfter}
              onChange={set('metricAfter')}
              InputProps={unitAdornment}
            />
            {slo && form.status === 'shipped' && (
              <UseCurrentSli
                slo={slo}
                label="Value after"
                onUse={fillSli('metricAfter')}
              />
            )}
          </Grid>
          <Grid item xs={4} md={2}>
            <TextField
              id="roadmap-unit"
              label="Unit"
              fullWidth
              value={form.metricUnit}
              onChange={set('metricUnit')}
              inputProps={{ maxLength: MAX_METRIC_UNIT }}
              helperText={unitHelper}
            />
          </Grid>
        </Grid>
        {numberProblem && (
          <Typography color="error">
            Before and after values must be numbers; their unit goes in Unit.
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
