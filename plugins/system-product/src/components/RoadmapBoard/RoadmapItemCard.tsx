import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import CheckBoxIcon from '@material-ui/icons/CheckBox';
import CheckBoxOutlineBlankIcon from '@material-ui/icons/CheckBoxOutlineBlank';
import ScheduleIcon from '@material-ui/icons/Schedule';
import {
  RoadmapItem,
  RoadmapItemStatus,
} from '@system-product/backstage-plugin-common';
import { formatDay, JourneyStep, metricChange } from '../../format';
import { MoveMenu } from './MoveMenu';
import { overdueSince } from './overdueSince';
import { Owner } from './Owner';
import { KIND_LABELS } from './roadmapItemForm';

/** The type of the data a dragged card carries: the item's id. */
export const ROADMAP_ITEM_DRAG_TYPE =
  'application/x-system-product-roadmap-item';

const useStyles = makeStyles(theme => ({
  card: { padding: 12, marginTop: 12 },
  draggable: { cursor: 'grab' },
  busy: { opacity: 0.6 },
  overdue: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
  },
  overdueIcon: { color: 'inherit' },
}));

/**
 * "Journey steps: Stage › Touchpoint, …" of the touchpoints `item` addresses;
 * without `steps` (the journey did not load) only how many.
 */
function journeyStepsLine(
  item: RoadmapItem,
  steps?: JourneyStep[],
): string | undefined {
  const ids = item.touchpointIds;
  if (ids.length === 0) return undefined;
  if (!steps) {
    return `Journey steps: ${ids.length} linked (their names could not be loaded)`;
  }
  const labels = new Map(steps.map(s => [s.id, s.label]));
  return `Journey steps: ${ids
    .map(id => labels.get(id) ?? 'a removed step')
    .join(', ')}`;
}

/** "Overdue since 18 Nov": the item missed its target day and is not shipped. */
export function OverdueChip(props: { since: string; now: Date }) {
  const classes = useStyles();
  const day = formatDay(props.since, props.now);
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes.overdue}
      icon={<ScheduleIcon className={classes.overdueIcon} />}
      label={`Overdue since ${day}`}
      title={`Its target date, ${props.since}, has passed and it has not shipped`}
    />
  );
}

/**
 * A roadmap item on the board. For owners (`onMove` and the others given) it
 * can be dragged to another column or moved with "Move to…", its milestones
 * ticked off, and it is edited in the dialog; `busy` while a change of it is
 * being saved.
 */
export function RoadmapItemCard(props: {
  item: RoadmapItem;
  steps?: JourneyStep[];
  /** Today, for the overdue mark. */
  now: Date;
  onEdit?: () => void;
  onMove?: (status: RoadmapItemStatus) => void;
  onMilestoneDone?: (index: number, done: boolean) => void;
  busy?: boolean;
  /** Focus "Move to…" when drawn: the item was just moved with it. */
  focusMove?: boolean;
}) {
  const { item, steps, now, onEdit, onMove, onMilestoneDone, busy } = props;
  const classes = useStyles();
  const done = item.milestones.filter(m => m.done).length;
  const change = metricChange(item);
  const stepsLine = journeyStepsLine(item, steps);
  const overdue = overdueSince(item, now);
  const draggable = Boolean(onMove) && !busy;
  return (
    <Paper
      // Search results link here (…/roadmap#roadmap-item-<id>).
      id={`roadmap-item-${item.id}`}
      variant="outlined"
      className={`${classes.card} ${draggable ? classes.draggable : ''} ${
        busy ? classes.busy : ''
      }`}
      data-testid="roadmap-item"
      aria-busy={busy || undefined}
      draggable={draggable}
      onDragStart={
        draggable
          ? e => {
              e.dataTransfer.setData(ROADMAP_ITEM_DRAG_TYPE, item.id);
              e.dataTransfer.effectAllowed = 'move';
            }
          : undefined
      }
    >
      <Typography variant="subtitle2">{item.title}</Typography>
      <Box mt={0.5} mb={0.5} display="flex" flexWrap="wrap" gridGap={4}>
        <Chip
          size="small"
          color={item.kind === 'quick-win' ? 'primary' : 'default'}
          label={KIND_LABELS[item.kind]}
        />
        {overdue && <OverdueChip since={overdue} now={now} />}
      </Box>
      {item.description && (
        <Typography variant="body2">{item.description}</Typography>
      )}
      <Typography variant="caption" display="block">
        {item.owner ? (
          <>
            Owner <Owner owner={item.owner} />
          </>
        ) : (
          'No owner yet'
        )}
        {item.targetDate && ` · target ${item.targetDate}`}
        {item.status === 'in-progress' &&
          item.startedAt &&
          ` · in progress since ${formatDay(item.startedAt)}`}
      </Typography>
      {item.milestones.length > 0 && (
        <>
          <Typography variant="caption" display="block">
            {done} of {item.milestones.length} milestones done
          </Typography>
          <List dense disablePadding aria-label={`Milestones of ${item.title}`}>
            {item.milestones.map((milestone, index) => (
              <ListItem
                key={index}
                disableGutters
                style={{ paddingTop: 0, paddingBottom: 0 }}
              >
                <ListItemIcon style={{ minWidth: 28 }}>
                  {onMilestoneDone ? (
                    <Checkbox
                      size="small"
                      color="primary"
                      edge="start"
                      style={{ padding: 2 }}
                      checked={milestone.done}
                      disabled={busy}
                      onChange={e => onMilestoneDone(index, e.target.checked)}
                      inputProps={{ 'aria-label': milestone.title }}
                    />
                  ) : (
                    <>
                      {milestone.done ? (
                        <CheckBoxIcon
                          fontSize="small"
                          color="primary"
                          titleAccess="Done"
                        />
                      ) : (
                        <CheckBoxOutlineBlankIcon
                          fontSize="small"
                          titleAccess="Not done"
                        />
                      )}
                    </>
                  )}
                </ListItemIcon>
                <ListItemText
                  primary={milestone.title}
                  primaryTypographyProps={{ variant: 'caption' }}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {item.painPoints.length > 0 && (
        <Typography variant="caption" display="block">
          Addresses: {item.painPoints.join('; ')}
        </Typography>
      )}
      {stepsLine && (
        <Typography variant="caption" display="block">
          {stepsLine}
        </Typography>
      )}
      {item.metric && (
        <Typography variant="caption" display="block">
          {item.status === 'shipped' && change
            ? `Did it work? ${change}`
            : `Should move ${item.metric}`}
        </Typography>
      )}
      {(onEdit || onMove) && (
        <Box mt={0.5} display="flex" flexWrap="wrap" gridGap={4}>
          {onEdit && (
            <Button
              size="small"
              onClick={onEdit}
              aria-label={`Edit ${item.title}`}
              disabled={busy}
            >
              Edit
            </Button>
          )}
          {onMove && (
            <MoveMenu
              item={item}
              onMove={onMove}
              disabled={busy}
              takeFocus={props.focusMove}
            />
          )}
        </Box>
      )}
    </Paper>
  );
}
