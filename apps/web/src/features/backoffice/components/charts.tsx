import type { ReactNode } from 'react';

export interface ChartPoint {
  label: string;
  value: number;
}

interface ChartProps {
  /** Visible caption, the SVG's accessible name and the data table's caption. */
  title: string;
  points: readonly ChartPoint[];
  /** How a value reads (money, counts); the axis and the table use it. */
  formatValue?: (value: number) => string;
  /** Names the value column of the data table, e.g. "Revenue". */
  valueLabel?: string;
  /** Names the label column of the data table; "Period" unless the labels are categories. */
  labelHeader?: string;
}

const WIDTH = 640;
const TICK = 12;

/** A line over time (e.g. revenue per day); no chart library, so nothing to load and no inline styles. */
export function LineChart(props: ChartProps) {
  const { points, formatValue = String } = props;
  const height = 240;
  const pad = { top: 16, right: 16, bottom: 32, left: 80 };
  const plotW = WIDTH - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(0, ...points.map((point) => point.value));
  const x = (index: number) =>
    pad.left + (points.length > 1 ? (index * plotW) / (points.length - 1) : plotW / 2);
  const y = (value: number) => pad.top + plotH - (max === 0 ? 0 : (value / max) * plotH);
  const path = points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index)},${y(point.value)}`)
    .join(' ');
  const first = points[0]?.label;
  const last = points.at(-1)?.label;
  return (
    <ChartFigure {...props} height={height}>
      <line
        className="bo-chart__axis"
        x1={pad.left}
        y1={pad.top + plotH}
        x2={WIDTH - pad.right}
        y2={pad.top + plotH}
      />
      <line className="bo-chart__axis" x1={pad.left} y1={pad.top} x2={pad.left} y2={pad.top + plotH} />
      <text className="bo-chart__tick" x={pad.left - 8} y={pad.top + 4} textAnchor="end">
        {formatValue(max)}
      </text>
      <text className="bo-chart__tick" x={pad.left - 8} y={pad.top + plotH} textAnchor="end">
        {formatValue(0)}
      </text>
      {first && (
        <text className="bo-chart__tick" x={pad.left} y={height - 8}>
          {first}
        </text>
      )}
      {last && last !== first && (
        <text className="bo-chart__tick" x={WIDTH - pad.right} y={height - 8} textAnchor="end">
          {last}
        </text>
      )}
      <path className="bo-chart__line" d={path} />
      {points.map((point, index) => (
        <circle key={point.label} className="bo-chart__dot" cx={x(index)} cy={y(point.value)} r={3} />
      ))}
    </ChartFigure>
  );
}

/** One horizontal bar per category (e.g. orders by status): long labels stay readable. */
export function BarChart(props: ChartProps) {
  const { points, formatValue = String } = props;
  const row = 28;
  const labelW = 150;
  const valueW = 90;
  const height = Math.max(row, points.length * row);
  const max = Math.max(0, ...points.map((point) => point.value));
  const barW = (value: number) => (max === 0 ? 0 : (value / max) * (WIDTH - labelW - valueW));
  return (
    <ChartFigure {...props} height={height}>
      {points.map((point, index) => (
        <g key={point.label}>
          <text
            className="bo-chart__tick"
            x={labelW - 8}
            y={index * row + row / 2 + TICK / 3}
            textAnchor="end"
          >
            {point.label}
          </text>
          <rect
            className="bo-chart__bar"
            x={labelW}
            y={index * row + 4}
            width={barW(point.value)}
            height={row - 8}
          />
          <text
            className="bo-chart__tick"
            x={labelW + barW(point.value) + 6}
            y={index * row + row / 2 + TICK / 3}
          >
            {formatValue(point.value)}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}

/** The caption, the drawing (`children`, in an SVG `height` tall), and the same figures as a table for screen readers. */
function ChartFigure({
  title,
  points,
  formatValue = String,
  valueLabel = 'Value',
  labelHeader = 'Period',
  height,
  children,
}: ChartProps & { height: number; children: ReactNode }) {
  return (
    <figure className="bo-chart">
      <figcaption className="bo-chart__title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${title} (the figures follow as a table)`}
      >
        {children}
      </svg>
      {/* On a wrapper: a table ignores the 1 px box and would stretch the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row">{point.label}</th>
                <td>{formatValue(point.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
