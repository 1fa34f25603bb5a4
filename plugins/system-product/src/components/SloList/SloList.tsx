import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATION_SLO_REF,
  SloDefinition,
  SloEvaluation,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { useSystemProductData } from '../../hooks/useSystemProductData';
import { AsyncState } from '../AsyncState';
import { DoraCard } from './DoraCard';
import { CanvasView } from '../CanvasView';
import {
  describeIndicator,
  describeObjective,
  describeWindow,
} from './describeSlo';

const loadSlos = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getSlos(entity);

type Row = SloDefinition & { evaluation: SloEvaluation };

const STATUS_LABELS: Record<SloEvaluation['status'], string> = {
  healthy: 'Healthy',
  'at-risk': 'At risk',
  breaching: 'Breaching',
  'no-data': 'No data',
};

function StatusChip(props: { evaluation: SloEvaluation }) {
  const { status, reason } = props.evaluation;
  const colors = {
    healthy: 'primary',
    'at-risk': 'default',
    breaching: 'secondary',
    'no-data': 'default',
  } as const;
  return (
    <Chip
      size="small"
      color={colors[status]}
      variant={
        status === 'at-risk' || status === 'no-data' ? 'outlined' : 'default'
      }
      label={STATUS_LABELS[status]}
      title={reason}
    />
  );
}

function BudgetGauge(props: { remaining: number | null }) {
  const { remaining } = props;
  if (remaining === null) return <>–</>;
  const percent = Math.round(remaining * 100);
  return (
    <Box minWidth={120}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, percent))}
        color={percent < 25 ? 'secondary' : 'primary'}
        aria-label={`Error budget remaining ${percent}%`}
      />
      <Typography variant="caption">{percent}% of budget left</Typography>
    </Box>
  );
}

const formatPercent = (value: number | null) =>
  value === null ? '–' : `${+(value * 100).toFixed(2)}%`;

const fastBurn = (row: Row) => {
  const rate = row.evaluation.burnRates[0]?.longBurn;
  return rate === null || rate === undefined ? '–' : `${rate.toFixed(1)}×`;
};

const columns: TableColumn<Row>[] = [
  { title: 'SLO', field: 'displayName', highlight: true },
  {
    title: 'Status',
    render: row => <StatusChip evaluation={row.evaluation} />,
  },
  {
    title: 'SLI',
    render: row =>
      row.evaluation.sli === null
        ? row.evaluation.reason ?? 'no data'
        : `${formatPercent(row.evaluation.sli)} of ${row.evaluation.total}`,
  },
  {
    title: 'Budget',
    render: row => <BudgetGauge remaining={row.evaluation.remaining} />,
  },
  { title: 'Burn (fast window)', render: row => fastBurn(row) },
  { title: 'Objective', render: slo => describeObjective(slo) },
  { title: 'Window', render: slo => describeWindow(slo) },
  { title: 'Budgeting', field: 'budgetingMethod' },
  { title: 'Indicator', render: slo => describeIndicator(slo) },
];

/** The SLOs tab: the entity's SLO definitions, problems of its OpenSLO file, and the canvas metrics. */
export function SloList() {
  const { value, loading, error, retry } = useSystemProductData(loadSlos);
  const { entity } = useEntity();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AsyncState loading={loading} error={error} retry={retry} what="SLOs">
          {() => {
            const { items = [], problems = [], source = null } = value ?? {};
            return (
              <>
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
                    } at an OpenSLO file (a path next to its catalog-info.yaml, or url:https://...) with the delivery SLOs: lead time for changes, deployment success, time to restore, satisfaction.`}
                  />
                ) : (
                  items.length > 0 && (
                    <Table<Row>
                      title={`SLOs${
                        source ? ` from ${source.split('/').pop()}` : ''
                      }`}
                      columns={columns}
                      data={items}
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
      {value && (
        <Grid item xs={12}>
          <DoraCard dora={value.dora} />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title="How success is measured"
          subheader="The Metrics section of the canvas"
        >
          <CanvasView sections={['metrics']} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
