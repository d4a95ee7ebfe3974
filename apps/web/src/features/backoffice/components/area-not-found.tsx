import { Link } from 'react-router';
import { BackofficePage } from './backoffice-page.tsx';

/** An unknown path inside a staff area: stay in the area's layout and offer its start page. */
export function AreaNotFound({ home }: { home: string }) {
  return (
    <BackofficePage title="Page not found">
      <p>There is no page at this address.</p>
      <p>
        <Link to={home}>Go to the start page</Link>
      </p>
    </BackofficePage>
  );
}
