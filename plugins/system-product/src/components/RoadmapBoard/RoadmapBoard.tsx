import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemStatus,
  systemProductRoadmapManagePermission,
  getEntityOwner,
} from '@system-product/backstage-plugin-common';
import { DragEvent, useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { JourneyStep, metricChange } from '../../format';
import { useEntityPermission, useRoadmap } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { MoveMenu } from './MoveMenu';
import { Owner } from './Owner';
import { STATUS_LABELS } from './roadmapItemForm';
import { RoadmapItemDialog } from './RoadmapItemDialog';
import { RoadmapTimeline } from './RoadmapTimeline';
import { ROADMAP_ITEM_DRAG_TYPE, RoadmapItemCard } from './RoadmapItemCard';
import { ChangeMessage, useItemChanges } from './useItemChanges';

const COLUMNS: Array<{ status: RoadmapItemStatus; title: string }> = [
  { status: 'idea', title: 'Ideas' },
  { status: 'planned', title: 'Planned' },
  { status: 'in-progress', title: 'In progress' },
  { status: 'shipped', title: 'Shipped' },
];

const useStyles = makeStyles(theme => ({
  column: { borderRadius: theme.shape.borderRadius },
  dropTarget: {
    outline: `2px dashed ${theme.palette.primary.main}`,
    outlineOffset: -4,
  },
}));

/**
 * What the dialog is open for: a new item, or `item`; `movedTo` is the status a
 * move to Shipped sets before the owner saves.
 */
type Editing = { item?: RoadmapItem; movedTo?: RoadmapItemStatus };

/** What owners do on the board itself. */
type BoardActions = {
  onEdit: (item: RoadmapItem) => void;
  /** `fromMenu`: the focus then follows the item to its new column. */
  onMove: (
    item: RoadmapItem,
    status: RoadmapItemStatus,
    fromMenu: boolean,
  ) => void;
  onMilestoneDone: (item: RoadmapItem, index: number, done: boolean) => void;
  isBusy: (id: string) => boolean;
  /** The item moved with "Move to…" last. */
  movedWithMenu?: string;
};

/**
 * The Roadmap tab: improvements by status, quick wins told apart, overdue
 * ones marked, shipped ones celebrated. Owners add and edit items in the
 * dialog, and on the board drag them to another column (or use "Move to…")
 * and tick off their milestones. Moving an item to Shipped opens the dialog,
 * set to Shipped, for the value after and a look before the people behind
 * its friction are told.
 */
export function RoadmapBoard() {
  const { value, loading, error, retry } = useRoadmap();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const canManage = useEntityPermission(systemProductRoadmapManagePermission);
  const [editing, setEditing] = useState<Editing>();
  const [movedWithMenu, setMovedWithMenu] = useState<string>();
  const changes = useItemChanges(value?.items ?? [], retry);
  const ref = getCompoundEntityRef(entity);
  const owner = getEntityOwner(entity);

  const save = async (input: RoadmapItemInput, version?: number) => {
    if (editing?.item) {
      await api.updateRoadmapItem(editing.item.id, {
        ...input,
        version: version!,
      });
    } else {
      await api.createRoadmapItem(ref, input);
    }
    setEditing(undefined);
    retry();
  };
  const actions: BoardActions | undefined = canManage
    ? {
        onEdit: item => setEditing({ item }),
        onMove: (item, status, fromMenu) => {
          if (status === item.status) return;
          if (status === 'shipped') {
            setEditing({ item, movedTo: status });
            return;
          }
          setMovedWithMenu(fromMenu ? item.id : undefined);
          changes.change(
            item,
            { status },
            `Moved "${item.title}" to ${STATUS_LABELS[status]}.`,
          );
        },
        onMilestoneDone: (item, index, done) =>
          changes.change(
            item,
            {
              milestones: item.milestones.map((m, i) =>
                i === index ? { ...m, done } : m,
              ),
            },
            `Milestone "${item.milestones[index].title}" of "${item.title}" ${
              done ? 'done' : 'not done'
            }.`,
          ),
        isBusy: changes.isBusy,
        movedWithMenu,
      }
    : undefined;
  const addButton = canManage ? (
    <Button variant="outlined" color="primary" onClick={() => setEditing({})}>
      Add improvement
    </Button>
  ) : undefined;

  return (
    <>
      {editing && (
        <RoadmapItemDialog
          item={editing.item}
          movedTo={editing.movedTo}
          newItemOwner={owner}
          steps={value?.steps}
          onClose={() => setEditing(undefined)}
          onSave={save}
          loadCurrent={async id =>
            (await api.getRoadmap(ref)).find(i => i.id === id)
          }
        />
      )}
      {/* A reload after a change keeps the board in place. */}
      <AsyncState
        loading={loading && !value}
        error={error}
        retry={retry}
        what="roadmap"
      >
        {() => (
          <RoadmapColumns
            items={changes.items}
            steps={value?.steps}
            owner={owner}
            addButton={addButton}
            actions={actions}
            message={changes.message}
            now={new Date()}
          />
        )}
      </AsyncState>
    </>
  );
}

/** What the last change on the board came to, read out as it happens. */
function ChangeStatus(props: { message?: ChangeMessage }) {
  const { message } = props;
  return (
    <>
      <Typography variant="body2" role="status">
        {message && !message.error ? message.text : ''}
      </Typography>
      {message?.error && (
        <Typography variant="body2" color="error" role="alert">
          {message.text}
        </Typography>
      )}
    </>
  );
}

/**
 * A column of the board; for owners (`onDrop`) a drop target for cards
 * dragged from the other columns.
 */
function RoadmapColumn(props: {
  status: RoadmapItemStatus;
  title: string;
  onDrop?: (itemId: string) => void;
  children: JSX.Element[];
}) {
  const { status, title, onDrop, children } = props;
  const classes = useStyles();
  const [over, setOver] = useState(false);
  const carriesItem = (e: DragEvent) =>
    Array.from(e.dataTransfer.types ?? []).includes(ROADMAP_ITEM_DRAG_TYPE);
  const headingId = `roadmap-column-${status}`;
  return (
    <Grid
      item
      xs={12}
      sm={6}
      md={3}
      component="section"
      aria-labelledby={headingId}
      className={`${classes.column} ${over ? classes.dropTarget : ''}`}
      onDragOver={
        onDrop &&
        ((e: DragEvent) => {
          if (!carriesItem(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        })
      }
      onDragLeave={
        onDrop &&
        ((e: DragEvent<HTMLElement>) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
            setOver(false);
          }
        })
      }
      onDrop={
        onDrop &&
        ((e: DragEvent) => {
          e.preventDefault();
          setOver(false);
          const id = e.dataTransfer.getData(ROADMAP_ITEM_DRAG_TYPE);
          if (id) onDrop(id);
        })
      }
    >
      <Typography variant="h6" component="h3" id={headingId}>
        {title} ({children.length})
      </Typography>
      {children}
    </Grid>
  );
}

function RoadmapColumns(props: {
  items: RoadmapItem[];
  steps?: JourneyStep[];
  owner?: string;
  addButton?: JSX.Element;
  actions?: BoardActions;
  message?: ChangeMessage;
  now: Date;
}) {
  const { items, steps, owner, addButton, actions, message, now } = props;
  const [view, setView] = useState<'board' | 'timeline'>('board');
  if (items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No improvements planned yet"
        description={
          <>
            The owner ({owner ? <Owner owner={owner} /> : 'its owners'}) turns
            pain points from the journey and the surveys into roadmap items:
            quick wins and strategic changes, each tied to the metric it should
            move.
          </>
        }
        action={addButton}
      />
    );
  }
  const shipped = items
    .filter(i => i.status === 'shipped')
    .sort((a, b) => (b.shippedAt ?? '').localeCompare(a.shippedAt ?? ''));
  const dropped = items.filter(i => i.status === 'dropped');
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" gridGap={16} flexWrap="wrap">
          {addButton}
          <ToggleButtonGroup
            size="small"
            exclusive
            value={view}
            onChange={(_, picked) => picked && setView(picked)}
            aria-label="View"
          >
            <ToggleButton value="board">Board</ToggleButton>
            <ToggleButton value="timeline">Timeline</ToggleButton>
          </ToggleButtonGroup>
        </Box>
        {actions && view === 'board' && (
          <Typography variant="body2" color="textSecondary">
            Drag an item to another column, or use its "Move to…" button.
          </Typography>
        )}
        {actions && <ChangeStatus message={message} />}
      </Grid>
      {view === 'timeline' && (
        <Grid item xs={12}>
          <RoadmapTimeline items={items} now={now} />
        </Grid>
      )}
      {view === 'board' &&
        COLUMNS.map(column => (
          <RoadmapColumn
            key={column.status}
            status={column.status}
            title={column.title}
            onDrop={
              actions &&
              (id => {
                const moving = items.find(i => i.id === id);
                if (moving) actions.onMove(moving, column.status, false);
              })
            }
          >
            {items
              .filter(i => i.status === column.status)
              .map(item => (
                <RoadmapItemCard
                  key={item.id}
                  item={item}
                  steps={steps}
                  now={now}
                  onEdit={actions && (() => actions.onEdit(item))}
                  onMove={
                    actions && (status => actions.onMove(item, status, true))
                  }
                  onMilestoneDone={
                    actions &&
                    ((index, done) =>
                      actions.onMilestoneDone(item, index, done))
                  }
                  busy={actions?.isBusy(item.id)}
                  focusMove={actions?.movedWithMenu === item.id}
                />
              ))}
          </RoadmapColumn>
        ))}
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Changelog"
          subheader="Shipped improvements, newest first"
        >
          {shipped.length === 0 ? (
            <Typography variant="body2">Nothing shipped yet.</Typography>
          ) : (
            <List dense>
              {shipped.map(item => (
                <ListItem key={item.id}>
                  <ListItemText
                    primary={`${item.shippedAt?.slice(0, 10) ?? ''} · ${
                      item.title
                    }`}
                    secondary={metricChange(item) ?? 'No metric recorded'}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </InfoCard>
      </Grid>
      {dropped.length > 0 && (
        <Grid item xs={12} md={6}>
          <InfoCard title={`Dropped (${dropped.length})`}>
            <List dense>
              {dropped.map(item => (
                <ListItem key={item.id}>
                  <ListItemText primary={item.title} />
                  {actions && (
                    <MoveMenu
                      item={item}
                      onMove={status => actions.onMove(item, status, true)}
                      disabled={actions.isBusy(item.id)}
                      takeFocus={actions.movedWithMenu === item.id}
                    />
                  )}
                </ListItem>
              ))}
            </List>
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
