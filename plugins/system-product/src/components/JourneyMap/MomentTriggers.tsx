import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  Journey,
  MomentTrigger,
  MomentTriggerRequest,
  SurveyQuestion,
  systemProductSurveyRoundManagePermission,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { journeySteps } from '../../format';
import {
  useEntityPermission,
  useMomentTriggers,
  useSurveyResults,
} from '../../hooks';
import { AsyncState } from '../AsyncState';
import { FormDialogActions, FormProblem, useDialogAction } from '../FormDialog';
import { SurveyResultsView } from '../SurveyCard';
import { MomentTriggerDialog } from './MomentTriggerDialog';
import {
  cooldownText,
  momentEvents,
  momentResultsText,
  roundMonth,
  samplePercent,
} from './momentWords';

/** The questions of a trigger's rounds (template `moment`), as the trigger asks them. */
function roundQuestions(trigger: MomentTrigger): SurveyQuestion[] {
  const questions: SurveyQuestion[] = [
    { id: 'moment', kind: 'csat', prompt: trigger.question },
  ];
  if (trigger.textQuestion) {
    questions.push({
      id: 'moment-text',
      kind: 'text',
      prompt: trigger.textQuestion,
    });
  }
  return questions;
}

/** The newest round's answers in brief, and on request its k-anonymous results. */
function NewestRound(props: { trigger: MomentTrigger }) {
  const { trigger } = props;
  const round = trigger.rounds[0];
  const { value, loading, error, retry } = useSurveyResults(round.roundId);
  const [open, setOpen] = useState(false);
  const month = roundMonth(round.opensAt);
  if (loading && !value) {
    return (
      <Typography variant="body2">{month}: loading its answers…</Typography>
    );
  }
  if (error || !value) {
    return (
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="body2">
          {month}: its answers could not be loaded ({error?.message}).
        </Typography>
        <Button size="small" variant="outlined" onClick={retry}>
          Load them again
        </Button>
      </Box>
    );
  }
  return (
    <>
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="body2">
          {month}: {momentResultsText(value)}
        </Typography>
        {value.visible && (
          <Button
            size="small"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={`Results of "${trigger.question}"`}
          >
            Results
          </Button>
        )}
      </Box>
      {open && (
        <SurveyResultsView
          results={value}
          questions={roundQuestions(trigger)}
        />
      )}
    </>
  );
}

/** Asks before a trigger goes, naming its question. */
function ConfirmRemoval(props: {
  trigger: MomentTrigger;
  onClose: () => void;
  onRemove: () => Promise<void>;
}) {
  const { trigger, onClose, onRemove } = props;
  const { busy, failure, run } = useDialogAction(onRemove);
  return (
    <Dialog open onClose={onClose} aria-labelledby="remove-moment-title">
      <DialogTitle id="remove-moment-title">Remove this moment?</DialogTitle>
      <DialogContent>
        <Typography variant="body2">
          Nobody will be asked "{trigger.question}" any more, and the prompts
          not answered yet are withdrawn. The answers so far stay in its rounds.
        </Typography>
        {failure && (
          <FormProblem spaced>
            Could not remove the moment: {failure}
          </FormProblem>
        )}
      </DialogContent>
      <FormDialogActions
        label="Remove moment"
        onCancel={onClose}
        onConfirm={run}
        disabled={busy}
      />
    </Dialog>
  );
}

