import { Link, useSearchParams } from 'react-router';
import './reports.css';

interface ReportTabsProps<Id extends string> {
  reports: Record<Id, string>;
  current: Id;
}

/**
 * Links, not ARIA tabs: each report is its own URL (`?report=`), keeping the other parameters, so
 * Back, reload and a shared link work, and Tab/Enter is all the keyboard needs.
 */
export function ReportTabs<Id extends string>({ reports, current }: ReportTabsProps<Id>) {
  const [params] = useSearchParams();
  const linkTo = (id: Id) => {
    const next = new URLSearchParams(params);
    next.set('report', id);
    return { search: `?${next}` };
  };
  return (
    <nav className="bo-report-tabs" aria-label="Reports">
      <ul>
        {(Object.keys(reports) as Id[]).map((id) => (
          <li key={id}>
            <Link to={linkTo(id)} aria-current={id === current ? 'page' : undefined}>
              {reports[id]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
