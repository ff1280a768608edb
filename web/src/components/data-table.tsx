import type { ReactNode } from 'react';

export type Column<Row> = {
  /** Stable React key for the column. */
  id: string;
  /** Header content; wrap it in `sr-only` for action columns. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column that names the row: rendered as a row header for screen readers. */
  rowHeader?: boolean;
  className?: string;
};

type DataTableProps<Row> = {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  rowClassName?: string;
};

/** The back office's one table: a bordered, scrollable, accessible grid of rows. */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, rowClassName = '' }: DataTableProps<Row>) {
  if (rows.length === 0) return <p className="text-sm text-sumi-600">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-washi-300 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-washi-100 text-sumi-700">
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className="px-3 py-2">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={`border-t border-washi-200 ${rowClassName}`}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.id} scope="row" className={`px-3 py-2 font-medium ${column.className ?? ''}`}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={`px-3 py-2 ${column.className ?? ''}`}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
