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
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { sliPercent } from '../../format';
import { useEntityPermission, useSlos } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { BudgetGauge } from './BudgetGauge';
import { ConnectData } from './ConnectData';
import { DoraCard } from './DoraCard';
import {
  BUDGETING_WORDS,
  describeIndicator,
  describeObjective,
  describeWindow,
} from './describeSlo';
import {
  describeBurn,
  describeFreshness,
  describeOutcome,
  describeSpan,
  latestBurn,
  objectiveName,
  ownObjective,
} from './describeEvaluation';
import { NewSloDialog } from './NewSloDialog';
import { RemoveSloDialog } from './RemoveSloDialog';
import { SLO_PARAM, SloDetailDrawer } from './SloDetailDrawer';
import { SloStatusChip } from './SloStatusChip';

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

/**
 * How fast the budget is being spent: the rate of the shortest alert window
 * with data, over how long, and how many alerts fire; or why there is none
 * ("no events in the last 2.8 d"), never a bare dash.
 */
function burnCell(row: Row): { main: string; caption: string } {
  const own = ownObjective(row, row.evaluation);
  const burn = latestBurn(
    row.evaluation,
    own?.evaluation.counted?.unit,
    own?.objective.target,
  );
  const firing = row.evaluation.burnRates.filter(b => b.firing).length;
  const alerts =
    firing === 0
      ? ''
      : `${firing} alert window${firing === 1 ? '' : 's'} firing`;
  if (burn.why !== undefined) return { main: burn.why, caption: alerts };
  return {
    main: `${describeBurn(burn.burn)} the allowed pace`,
    caption: [`over the last ${describeSpan(burn.windowMs)}`, alerts]
      .filter(Boolean)
      .join('; '),
  };
}

/** What the SLO's own SLI rests on, in words, for the caption under it. */
function countedCaption(row: Row): string {
  const { evaluation } = row;
  if (isComposite(row)) {
    return `weighted over ${row.objectives.length} objectives`;
  }
  const own = ownObjective(row, evaluation);
  const counted = own?.evaluation.counted;
  if (!own || !counted || evaluation.sli === null) {
    return `of ${evaluation.total} events`;
  }
  return describeOutcome(row, own.objective, counted, evaluation.sli, false);
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
    title: 'Budget spending pace',
    render: row => <TwoLines {...burnCell(row)} />,
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
      <TwoLines
        main={describeWindow(slo)}
        caption={BUDGETING_WORDS[slo.budgetingMethod]}
      />
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
  const [removing, setRemoving] = useState<Row>();
  // By name in the URL, so a link opens it and a reload shows its new figures.
  const [params, setParams] = useSearchParams();
  const detailsOf = params.get(SLO_PARAM);
  const searchWith = (name: string | undefined) => {
    const next = new URLSearchParams(params);
    if (name === undefined) next.delete(SLO_PARAM);
    else next.set(SLO_PARAM, name);
    return next;
  };
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
  const remove = async (slo: Row) => {
    await api.deleteSlo(ref, slo.name);
    setRemoving(undefined);
    retry();
  };

  const columns: TableColumn<Row>[] = [
    ...baseColumns(now),
    {
      title: '',
      render: slo => (
        <Box display="flex" gridGap={4}>
          <Button
            size="small"
            component={RouterLink}
            to={{ search: `?${searchWith(slo.name)}` }}
            role="link"
            aria-label={`Details and trend of ${slo.displayName}`}
          >
            Details and trend
          </Button>
          {canManage && slo.origin === 'portal' && (
            <Button
              size="small"
              onClick={() => setRemoving(slo)}
              aria-label={`Remove ${slo.displayName}`}
            >
              Remove
            </Button>
          )}
        </Box>
      ),
    },
  ];
  const toolbar = (empty: boolean) => (
    <Box display="flex" gridGap={8} mb={2} alignItems="center">
      <Button
        variant="outlined"
        onClick={exportYaml}
        disabled={empty}
        aria-describedby={empty ? 'slo-export-reason' : undefined}
      >
        Export OpenSLO
      </Button>
      {empty && (
        <Typography
          id="slo-export-reason"
          variant="caption"
          color="textSecondary"
        >
          Nothing to export until the system has an SLO.
        </Typography>
      )}
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
      {detailsOf !== null && (
        <SloDetailDrawer
          name={detailsOf}
          slos={value?.items}
          now={now}
          onClose={() => setParams(searchWith(undefined))}
        />
      )}
      {removing && (
        <RemoveSloDialog
          slo={removing}
          onClose={() => setRemoving(undefined)}
          onRemove={() => remove(removing)}
        />
      )}
      {adding && (
        <NewSloDialog
          slos={value?.items}
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
                {toolbar(items.length === 0)}
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
                    } at an OpenSLO file (a path next to its catalog-info.yaml, or url:https://...) with the delivery SLOs: lead time for changes, deployment success, time to restore, satisfaction. Owners can also add SLOs here. The SLOs count the deployments, builds and incidents that webhooks or pipelines send.`}
                    action={<ConnectData />}
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
