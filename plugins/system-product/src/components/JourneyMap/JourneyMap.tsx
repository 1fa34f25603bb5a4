import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
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
  getEntityOwner,
  systemProductJourneyUpdatePermission,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { anonymityNote, frictionHeat, ownerRef } from '../../format';
import { useEntityPermission, useJourney } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { FrictionTexts } from './FrictionTexts';
import { JourneyEditor } from './JourneyEditor';
import { ReportFrictionDialog } from './ReportFrictionDialog';

const useStyles = makeStyles((theme: Theme) => ({
  stages: {
    display: 'flex',
    gap: theme.spacing(2),
    overflowX: 'auto',
    paddingBottom: theme.spacing(1),
  },
  stage: { minWidth: 240, flex: '1 0 240px', padding: theme.spacing(2) },
  touchpoint: {
    padding: theme.spacing(1.5),
    marginTop: theme.spacing(1.5),
    borderLeft: `6px solid ${theme.palette.divider}`,
  },
  heat0: {},
  heat1: { borderLeftColor: theme.palette.success.main },
  heat2: { borderLeftColor: theme.palette.warning.main },
  heat3: {
    borderLeftColor: theme.palette.error.main,
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(244, 67, 54, 0.12)'
        : 'rgba(244, 67, 54, 0.06)',
  },
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
 * The Journey tab: stages left to right, touchpoints with friction heat.
 * Owners create and edit the map here; anyone reports friction.
 */
export function JourneyMap() {
  const { value, loading, error, retry } = useJourney();
  return (
    <AsyncState loading={loading} error={error} retry={retry} what="journey">
      {() => <JourneyBody journey={value!} onChange={retry} />}
    </AsyncState>
  );
}

function JourneyBody(props: { journey: Journey; onChange: () => void }) {
  const { journey, onChange } = props;
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const alertApi = useApi(alertApiRef);
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
        {editor}
      </>
    );
  }

  const touchpoints = journey.stages.flatMap(s => s.touchpoints);
  const note = anonymityNote(touchpoints.map(t => t.friction));
  const ranked = touchpoints
    .filter(t => t.friction.reports > 0)
    .sort(
      (a, b) =>
        (b.friction.averageSeverity ?? 0) - (a.friction.averageSeverity ?? 0) ||
        b.friction.reports - a.friction.reports,
    )
    .slice(0, 5);

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
    setReporting(undefined);
    alertApi.post({
      message: 'Thanks: your friction report was recorded anonymously.',
      severity: 'success',
      display: 'transient',
    });
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
        <div className={classes.stages} role="list" aria-label="Journey stages">
          {journey.stages.map(stage => (
            <Paper
              key={stage.id}
              className={classes.stage}
              role="listitem"
              variant="outlined"
            >
              <Typography variant="h6" component="h3">
                {stage.name}
              </Typography>
              {stage.description && (
                <Typography variant="body2" color="textSecondary">
                  {stage.description}
                </Typography>
              )}
              {stage.touchpoints.map(touchpoint => {
                const heat = frictionHeat(touchpoint.friction);
                return (
                  <Paper
                    key={touchpoint.id}
                    className={`${classes.touchpoint} ${
                      classes[`heat${heat.level}` as const]
                    }`}
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
                        : `Takes about ${touchpoint.expectedMinutes} min`}
                    </Typography>
                    {touchpoint.owner && (
                      <Typography variant="caption" display="block">
                        Owned by <TouchpointOwner owner={touchpoint.owner} />
                      </Typography>
                    )}
                    <Typography variant="caption" display="block">
                      {heat.label}
                    </Typography>
                    <FrictionTexts touchpoint={touchpoint} />
                    {touchpoint.failureModes.map(mode => (
                      <Chip
                        key={mode}
                        size="small"
                        label={mode}
                        className={classes.chip}
                      />
                    ))}
                    <Box mt={1}>
                      <Button
                        size="small"
                        onClick={() => setReporting(touchpoint)}
                        aria-label={`Report friction on ${touchpoint.name}`}
                      >
                        Report friction
                      </Button>
                    </Box>
                  </Paper>
                );
              })}
            </Paper>
          ))}
        </div>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Where it hurts most"
          subheader="Touchpoints ranked by mean severity of friction reports"
        >
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
                    secondary={frictionHeat(t.friction).label}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </InfoCard>
      </Grid>
      {reporting && (
        <ReportFrictionDialog
          touchpoint={reporting}
          onClose={() => setReporting(undefined)}
          onSubmit={report}
        />
      )}
      {editor}
    </Grid>
  );
}
