/** A report's headline numbers as a description list (`bo-stats`). */
export function Stats({ items }: { items: readonly [term: string, value: string][] }) {
  return (
    <dl className="bo-stats">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
