import { Link } from 'react-router';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>© {new Date().getFullYear()} SecureCart · open-source e-commerce</p>
        <p>Prices in US dollars, taxes calculated at checkout.</p>
        <p>
          <Link to="/privacy">Privacy policy</Link>
        </p>
      </div>
    </footer>
  );
}
