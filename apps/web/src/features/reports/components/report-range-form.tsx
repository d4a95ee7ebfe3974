import type { GroupBy } from '@securecart/contract';
import { type FormEvent, useId } from 'react';
import type { ReportRange } from '../hooks/use-report-range.ts';

const GRANULARITIES: readonly { value: GroupBy; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];

interface ReportRangeFormProps {
  range: ReportRange;
  /** Why the range in the URL cannot be reported on, shown under the controls. */
  error?: string;
  onChange: (range: ReportRange) => void;
}

/** From, to and granularity; applied on submit (a half-typed date never fires a request). */
export function ReportRangeForm({ range, error, onChange }: ReportRangeFormProps) {
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChange({
      from: String(data.get('from')),
      to: String(data.get('to')),
      groupBy: String(data.get('groupBy')) as GroupBy,
    });
  };
  // Each control is keyed on its URL value, so Back or a shared link shows what is applied (and the
  // Show button, never remounted, keeps the focus).
  return (
    <form className="bo-filters" aria-label="Report period" onSubmit={onSubmit}>
      <div className="field bo-filters__field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          key={range.from}
          id={`${id}-from`}
          name="from"
          type="date"
          defaultValue={range.from}
          required
        />
      </div>
      <div className="field bo-filters__field">
        <label htmlFor={`${id}-to`}>To</label>
        <input key={range.to} id={`${id}-to`} name="to" type="date" defaultValue={range.to} required />
      </div>
      <div className="field bo-filters__field">
        <label htmlFor={`${id}-group`}>Group by</label>
        <select key={range.groupBy} id={`${id}-group`} name="groupBy" defaultValue={range.groupBy}>
          {GRANULARITIES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        Show
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
