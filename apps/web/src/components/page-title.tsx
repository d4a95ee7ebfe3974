const SHOP_NAME = 'SecureCart';

/** React 19 hoists <title> into <head>, so each page names itself where it renders. */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · ${SHOP_NAME}`}</title>;
}
