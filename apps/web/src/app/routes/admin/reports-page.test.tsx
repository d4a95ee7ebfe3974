import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { adminFake, makeAdminOrder, makeAdminProduct } from '../../../testing/admin-handlers.ts';
import { lastQuery } from '../../../testing/admin-people-handlers.ts';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { captureDownloads } from '../../../testing/capture-downloads.ts';
import { renderApp } from '../../../testing/render-app.tsx';

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'admin' });
});

const table = (name: string) => screen.findByRole('table', { name });
const stat = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;

describe('reports', () => {
  it('shows sales for the range in the URL: totals, chart and table', async () => {
    // Paid on 1 and 2 November (hour 1 and hour 30 after midnight on the 1st).
    adminFake.orders = [makeAdminOrder(1), makeAdminOrder(2, { totalCents: 7000 }), makeAdminOrder(30)];
    renderApp('/admin/reports?from=2026-11-01&to=2026-11-03', { signedIn: true });
    const sales = await table('Sales by period');
    expect(within(sales).getByRole('row', { name: '2026-11-01 2 $120.00' })).toBeInTheDocument();
    expect(within(sales).getByRole('row', { name: '2026-11-02 1 $50.00' })).toBeInTheDocument();
    expect(within(sales).getByRole('row', { name: '2026-11-03 0 $0.00' })).toBeInTheDocument();
    expect(within(sales).getByRole('row', { name: 'Total 3 $170.00' })).toBeInTheDocument();
    expect(stat('Orders')).toHaveTextContent('3');
    expect(stat('Average order value')).toHaveTextContent('$56.67');
    expect(screen.getByRole('img', { name: /Revenue by period/ })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Revenue by period' })).toHaveTextContent('2026-11-01$120.00');
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-01');
    expect(screen.getByLabelText('Group by')).toHaveValue('day');
  });

  it('lets the range and granularity drive the query, and keeps them across reports', async () => {
    const { user, url } = renderApp(
      '/admin/reports?report=users&from=2026-03-01&to=2026-03-14&groupBy=week',
      {
        signedIn: true,
      },
    );
    const users = await table('Accounts and sign-ins by period');
    expect(lastQuery('/admin/reports/users')).toEqual({
      from: '2026-03-01',
      to: '2026-03-14',
      groupBy: 'week',
    });
    // 1 March 2026 is a Sunday: the end of ISO week 9.
    expect(
      within(users)
        .getAllByRole('row')
        .map((row) => row.firstChild?.textContent),
    ).toEqual(['Period', '2026-W09', '2026-W10', '2026-W11', 'Total']);
    const tabs = screen.getByRole('navigation', { name: 'Reports' });
    expect(within(tabs).getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');

    await user.selectOptions(screen.getByLabelText('Group by'), 'month');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-04-30');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(url()).toBe('/admin/reports?report=users&from=2026-03-01&to=2026-04-30&groupBy=month'),
    );
    expect(
      await within(await table('Accounts and sign-ins by period')).findByRole('row', { name: /^2026-04 / }),
    ).toBeInTheDocument();
    expect(lastQuery('/admin/reports/users')).toEqual({
      from: '2026-03-01',
      to: '2026-04-30',
      groupBy: 'month',
    });
    // Sign-ups per day are day-of-month mod 3: March sums to 31, April to 30.
    expect(screen.getByRole('table', { name: 'Sign-ups by period' })).toHaveTextContent('2026-0331');

    await user.click(within(tabs).getByRole('link', { name: 'Checkout abandonment' }));
    await waitFor(() =>
      expect(url()).toBe('/admin/reports?report=abandonment&from=2026-03-01&to=2026-04-30&groupBy=month'),
    );
    const abandonment = await table('Checkouts by period started');
    expect(lastQuery('/admin/reports/abandonment')).toEqual({
      from: '2026-03-01',
      to: '2026-04-30',
      groupBy: 'month',
    });
    expect(within(abandonment).getByRole('row', { name: 'Total 671 366 305 31' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Checkouts in the period' })).toHaveTextContent('Started671');
  });

  it('downloads the report on screen as CSV, for the same range', async () => {
    const downloads = captureDownloads();
    onTestFinished(downloads.restore);
    const { user } = renderApp('/admin/reports?report=users&from=2026-03-01&to=2026-03-02&groupBy=day', {
      signedIn: true,
    });
    await table('Accounts and sign-ins by period');
    await user.click(screen.getByRole('button', { name: 'Download users CSV' }));
    await waitFor(() => expect(downloads.count()).toBe(1));
    expect(downloads.fileName(0)).toBe('users-report-2026-03-01-to-2026-03-02.csv');
    expect(lastQuery('/admin/reports/users')).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
      groupBy: 'day',
      format: 'csv',
    });
    expect(await downloads.text(0)).toContain('2026-03-02,2,12,22,0,0');
  });

  it('shows inventory lowest stock first with its value, without a period', async () => {
    adminFake.products = [makeAdminProduct(1, { stock: 40 }), makeAdminProduct(2, { stock: 2 })];
    renderApp('/admin/reports?report=inventory', { signedIn: true });
    const inventory = await table('Stock by product, lowest first');
    const [, first, second, total] = within(inventory).getAllByRole('row');
    expect(first).toHaveTextContent('Admin Item 02');
    expect(first).toHaveTextContent('Low');
    expect(second).toHaveTextContent('Admin Item 01');
    expect(total).toHaveTextContent('Total42');
    expect(stat('Low stock')).toHaveTextContent('1');
    expect(stat('Stock value')).toHaveTextContent('$464.00');
    expect(screen.queryByLabelText('Group by')).not.toBeInTheDocument();
  });
});
