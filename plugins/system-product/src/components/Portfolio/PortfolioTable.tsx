import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import { CSSProperties, ReactNode } from 'react';
import { formatFigures, ownerName, ownerRef } from '../../format';

type Row = PortfolioEntry & {
  figures: ReturnType<typeof formatFigures>;
  /** The owner as the column shows it, for sorting and the owner filter. */
  ownerName: string;
  /** Sorts the most troubled first: breached SLOs, then those at risk. */
  sloConcern: number;
};

/** The SLO summary with the colour of its worst status. */
function SloStatusText(props: { row: Row }) {
  const { slos, figures } = props.row;
  if (slos.breached > 0) return <StatusError>{figures.slos}</StatusError>;
  if (slos.atRisk > 0) return <StatusWarning>{figures.slos}</StatusWarning>;
  if (slos.met > 0) return <StatusOK>{figures.slos}</StatusOK>;
  return <StatusPending>{figures.slos}</StatusPending>;
}

/**
 * A row's "invest first" score and why it ranks there: in the full table its
 * reasons under it, in a card (no room) on hover; the portfolio page lists
 * them for every row.
 */
function PriorityScore(props: { row: Row; compact?: boolean }) {
  const { row, compact } = props;
  const why = row.priority.reasons.join('; ');
  if (compact) {
    return (
      <Tooltip title={why}>
        <span>{row.figures.priority}</span>
      </Tooltip>
    );
  }
  return (
    <>
      {row.figures.priority}
      <Typography
        variant="caption"
        color="textSecondary"
        component="ul"
        aria-label={`Why ${row.title} scores ${row.figures.priority}`}
        style={{ margin: 0, paddingLeft: 16, textAlign: 'left' }}
      >
        {row.priority.reasons.map(reason => (
          <li key={reason}>{reason}</li>
        ))}
      </Typography>
    </>
  );
}

/**
 * The columns a card shows. On a group page a card gets two thirds of the page
 * beside the group's profile, too narrow for every figure (the rest would
 * scroll out of sight); and the owner is the group itself.
 */
const CARD_COLUMNS = new Set([
  'System product',
  'NPS',
  'Friction',
  'SLOs',
  'Invest first',
]);

/** The table inside a card: no frame of its own. */
const Unframed = (props: { children?: ReactNode; style?: CSSProperties }) => (
  <div style={props.style}>{props.children}</div>
);

/**
 * A sortable table of system products with their headline figures. `compact`
 * is the table for inside a card: only the figures that fit one, without a
 * title or search of its own.
 */
export function PortfolioTable(props: {
  entries: PortfolioEntry[];
  title?: string;
  compact?: boolean;
}) {
  const { entries, title, compact } = props;
  const rows: Row[] = entries.map(entry => ({
    ...entry,
    figures: formatFigures(entry),
    ownerName: entry.owner ? ownerName(entry.owner) : 'no owner',
    sloConcern: entry.slos.breached * 1000 + entry.slos.atRisk,
  }));
  const allColumns: TableColumn<Row>[] = [
    {
      title: 'System product',
      field: 'title',
      highlight: true,
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: 'Owner',
      field: 'ownerName',
      render: row => {
        // `guests` and `group:default/guests` are one owner: one name, one link.
        const ref = ownerRef(row.owner);
        return ref ? (
          <EntityRefLink entityRef={ref} defaultKind="group" />
        ) : (
          row.ownerName
        );
      },
    },
    {
      title: 'Responses',
      field: 'survey.responses',
      type: 'numeric',
      render: row => row.figures.responses,
    },
    {
      title: 'NPS',
      field: 'survey.nps',
      type: 'numeric',
      render: row => row.figures.nps,
    },
    {
      title: 'CSAT',
      field: 'survey.csat',
      type: 'numeric',
      render: row => row.figures.csat,
    },
    {
      title: 'Friction',
      field: 'friction.averageSeverity',
      type: 'numeric',
      render: row => row.figures.friction,
    },
    {
      title: 'SLOs',
      field: 'sloConcern',
      type: 'numeric',
      render: row => <SloStatusText row={row} />,
    },
    {
      title: 'Roadmap',
      field: 'roadmap.shipped',
      type: 'numeric',
      render: row => row.figures.roadmap,
    },
    {
      title: 'Invest first',
      field: 'priority.score',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => <PriorityScore row={row} compact={compact} />,
    },
  ];
  // In a card the SLO summary keeps room for its words, which the status
  // components would otherwise break anywhere.
  const columns = compact
    ? allColumns
        .filter(column => CARD_COLUMNS.has(column.title as string))
        .map(column =>
          column.title === 'SLOs'
            ? { ...column, cellStyle: { minWidth: 150 } }
            : column,
        )
    : allColumns;
  return (
    <Table<Row>
      title={title}
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: !compact,
        toolbar: !compact,
        padding: 'dense',
      }}
      components={compact ? { Container: Unframed } : undefined}
    />
  );
}
