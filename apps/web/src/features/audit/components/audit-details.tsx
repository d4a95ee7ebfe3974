import './audit.css';
import { describeDetails } from '../utils/describe-details.ts';

/** Before and after values as text: React escapes them, so a stored `<script>` reads as characters. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const lines = describeDetails(details);
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="bo-audit-details">
      {lines.map((line) => (
        <li key={line.label}>
          <span className="bo-audit-details__label">{line.label}:</span>{' '}
          {line.value !== undefined ? (
            line.value
          ) : (
            <>
              {line.before} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> changed to</span> {line.after}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
