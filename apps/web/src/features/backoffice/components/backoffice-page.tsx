import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/page-title.tsx';

interface BackofficePageProps {
  title: string;
  /** Buttons beside the heading (New product, Download CSV). */
  actions?: ReactNode;
  children?: ReactNode;
}

/** One page of a staff area: document title, the h1 and its actions, then the content. */
export function BackofficePage({ title, actions, children }: BackofficePageProps) {
  return (
    <div className="bo-page">
      <PageTitle>{title}</PageTitle>
      <div className="bo-page__header">
        <h1>{title}</h1>
        {actions && <div className="bo-page__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
