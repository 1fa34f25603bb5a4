import { InfoCard, Link, Progress } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import { systemProductCanvasUpdatePermission } from '@system-product/backstage-plugin-common';
import {
  useCanvas,
  useEntityPermission,
  useEntityTabPaths,
  useJourney,
  useRoadmapItems,
  useRoutePath,
  useSlos,
  useSurveyRounds,
} from '../../hooks';
import { canvasTabRouteRef } from '../../routes';

/** One step of the first run: whether it has content yet, and where to do it. */
interface Step {
  title: string;
  /** What to do, for a step not done yet. */
  todo: string;
  /** undefined while loading, null when it could not be checked. */
  done: boolean | undefined | null;
  /** The tab it is done on, where the app has it. */
  path?: string;
  where: string;
}

/** Whether a loaded value has content; null when it failed to load. */
function state<T>(
  load: { loading: boolean; error?: Error; value?: T },
  has: (value: T) => boolean,
): boolean | undefined | null {
  if (load.loading) return undefined;
  if (load.error || load.value === undefined) return null;
  return has(load.value);
}

function StepIcon(props: { done: boolean | null }) {
  if (props.done === null) {
    return <ErrorOutlineIcon color="disabled" titleAccess="Could not check" />;
  }
  return props.done ? (
    <CheckCircleIcon color="primary" titleAccess="Done" />
  ) : (
    <RadioButtonUncheckedIcon color="action" titleAccess="Not done yet" />
  );
}

/**
 * "Getting started": the order of work on a new system product (canvas,
 * journey, survey, SLOs, roadmap), each step ticked once it has content and
 * linking to where it is done. For those who may change the canvas (its
 * owners); it shows nothing once every step is done, and nothing to others.
 */
export function GettingStartedCard() {
  const canEdit = useEntityPermission(systemProductCanvasUpdatePermission);
  if (!canEdit) return null;
  return <GettingStartedSteps />;
}

function GettingStartedSteps() {
  const canvas = useCanvas();
  const journey = useJourney();
  const rounds = useSurveyRounds();
  const slos = useSlos();
  const roadmap = useRoadmapItems();
  const tabs = useEntityTabPaths();
  const canvasTab = useRoutePath(canvasTabRouteRef);

  const steps: Step[] = [
    {
      title: 'Canvas',
      todo: 'Answer the focus questions: who uses the system and what value it delivers.',
      done: state(canvas, c => c.version > 0),
      path: canvasTab,
      where: 'Canvas tab',
    },
    {
      title: 'Journey',
      todo: 'Map the stages and touchpoints of a user’s journey through the system.',
      done: state(journey, j => j.stages.length > 0),
      path: tabs.journey,
      where: 'Journey tab',
    },
    {
      title: 'Survey',
      todo: 'Open a first survey round to hear from the people using it (the survey card on the Overview).',
      done: state(rounds, r => r.length > 0),
      where: 'survey card',
    },
    {
      title: 'SLOs',
      todo: 'Define what good delivery means as SLOs, and send the events they count.',
      done: state(slos, s => s.items.length > 0),
      path: tabs.slos,
      where: 'SLOs tab',
    },
    {
      title: 'Roadmap',
      todo: 'Plan the first improvement, tied to the pain it addresses.',
      done: state(roadmap, r => r.length > 0),
      path: tabs.roadmap,
      where: 'Roadmap tab',
    },
  ];
  if (steps.some(s => s.done === undefined)) {
    return (
      <InfoCard title="Getting started">
        <Progress />
      </InfoCard>
    );
  }
  const done = steps.filter(s => s.done === true).length;
  if (done === steps.length) return null;
  return (
    <InfoCard
      title="Getting started"
      subheader={`${done} of ${steps.length} steps done, in this order`}
    >
      <List dense disablePadding aria-label="Getting started steps">
        {steps.map((step, index) => (
          <ListItem key={step.title} disableGutters>
            <ListItemIcon>
              <StepIcon done={step.done as boolean | null} />
            </ListItemIcon>
            <ListItemText
              primary={`${index + 1}. ${step.title}${
                step.done === true ? ' · done' : ''
              }`}
              secondary={
                step.done === true ? undefined : (
                  <>
                    {step.done === null && 'Could not check this step. '}
                    {step.todo}{' '}
                    {step.path && (
                      <Link to={step.path}>Open the {step.where}</Link>
                    )}
                  </>
                )
              }
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="caption" color="textSecondary">
        Each step is ticked once it has content; this card goes away when all
        five are.
      </Typography>
    </InfoCard>
  );
}
