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
import ListItemText from '@material-ui/core/ListItemText';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Theme, makeStyles } from '@material-ui/core/styles';
import {
  Journey,
  Touchpoint,
  TouchpointFriction,
  getEntityOwner,
  systemProductJourneyUpdatePermission,
} from '@system-product/backstage-plugin-common';
import { useMemo, useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { anonymityNote, meTooNote, ownerRef } from '../../format';
import { useEntityPermission, useJourney, useRoadmapItems } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { formatMinutes } from './durations';
import { FrictionTexts } from './FrictionTexts';
import { HeatLegend } from './HeatLegend';
import { heatStep, heatText } from './heatScale';
import { JourneyEditor } from './JourneyEditor';
import { LoopNotificationsSwitch } from './LoopNotificationsSwitch';
import { MeTooButton } from './MeTooButton';
import { MomentTriggers } from './MomentTriggers';
import { ReportFrictionDialog } from './ReportFrictionDialog';
import { RoadmapItemLinks } from './RoadmapItemLinks';
import { TouchpointRoadmap, itemsAddressing } from './touchpointRoadmap';
import { RANKING_RULE, rankingLine, whereItHurtsMost } from './whereItHurts';

const useStyles = makeStyles((theme: Theme) => ({
  // Stages wrap onto further rows rather than run off the right edge
  // unseen; "Stage n of m" above each keeps the order when they do.
  stages: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: theme.spacing(2),
    alignItems: 'start',
  },
  stage: { padding: theme.spacing(2), minWidth: 0 },
  touchpoint: {
    padding: theme.spacing(1.5),
    marginTop: theme.spacing(1.5),
    borderLeft: `6px solid ${theme.palette.divider}`,
  },
  hot: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(244, 67, 54, 0.12)'
        : 'rgba(244, 67, 54, 0.06)',
  },
  failureModes: { marginTop: theme.spacing(0.5) },
  chip: {
    margin: theme.spacing(0.5, 0.5, 0, 0),
    maxWidth: '100%',
    height: 'auto',
    '& .MuiChip-label': {
      whiteSpace: 'normal',
      paddingTop: 2,
      paddingBottom: 2,
    },
  },
}));

/** A touchpoint's owner: a link to the group or user, or the text as typed. */
function TouchpointOwner(props: { owner: string }) {
  const ref = ownerRef(props.owner);
  return ref ? (
    <EntityRefLink entityRef={ref} defaultKind="group" />
  ) : (
    <>{props.owner}</>
  );
}

/**
 * The Journey tab: stages left to right (wrapping onto further rows), a
 * legend of the heat colours, touchpoints with friction heat and
 * the roadmap items addressing them, and below them the moments
 * (micro-surveys) the system's events prompt. Owners create and edit the map
 * and the moments here; anyone reports friction or says "me too".
 */
export function JourneyMap() {
  const { value, loading, error, retry } = useJourney();
  // Reloading after a report or an edit keeps the map (and the dialog that
  // confirms the report) on screen until the new one is there.
  return (
    <AsyncState
      loading={loading && !value}
      error={error}
      retry={retry}
      what="journey"
    >
      {() => <JourneyBody journey={value!} onChange={retry} />}
    </AsyncState>
  );
}

const NO_UPDATES: Record<string, TouchpointFriction> = {};

/**
 * The journey with the frictions answered since it loaded ("me too"), by
 * touchpoint id, so that one touchpoint changes without reloading them all.
 * A journey loaded again brings its own.
 */
