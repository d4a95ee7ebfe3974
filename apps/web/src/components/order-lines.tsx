import './order-lines.css';

interface OrderLinesProps {
  lines: readonly { productId: string; name: string; quantity: number; lineTotalCents: number }[];
  money: (cents: number) => string;
  totals: readonly (readonly [string, number])[];
  total: number;
}

/** Lines and totals as a table: an order's, or a checkout's summary before it is placed. */
export function OrderLines({ lines, money, totals, total }: OrderLinesProps) {
  return (
    <table className="order-lines">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Qty</th>
          <th scope="col">Price</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.productId}>
            <td>{line.name}</td>
            <td>{line.quantity}</td>
            <td>{money(line.lineTotalCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {totals.map(([label, cents]) => (
          <tr key={label}>
            <th scope="row" colSpan={2}>
              {label}
            </th>
            <td>{money(cents)}</td>
          </tr>
        ))}
        <tr className="order-lines__total">
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td>{money(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
