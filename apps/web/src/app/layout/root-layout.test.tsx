import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render-app.tsx';

describe('layout and unknown routes', () => {
  it('has a skip link and the page landmarks', async () => {
    renderApp('/');
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(screen.getByRole('search')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SecureCart' })).toHaveAttribute('href', '/');
    await screen.findByRole('link', { name: 'Brass Desk Lamp' });
  });

  it('shows a 404 page for a client route that does not exist', async () => {
    const { user, url } = renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · SecureCart');

    await user.click(screen.getByRole('link', { name: 'Go to the catalog' }));
    expect(url()).toBe('/');
  });
});