/** One trigger: its question, which events ask it and how often, and its newest round. */
function TriggerItem(props: {
  trigger: MomentTrigger;
  touchpointName?: string;
  onRemove?: () => void;
}) {
  const { trigger, touchpointName, onRemove } = props;
  const about = trigger.touchpointId
    ? ` · about ${touchpointName ?? 'a touchpoint no longer in the journey'}`
    : '';
  return (
    <ListItem divider alignItems="flex-start">
      <Box flex={1}>
        <Typography variant="subtitle2" component="h4">
          {trigger.question}
        </Typography>
        {trigger.textQuestion && (
          <Typography variant="body2" color="textSecondary">
            Then, optionally: {trigger.textQuestion}
          </Typography>
        )}
        <Typography variant="body2" color="textSecondary">
          After {momentEvents(trigger)} · asks{' '}
          {samplePercent(trigger.sampleRate)} of them,{' '}
          {cooldownText(trigger.cooldownDays)}
          {about}
        </Typography>
        {trigger.rounds.length > 0 ? (
          <NewestRound trigger={trigger} />
        ) : (
          <Typography variant="body2">No answers yet.</Typography>
        )}
      </Box>
      {onRemove && (
        <Button
          size="small"
          onClick={onRemove}
          aria-label={`Remove the moment "${trigger.question}"`}
        >
          Remove
        </Button>
      )}
    </ListItem>
  );
}

const WHAT_MOMENTS_ARE =
  'A moment asks the person who just used this system one question about what they just did: right after their deployment, build, incident or ticket, through a Backstage notification. Answers are anonymous and shown only once enough people answered; a low score on a touchpoint also counts as friction there.';

/**
 * "Moments" on the Journey tab: the micro-surveys that the entity's delivery
 * events prompt, with their newest answers. Owners (who may open survey
 * rounds) add and remove them; everyone else sees them once there are any.
 */
export function MomentTriggers(props: { journey: Journey }) {
  const { journey } = props;
  const { value, loading, error, retry } = useMomentTriggers();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const canManage = useEntityPermission(
    systemProductSurveyRoundManagePermission,
  );
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<MomentTrigger>();
  const steps = journeySteps(journey);
  const names = new Map(
    journey.stages.flatMap(s => s.touchpoints.map(t => [t.id, t.name])),
  );

  // Only owners have anything to do here while there is nothing to show.
  if (!canManage && (!value || value.length === 0) && !error) return null;

  const add = async (request: MomentTriggerRequest) => {
    await api.createMomentTrigger(getCompoundEntityRef(entity), request);
    setAdding(false);
    retry();
  };
  const remove = async (trigger: MomentTrigger) => {
    await api.deleteMomentTrigger(getCompoundEntityRef(entity), trigger.id);
    setRemoving(undefined);
    retry();
  };
  const addButton = canManage && (
    <Button variant="outlined" color="primary" onClick={() => setAdding(true)}>
      Add moment
    </Button>
  );

  return (
    <InfoCard
      title="Moments"
      subheader="One question to the person behind a delivery event, right after it"
    >
      {/* A reload after a change keeps the list on screen. */}
      <AsyncState
        loading={loading && !value}
        error={error}
        retry={retry}
        what="moments"
      >
        {() =>
          value!.length === 0 ? (
            <EmptyState
              missing="data"
              title="No moments yet"
              description={
                <>
                  {WHAT_MOMENTS_ARE} An event names the person behind it in its{' '}
                  <code>actor</code> field, a user entity ref such as{' '}
                  <code>user:default/jane</code>, when your pipeline posts it to{' '}
                  <code>POST /api/system-product/events</code>; an event without
                  an actor asks nobody.
                </>
              }
              action={addButton || undefined}
            />
          ) : (
            <>
              <Typography variant="body2" color="textSecondary">
                {WHAT_MOMENTS_ARE}
              </Typography>
              <List dense aria-label="Moments">
                {value!.map(trigger => (
                  <TriggerItem
                    key={trigger.id}
                    trigger={trigger}
                    touchpointName={
                      trigger.touchpointId
                        ? names.get(trigger.touchpointId)
                        : undefined
                    }
                    onRemove={
                      canManage ? () => setRemoving(trigger) : undefined
                    }
                  />
                ))}
              </List>
              {addButton}
            </>
          )
        }
      </AsyncState>
      {adding && (
        <MomentTriggerDialog
          steps={steps}
          onClose={() => setAdding(false)}
          onAdd={add}
        />
      )}
      {removing && (
        <ConfirmRemoval
          trigger={removing}
          onClose={() => setRemoving(undefined)}
          onRemove={() => remove(removing)}
        />
      )}
    </InfoCard>
  );
}
