import type { ReactNode } from 'react';

export interface ReportColumn<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

interface ReportTableProps<T> {
  /** Visible: a report page holds several tables. */
  caption: string;
  columns: readonly ReportColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** A last row of totals, in the columns' order (the first cell is the row header). */
  totals?: readonly ReactNode[];
  empty: string;
}

/** A report's figures: not paged or sorted (the API answers every row, in order). */
export function ReportTable<T>({ caption, columns, rows, rowKey, totals, empty }: ReportTableProps<T>) {
  if (rows.length === 0) return <p className="state bo-table__empty">{empty}</p>;
  const numeric = (index: number) => (columns[index]?.numeric ? 'is-numeric' : undefined);
  return (
    <div className="bo-table">
      <div className="bo-table__scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={column.key} scope="col" className={numeric(index)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column, index) =>
                  index === 0 ? (
                    <th key={column.key} scope="row">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={numeric(index)}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {totals && (
            <tfoot>
              <tr>
                {totals.map((cell, index) =>
                  index === 0 ? (
                    <th key={columns[index]?.key ?? index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={columns[index]?.key ?? index} className={numeric(index)}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
