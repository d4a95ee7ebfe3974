import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';

export type ParamPatch = Record<string, string | number | undefined>;

const positiveInt = (value: string | null) => {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : undefined;
};

/**
 * A list's state lives in the URL (`page`, `sort`, `order` and each filter), so a reload, the back
 * button or a shared link shows the same rows. Any change other than the page goes back to page 1.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const update = (patch: ParamPatch) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [name, value] of Object.entries(patch)) {
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, String(value));
      }
      if (!('page' in patch) || patch.page === 1) next.delete('page');
      return next;
    });
  return {
    params,
    page: positiveInt(params.get('page')) ?? 1,
    sort: params.get('sort') ?? undefined,
    order: (params.get('order') === 'desc' ? 'desc' : 'asc') as SortOrder,
    /** A filter's value, '' when absent. */
    get: (name: string) => params.get(name) ?? '',
    update,
  };
}
