import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import CheckBoxIcon from '@material-ui/icons/CheckBox';
import CheckBoxOutlineBlankIcon from '@material-ui/icons/CheckBoxOutlineBlank';
import {
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemStatus,
  systemProductRoadmapManagePermission,
  getEntityOwner,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { JourneyStep, metricChange, ownerRef } from '../../format';
import { useEntityPermission, useRoadmap } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { KIND_LABELS } from './roadmapItemForm';
import { RoadmapItemDialog } from './RoadmapItemDialog';

const COLUMNS: Array<{ status: RoadmapItemStatus; title: string }> = [
  { status: 'idea', title: 'Ideas' },
  { status: 'planned', title: 'Planned' },
  { status: 'in-progress', title: 'In progress' },
  { status: 'shipped', title: 'Shipped' },
];

/** An owner: a link to the group or user, or the text as typed. */
function Owner(props: { owner: string }) {
  const ref = ownerRef(props.owner);
  return ref ? (
    <EntityRefLink entityRef={ref} defaultKind="group" />
  ) : (
    <>{props.owner}</>
  );
}

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

function ItemCard(props: {
  item: RoadmapItem;
  steps?: JourneyStep[];
  onEdit?: () => void;
}) {
  const { item, steps, onEdit } = props;
  const done = item.milestones.filter(m => m.done).length;
  const change = metricChange(item);
  const stepsLine = journeyStepsLine(item, steps);
  return (
    <Paper
      // Search results link here (…/roadmap#roadmap-item-<id>).
      id={`roadmap-item-${item.id}`}
      variant="outlined"
      style={{ padding: 12, marginTop: 12 }}
      data-testid="roadmap-item"
    >
      <Typography variant="subtitle2">{item.title}</Typography>
      <Box mt={0.5} mb={0.5}>
        <Chip
          size="small"
          color={item.kind === 'quick-win' ? 'primary' : 'default'}
          label={KIND_LABELS[item.kind]}
        />
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
      {onEdit && (
        <Button size="small" onClick={onEdit} aria-label={`Edit ${item.title}`}>
          Edit
        </Button>
      )}
    </Paper>
  );
}

/**
 * The Roadmap tab: improvements by status, quick wins told apart, shipped
 * ones celebrated. Owners add and edit items in place.
 */
export function RoadmapBoard() {
  const { value, loading, error, retry } = useRoadmap();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const canManage = useEntityPermission(systemProductRoadmapManagePermission);
  const [editing, setEditing] = useState<RoadmapItem | 'new'>();
  const ref = getCompoundEntityRef(entity);

  const save = async (input: RoadmapItemInput, version?: number) => {
    if (editing === 'new') {
      await api.createRoadmapItem(ref, input);
    } else if (editing) {
      await api.updateRoadmapItem(editing.id, { ...input, version: version! });
    }
    setEditing(undefined);
    retry();
  };
  const addButton = canManage ? (
    <Button
      variant="outlined"
      color="primary"
      onClick={() => setEditing('new')}
    >
      Add improvement
    </Button>
  ) : undefined;

  return (
    <>
      {editing && (
        <RoadmapItemDialog
          item={editing === 'new' ? undefined : editing}
          steps={value?.steps}
          onClose={() => setEditing(undefined)}
          onSave={save}
          loadCurrent={async id =>
            (await api.getRoadmap(ref)).find(i => i.id === id)
          }
        />
      )}
      <AsyncState loading={loading} error={error} retry={retry} what="roadmap">
        {() => (
          <RoadmapColumns
            items={value?.items ?? []}
            steps={value?.steps}
            owner={getEntityOwner(entity)}
            addButton={addButton}
            onEdit={canManage ? setEditing : undefined}
          />
        )}
      </AsyncState>
    </>
  );
}

function RoadmapColumns(props: {
  items: RoadmapItem[];
  steps?: JourneyStep[];
  owner?: string;
  addButton?: JSX.Element;
  onEdit?: (item: RoadmapItem) => void;
}) {
  const { items, steps, owner, addButton, onEdit } = props;
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
      {addButton && (
        <Grid item xs={12}>
          {addButton}
        </Grid>
      )}
      {COLUMNS.map(column => {
        const inColumn = items.filter(i => i.status === column.status);
        return (
          <Grid item xs={12} sm={6} md={3} key={column.status}>
            <Typography variant="h6" component="h3">
              {column.title} ({inColumn.length})
            </Typography>
            {inColumn.map(item => (
              <ItemCard
                key={item.id}
                item={item}
                steps={steps}
                onEdit={onEdit && (() => onEdit(item))}
              />
            ))}
          </Grid>
        );
      })}
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
                </ListItem>
              ))}
            </List>
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
