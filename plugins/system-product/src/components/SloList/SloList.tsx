import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATION_SLO_REF,
  EvaluatedSlo,
  isComposite,
  systemProductSloManagePermission,
} from '@system-product/backstage-plugin-common';
import { ReactNode, useEffect, useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { sliPercent } from '../../format';
import { useEntityPermission, useSlos } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { BudgetGauge } from './BudgetGauge';
import { DoraCard } from './DoraCard';
import {
  describeIndicator,
  describeObjective,
  describeWindow,
} from './describeSlo';
import {
  describeCounted,
  describeFreshness,
  inProgress,
  objectiveName,
  ownObjective,
} from './describeEvaluation';
import { NewSloDialog } from './NewSloDialog';
import { SloDetails } from './SloDetails';
import { SloStatusChip } from './SloStatusChip';
import { SloTrend } from './SloTrend';

/**
 * How often the list asks again while an SLO is backfilling: the backend
 * evaluates it once its rollup is filled, within seconds (its README,
 * "Rollups").
 */
const BACKFILL_POLL_MS = 5_000;

/**
 * The time now, rendered again every minute so that "as of … (3 minutes
 * ago)" keeps up while the tab stays open.
 */
function useNow(): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick(tick => tick + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  return new Date();
}

/** `id` keeps material-table's row keys across renders, so a row's buttons keep focus. */
type Row = EvaluatedSlo & { id: string };

const formatPercent = (value: number | null) =>
  value === null ? '–' : `${sliPercent(value)}%`;

const fastBurn = (row: Row) => {
  const rate = row.evaluation.burnRates[0]?.longBurn;
  return rate === null || rate === undefined ? '–' : `${rate.toFixed(1)}×`;
};

/** What the SLO's own SLI rests on, for the caption under it. */
function countedCaption(row: Row): string {
  const { evaluation } = row;
  if (isComposite(row)) {
    return `weighted over ${row.objectives.length} objectives`;
  }
  const own = ownObjective(row, evaluation);
  const counted = own?.evaluation.counted;
  if (!own || !counted) return `of ${evaluation.total} events`;
  return describeCounted(
    row,
    own.objective,
    counted,
    inProgress(row, evaluation),
  );
}

function firingCaption(row: Row): string {
  const firing = row.evaluation.burnRates.filter(b => b.firing).length;
  if (firing === 0) return '';
  return `${firing} alert window${firing === 1 ? '' : 's'} firing`;
}

const ORIGIN_LABELS: Record<Row['origin'], string> = {
  file: 'OpenSLO file',
  portal: 'Portal',
};

/** Two lines in one cell: the main value and a caption under it. */
function TwoLines(props: { main: string; caption: string }) {
  return (
    <>
      <Typography variant="body2">{props.main}</Typography>
      <Typography variant="caption" color="textSecondary">
        {props.caption}
      </Typography>
    </>
  );
}

/** The columns of the figures; `now` is what "as of" is counted from. */
const baseColumns = (now: Date): TableColumn<Row>[] => [
  {
    title: 'SLO',
    render: slo => (
      <>
        <Typography variant="body2">
          <strong>{slo.displayName}</strong>
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {describeIndicator(slo)}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {ORIGIN_LABELS[slo.origin]}
        </Typography>
      </>
    ),
  },
  {
    title: 'Status',
    render: row => {
      const freshness = describeFreshness(row.evaluation, now);
      return (
        <>
          <SloStatusChip evaluation={row.evaluation} />
          {freshness && (
            <Typography variant="caption" color="textSecondary" component="div">
              {freshness}
            </Typography>
          )}
        </>
      );
    },
  },
  {
    title: 'SLI',
    render: row =>
      row.evaluation.sli === null ? (
        row.evaluation.reason ?? 'no data'
      ) : (
        <TwoLines
          main={formatPercent(row.evaluation.sli)}
          caption={countedCaption(row)}
        />
      ),
  },
  {
    title: 'Budget',
    render: row => <BudgetGauge remaining={row.evaluation.remaining} />,
  },
  {
    title: 'Burn (fast window)',
    render: row => (
      <TwoLines main={fastBurn(row)} caption={firingCaption(row)} />
    ),
  },
  {
    title: 'Objective',
    render: slo =>
      slo.objectives.length === 1 ? (
        describeObjective(slo)
      ) : (
        <>
          {slo.objectives.map((objective, i) => (
            <Typography key={i} variant="body2" component="div">
              {objectiveName(objective, i)}: {describeObjective(slo, objective)}
            </Typography>
          ))}
        </>
      ),
  },
  {
    title: 'Window',
    render: slo => (
      <TwoLines main={describeWindow(slo)} caption={slo.budgetingMethod} />
    ),
  },
];

/** Saves the text as a file through the browser. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/yaml' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The SLOs tab: the entity's SLO definitions, problems of its OpenSLO file and
 * its DORA figures; `children` (the SLOs tab puts the canvas's Metrics section
 * there) show below them.
 */
export function SloList(props: { children?: ReactNode }) {
  const { children } = props;
  const { value, loading, error, retry } = useSlos();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const ref = getCompoundEntityRef(entity);
  const canManage = useEntityPermission(systemProductSloManagePermission);
  const [adding, setAdding] = useState(false);
  const [trendOf, setTrendOf] = useState<Row>();
  // By name, so a reload shows the SLO's new figures.
  const [detailsOf, setDetailsOf] = useState<string>();
  const details = value?.items.find(slo => slo.name === detailsOf);
  const [actionError, setActionError] = useState<string>();
  const now = useNow();

  // A backfilling SLO is evaluated within seconds of its fill's end: ask
  // again every 5 s while one is listed, and stop once none is (or on error).
  const backfilling =
    value?.items.some(slo => slo.evaluation.backfilling) ?? false;
  useEffect(() => {
    if (!backfilling || loading) return undefined;
    const timer = setTimeout(retry, BACKFILL_POLL_MS);
    return () => clearTimeout(timer);
  }, [backfilling, loading, retry]);

  const act = async (action: () => Promise<void>) => {
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      setActionError((e as Error).message);
    }
  };
  const exportYaml = () =>
    act(async () =>
      download(await api.exportSlos(ref), `${ref.name}-slos.yaml`),
    );
  const remove = (slo: Row) =>
    act(async () => {
      await api.deleteSlo(ref, slo.name);
      if (trendOf?.name === slo.name) setTrendOf(undefined);
      retry();
    });

  const columns: TableColumn<Row>[] = [
    ...baseColumns(now),
    {
      title: '',
      render: slo => (
        <Box display="flex" gridGap={4}>
          <Button
            size="small"
            onClick={() =>
              setDetailsOf(detailsOf === slo.name ? undefined : slo.name)
            }
            aria-label={`Details of ${slo.displayName}`}
            aria-expanded={detailsOf === slo.name}
            aria-controls={
              detailsOf === slo.name ? `slo-details-${slo.name}` : undefined
            }
          >
            Details
          </Button>
          <Button
            size="small"
            onClick={() => setTrendOf(slo)}
            aria-label={`Trend of ${slo.displayName}`}
          >
            Trend
          </Button>
          {canManage && slo.origin === 'portal' && (
            <Button
              size="small"
              onClick={() => remove(slo)}
              aria-label={`Remove ${slo.displayName}`}
            >
              Remove
            </Button>
          )}
        </Box>
      ),
    },
  ];
  const toolbar = (
    <Box display="flex" gridGap={8} mb={2} alignItems="center">
      <Button variant="outlined" onClick={exportYaml}>
        Export OpenSLO
      </Button>
      {canManage && (
        <Button
          variant="outlined"
          color="primary"
          onClick={() => setAdding(true)}
        >
          Add SLO
        </Button>
      )}
      {actionError && (
        <Typography color="error" role="alert">
          {actionError}
        </Typography>
      )}
    </Box>
  );

  return (
    <Grid container spacing={3}>
      {adding && (
        <NewSloDialog
          onClose={() => setAdding(false)}
          onSave={async document => {
            await api.createSlo(ref, document);
            setAdding(false);
            retry();
          }}
        />
      )}
      <Grid item xs={12}>
        {/* A reload (the poll, or after a change) keeps the table on screen. */}
        <AsyncState
          loading={loading && !value}
          error={error}
          retry={retry}
          what="SLOs"
        >
          {() => {
            const { items = [], problems = [], source = null } = value ?? {};
            return (
              <>
                {toolbar}
                {problems.length > 0 && (
                  <Alert severity="error" style={{ marginBottom: 16 }}>
                    {source ?? 'The SLO file'} has problems; the SLOs it names
                    are left out until they are fixed:
                    <List dense>
                      {problems.map((p, i) => (
                        <ListItem key={i}>
                          <ListItemText
                            primary={`${p.name ? `${p.name}: ` : ''}${
                              p.field ? `${p.field} ` : ''
                            }${p.message}`}
                            secondary={`${p.file}${
                              p.document ? `, document ${p.document}` : ''
                            }`}
                          />
                        </ListItem>
                      ))}
                    </List>
                  </Alert>
                )}
                {items.length === 0 && problems.length === 0 ? (
                  <EmptyState
                    missing="field"
                    title="No SLOs defined"
                    description={`Point the ${ANNOTATION_SLO_REF} annotation of ${
                      entity.metadata.title ?? entity.metadata.name
                    } at an OpenSLO file (a path next to its catalog-info.yaml, or url:https://...) with the delivery SLOs: lead time for changes, deployment success, time to restore, satisfaction. Owners can also add SLOs here.`}
                  />
                ) : (
                  items.length > 0 && (
                    <Table<Row>
                      title={`SLOs${
                        source ? ` from ${source.split('/').pop()}` : ''
                      }`}
                      columns={columns}
                      data={items.map(slo => ({ ...slo, id: slo.name }))}
                      options={{
                        paging: false,
                        search: false,
                        padding: 'dense',
                      }}
                    />
                  )
                )}
              </>
            );
          }}
        </AsyncState>
      </Grid>
      {details && (
        <Grid item xs={12}>
          <SloDetails
            slo={details}
            id={`slo-details-${details.name}`}
            now={now}
          />
        </Grid>
      )}
      {trendOf && (
        <Grid item xs={12}>
          <SloTrend
            key={trendOf.name}
            sloName={trendOf.name}
            displayName={trendOf.displayName}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <DoraCard />
      </Grid>
      {children && (
        <Grid item xs={12}>
          {children}
        </Grid>
      )}
    </Grid>
  );
}