function useFrictionUpdates(journey: Journey) {
  const [updates, setUpdates] = useState({ of: journey, byId: NO_UPDATES });
  const byId = updates.of === journey ? updates.byId : NO_UPDATES;
  const shown = useMemo(
    () => ({
      ...journey,
      stages: journey.stages.map(stage => ({
        ...stage,
        touchpoints: stage.touchpoints.map(t =>
          byId[t.id] ? { ...t, friction: byId[t.id] } : t,
        ),
      })),
    }),
    [journey, byId],
  );
  const update = (touchpointId: string, friction: TouchpointFriction) =>
    setUpdates(current => ({
      of: journey,
      byId: {
        ...(current.of === journey ? current.byId : NO_UPDATES),
        [touchpointId]: friction,
      },
    }));
  return [shown, update] as const;
}

function JourneyBody(props: { journey: Journey; onChange: () => void }) {
  const { onChange } = props;
  const [journey, updateFriction] = useFrictionUpdates(props.journey);
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const roadmap = useRoadmapItems();
  const roadmapOf = (touchpointId: string): TouchpointRoadmap => {
    if (roadmap.value) return itemsAddressing(roadmap.value, touchpointId);
    return roadmap.error ? 'failed' : 'loading';
  };
  const [reporting, setReporting] = useState<Touchpoint>();
  const [editing, setEditing] = useState(false);
  const canEdit = useEntityPermission(systemProductJourneyUpdatePermission);
  const editor = editing && (
    <JourneyEditor
      journey={journey}
      onClose={() => setEditing(false)}
      onSaved={() => {
        setEditing(false);
        onChange();
      }}
    />
  );

  if (journey.version === 0 || journey.stages.length === 0) {
    const owner = ownerRef(getEntityOwner(entity));
    return (
      <>
        <EmptyState
          missing="data"
          title="No journey mapped yet"
          description={
            <>
              {canEdit ? (
                'Map'
              ) : (
                <>
                  The owner (
                  {owner ? (
                    <EntityRefLink entityRef={owner} defaultKind="group" />
                  ) : (
                    'its owners'
                  )}
                  ) maps
                </>
              )}{' '}
              how users move through this system: the stages, the touchpoints in
              each, how long they take and how they fail. Once mapped, anyone
              can report where it hurts.
            </>
          }
          action={
            canEdit ? (
              <Button
                variant="contained"
                color="primary"
                onClick={() => setEditing(true)}
              >
                Map the journey
              </Button>
            ) : undefined
          }
        />
        {/* Moments need no journey: their touchpoint is optional. */}
        <Box mt={3}>
          <MomentTriggers journey={journey} />
        </Box>
        {editor}
      </>
    );
  }

  const touchpoints = journey.stages.flatMap(s => s.touchpoints);
  const frictions = touchpoints.map(t => t.friction);
  // The privacy rules, once for the whole tab.
  const note = [anonymityNote(frictions), meTooNote(frictions)]
    .filter(Boolean)
    .join(' ');
  const ranked = whereItHurtsMost(touchpoints);

  const report = async ({
    severity,
    text,
  }: {
    severity: number;
    text: string;
  }) => {
    await api.reportFriction(getCompoundEntityRef(entity), {
      touchpointId: reporting!.id,
      severity,
      text,
    });
    // The dialog stays to say what is being done about it; the heat reloads.
    onChange();
  };

  return (
    <Grid container spacing={3}>
      {canEdit && (
        <Grid item xs={12}>
          <Button
            variant="outlined"
            color="primary"
            onClick={() => setEditing(true)}
          >
            Edit journey
          </Button>
        </Grid>
      )}
      <Grid item xs={12}>
        {note && (
          <Typography variant="body2" color="textSecondary" paragraph>
            {note}
          </Typography>
        )}
        <Box mb={1}>
          <LoopNotificationsSwitch />
        </Box>
        {roadmap.error && (
          <Box display="flex" alignItems="center" gridGap={8} mb={2}>
            <Typography variant="body2" color="textSecondary">
              The roadmap could not be loaded, so the touchpoints do not show
              what is being done about them.
            </Typography>
            <Button size="small" variant="outlined" onClick={roadmap.retry}>
              Load the roadmap again
            </Button>
          </Box>
        )}
        <HeatLegend />
        <div className={classes.stages} role="list" aria-label="Journey stages">
          {journey.stages.map((stage, stageIndex) => (
            <Paper
              key={stage.id}
              className={classes.stage}
              role="listitem"
              variant="outlined"
            >
              <Typography
                variant="overline"
                display="block"
                color="textSecondary"
              >
                Stage {stageIndex + 1} of {journey.stages.length}
              </Typography>
              <Typography variant="h6" component="h3">
                {stage.name}
              </Typography>
              {stage.description && (
                <Typography variant="body2" color="textSecondary">
                  {stage.description}
                </Typography>
              )}
              {stage.touchpoints.map(touchpoint => {
                const heat = heatStep(touchpoint.friction);
                const addressing = roadmapOf(touchpoint.id);
                return (
                  <Paper
                    key={touchpoint.id}
                    className={
                      heat.level === 3
                        ? `${classes.touchpoint} ${classes.hot}`
                        : classes.touchpoint
                    }
                    style={{ borderLeftColor: heat.colour }}
                    data-testid={`touchpoint-${touchpoint.name}`}
                    data-heat={heat.level}
                    elevation={0}
                  >
                    <Typography variant="subtitle2">
                      {touchpoint.name}
                    </Typography>
                    <Typography variant="caption" display="block">
                      {touchpoint.expectedMinutes === null
                        ? 'Expected time unknown'
                        : `Takes about ${formatMinutes(
                            touchpoint.expectedMinutes,
                          )}`}
                    </Typography>
                    {touchpoint.owner && (
                      <Typography variant="caption" display="block">
                        Owned by <TouchpointOwner owner={touchpoint.owner} />
                      </Typography>
                    )}
                    <Typography variant="caption" display="block">
                      {heatText(touchpoint.friction)}
                    </Typography>
                    <FrictionTexts touchpoint={touchpoint} />
                    {touchpoint.failureModes.length > 0 && (
                      <div
                        className={classes.failureModes}
                        role="group"
                        aria-label={`Failure modes of ${touchpoint.name}`}
                      >
                        <Typography
                          variant="caption"
                          display="block"
                          color="textSecondary"
                        >
                          Failure modes:
                        </Typography>
                        {touchpoint.failureModes.map(mode => (
                          <Chip
                            key={mode}
                            size="small"
                            label={mode}
                            className={classes.chip}
                          />
                        ))}
                      </div>
                    )}
                    {Array.isArray(addressing) && (
                      <RoadmapItemLinks
                        items={addressing}
                        label={`On the roadmap for ${touchpoint.name}`}
                      />
                    )}
                    <Box mt={1}>
                      <Button
                        size="small"
                        onClick={() => setReporting(touchpoint)}
                        aria-label={`Report friction on ${touchpoint.name}`}
                      >
                        Report friction
                      </Button>
                      <MeTooButton
                        touchpoint={touchpoint}
                        onChange={friction =>
                          updateFriction(touchpoint.id, friction)
                        }
                      />
                    </Box>
                  </Paper>
                );
              })}
            </Paper>
          ))}
        </div>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Where it hurts most" subheader={RANKING_RULE}>
          {ranked.length === 0 ? (
            <Typography variant="body2">
              Nobody has reported friction yet. Use "Report friction" on a
              touchpoint to tell the owners where it hurts.
            </Typography>
          ) : (
            <List dense>
              {ranked.map((t, i) => (
                <ListItem key={t.id}>
                  <ListItemText
                    primary={`${i + 1}. ${t.name}`}
                    secondary={rankingLine(t.friction)}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <MomentTriggers journey={journey} />
      </Grid>
      {reporting && (
        <ReportFrictionDialog
          touchpoint={reporting}
          roadmap={roadmapOf(reporting.id)}
          onClose={() => setReporting(undefined)}
          onSubmit={report}
        />
      )}
      {editor}
    </Grid>
  );
}
