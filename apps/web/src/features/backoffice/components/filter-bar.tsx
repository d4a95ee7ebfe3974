import { type FormEvent, type ReactNode, useId } from 'react';
import { useListParams } from '../hooks/use-list-params.ts';

interface FilterBarProps {
  /** Names the search landmark, e.g. "Filter orders". */
  label: string;
  /** SearchFilter, SelectFilter and DateFilter, each named after its URL parameter. */
  children: ReactNode;
}

/**
 * Filters written into the URL (page back to 1) on submit; selects submit on change. Each control
 * is keyed on its URL value, so Back or a shared link shows what is applied.
 */
export function FilterBar({ label, children }: FilterBarProps) {
  const { update } = useListParams();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget)) patch[name] = String(value).trim();
    update(patch);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form is the landmark screen readers and testing-library know (as in the shop's search form).
    <form className="bo-filters" role="search" aria-label={label} onSubmit={onSubmit}>
      {children}
      <button type="submit" className="button button--secondary">
        Apply
      </button>
    </form>
  );
}

interface FilterProps {
  /** The URL parameter and the form field's name. */
  name: string;
  label: string;
}

/** A filter's label and control; `control` gets the control's id and the value the URL holds. */
function FilterField({
  name,
  label,
  control,
}: FilterProps & { control: (id: string, value: string) => ReactNode }) {
  const { get } = useListParams();
  const id = useId();
  return (
    <div className="field bo-filters__field">
      <label htmlFor={id}>{label}</label>
      {control(id, get(name))}
    </div>
  );
}

export function SearchFilter({ name, label, placeholder }: FilterProps & { placeholder?: string }) {
  return (
    <FilterField
      name={name}
      label={label}
      control={(id, value) => (
        <input key={value} id={id} name={name} type="search" defaultValue={value} placeholder={placeholder} />
      )}
    />
  );
}

export function SelectFilter({
  name,
  label,
  options,
  anyLabel = 'All',
}: FilterProps & { options: readonly { value: string; label: string }[]; anyLabel?: string }) {
  return (
    <FilterField
      name={name}
      label={label}
      control={(id, value) => (
        <select
          key={value}
          id={id}
          name={name}
          defaultValue={value}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
        >
          <option value="">{anyLabel}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function DateFilter({ name, label }: FilterProps) {
  return (
    <FilterField
      name={name}
      label={label}
      control={(id, value) => <input key={value} id={id} name={name} type="date" defaultValue={value} />}
    />
  );
}
