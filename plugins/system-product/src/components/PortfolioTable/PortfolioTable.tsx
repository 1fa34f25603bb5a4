import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import { formatFigures } from '../../format';

type Row = PortfolioEntry & {
  figures: ReturnType<typeof formatFigures>;
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

/** A sortable table of system products with their headline figures. */
export function PortfolioTable(props: {
  entries: PortfolioEntry[];
  title: string;
  filterByOwner?: boolean;
}) {
  const { entries, title, filterByOwner } = props;
  const rows: Row[] = entries.map(entry => ({
    ...entry,
    figures: formatFigures(entry),
    ownerName: entry.owner ?? 'no owner',
    sloConcern: entry.slos.breached * 1000 + entry.slos.atRisk,
  }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'System product',
      field: 'title',
      highlight: true,
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    { title: 'Owner', field: 'ownerName' },
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
      render: row => row.figures.priority,
    },
  ];
  return (
    <Table<Row>
      title={title}
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
      }}
      filters={
        filterByOwner ? [{ column: 'Owner', type: 'select' }] : undefined
      }
    />
  );
}
