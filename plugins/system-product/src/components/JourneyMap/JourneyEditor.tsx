import { getCompoundEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import { Journey } from '@system-product/backstage-plugin-common';
import { useEffect, useMemo, useRef, useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { userRef } from '../../format';
import { useVersionedSave } from '../../hooks';
import { reasonOf } from '../AsyncState';
import { FormDialogActions, FormProblem } from '../FormDialog';
import { JourneyStageEditor, nameFieldId } from './JourneyStageEditor';
import {
  JOURNEY_LIMITS,
  StageDraft,
  draftProblems,
  move,
  moveToStage,
  newStage,
  rebase,
  removedWithReports,
  toDraft,
  toUpdate,
} from './journeyDraft';

/** The server's reason when it gives one (a 400 names the field and rule). */
function saveProblem(e: unknown): string {
  return `The journey was not saved: ${reasonOf(e)}`;
}

/**
 * Creates or edits the entity's journey map: stages in order, each with its
 * touchpoints. Stages and touchpoints keep their ids, and so their friction
 * reports. A save based on a stale version keeps the draft and offers to
 * save it over the newer version, or to load that version instead.
 */
export function JourneyEditor(props: {
  journey: Journey;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { journey, onClose, onSaved } = props;
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const alertApi = useApi(alertApiRef);
  const ref = getCompoundEntityRef(entity);
  const [stages, setStages] = useState<StageDraft[]>(() => toDraft(journey));
  // `base` is the stored journey the draft is based on: its version is sent.
  const versioned = useVersionedSave({
    initial: journey,
    what: 'journey',
    loadCurrent: () => api.getJourney(ref),
    describeError: saveProblem,
  });
  const { base, conflict, saving, error } = versioned;
  const [attempted, setAttempted] = useState(false);
  const nextKey = useRef(0);
  const [focusKey, setFocusKey] = useState<string>();
  const newKey = () => {
    const key = `new-${nextKey.current++}`;
    setFocusKey(key);
    return key;
  };
  // A stage or touchpoint just added takes the focus, to be named.
  useEffect(() => {
    if (focusKey) document.getElementById(nameFieldId(focusKey))?.focus();
  }, [focusKey]);

  const problems = useMemo(() => draftProblems(stages), [stages]);
  const problemCount = Object.keys(problems).length;
  const removed = removedWithReports(base, stages);
  const removedReports = removed.reduce((sum, t) => sum + t.reports, 0);
  const overwrites = conflict ? rebase(stages, conflict).removes : [];
  const conflictUser = userRef(conflict?.updatedBy);

  const save = async (over?: Journey) => {
    setAttempted(true);
    if (problemCount > 0) return;
    // Over a newer version, the draft drops the ids that version no longer has.
    const draft = over ? rebase(stages, over).stages : stages;
    if (over) setStages(draft);
    await versioned.save(async onto => {
      const saved = await api.updateJourney(ref, toUpdate(draft, onto.version));
      alertApi.post({
        message: `Journey saved as version ${saved.version}`,
        severity: 'success',
        display: 'transient',
      });
      onSaved();
    }, over);
  };

  const setStage = (stage: StageDraft) =>
    setStages(all => all.map(s => (s.key === stage.key ? stage : s)));

  return (
    <Dialog
      open
      // A stray click beside the dialog must not throw the draft away.
      onClose={(_, reason) => reason !== 'backdropClick' && onClose()}
      aria-labelledby="journey-editor-title"
      fullWidth
      maxWidth="lg"
      scroll="paper"
    >
      <DialogTitle id="journey-editor-title">
        {journey.version === 0 ? 'Map the journey' : 'Edit journey'}
      </DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="textSecondary">
          The stages users go through, in order (the first is leftmost on the
          map), and under each the touchpoints where they meet the system: how
          long each takes and how it fails.
        </Typography>
        {conflict && (
          <Alert severity="warning" role="alert" style={{ marginTop: 16 }}>
            <Typography variant="body2" paragraph>
              {conflictUser ? (
                <EntityRefLink entityRef={conflictUser} />
              ) : (
                conflict.updatedBy ?? 'Someone else'
              )}{' '}
              saved version {conflict.version} of the journey while you were
              editing. Your draft is still here.
              {overwrites.length > 0 &&
                ` Saving it over their version removes what only theirs has: ${overwrites.join(
                  ', ',
                )}.`}
            </Typography>
            <Button
              size="small"
              variant="contained"
              color="primary"
              disabled={saving}
              onClick={() => save(conflict)}
            >
              Save my draft over version {conflict.version}
            </Button>{' '}
            <Button
              size="small"
              onClick={() => {
                setStages(toDraft(conflict));
                versioned.adopt(conflict);
                setAttempted(false);
              }}
            >
              Discard my draft and load version {conflict.version}
            </Button>
          </Alert>
        )}
        {stages.length === 0 && (
          <Typography variant="body2" style={{ marginTop: 16 }}>
            No stages yet. Add the first stage users go through, for example
            "Discover" or "Get access".
          </Typography>
        )}
        {stages.map((stage, index) => (
          <JourneyStageEditor
            key={stage.key}
            stage={stage}
            index={index}
            stages={stages}
            view={{ problems, showBlank: attempted }}
            newKey={newKey}
            onChange={setStage}
            onMove={delta => setStages(all => move(all, index, delta))}
            onRemove={() =>
              setStages(all => all.filter(s => s.key !== stage.key))
            }
            onMoveTouchpoint={(touchpointKey, stageKey) =>
              setStages(all => moveToStage(all, touchpointKey, stageKey))
            }
          />
        ))}
        <Box display="flex" alignItems="center" gridGap={8} mt={2}>
          <Button
            variant="outlined"
            startIcon={<AddIcon />}
            disabled={stages.length >= JOURNEY_LIMITS.stages}
            onClick={() => setStages(all => [...all, newStage(newKey())])}
          >
            Add stage
          </Button>
          {stages.length >= JOURNEY_LIMITS.stages && (
            <Typography variant="caption" color="textSecondary">
              A journey has at most {JOURNEY_LIMITS.stages} stages.
            </Typography>
          )}
        </Box>
        {removedReports > 0 && (
          <Alert severity="warning" style={{ marginTop: 16 }}>
            Saving deletes {removedReports} friction report
            {removedReports === 1 ? '' : 's'} for good, with the removed
            touchpoints{' '}
            {removed.map(t => `${t.name} (${t.reports})`).join(', ')}. Cancel to
            keep them.
          </Alert>
        )}
        {attempted && problemCount > 0 && (
          <FormProblem spaced>
            {problemCount === 1
              ? 'Fix the problem marked in red, then save.'
              : `Fix the ${problemCount} problems marked in red, then save.`}
          </FormProblem>
        )}
        <FormProblem spaced>{error}</FormProblem>
      </DialogContent>
      <FormDialogActions
        label="Save journey"
        onCancel={onClose}
        onConfirm={() => save()}
        disabled={saving || Boolean(conflict)}
      />
    </Dialog>
  );
}
