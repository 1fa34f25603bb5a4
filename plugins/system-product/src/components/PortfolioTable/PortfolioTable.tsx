import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import { formatFigures } from './formatFigures';

type Row = PortfolioEntry & {
  figures: ReturnType<typeof formatFigures>;
  ownerName: string;
};

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
