import { type AdminProduct, MAX_PRODUCT_PRICE_CENTS, MAX_PRODUCT_STOCK } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '../../../components/form/checkbox-field.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SelectField } from '../../../components/form/select-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { type FieldErrors, fieldErrorsFrom, formErrorMessage } from '../../../lib/form-errors.ts';
import { centsToAmount, parseMoney } from '../utils/money.ts';
import { parseWholeNumber } from '../utils/whole-number.ts';
import { MoneyInput } from './money-input.tsx';
import { TextAreaField } from './text-area-field.tsx';

export interface ProductFormValues {
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  category: string;
  active: boolean;
}

interface ProductFormProps {
  /** Absent: a new product (on sale from the start). */
  product?: AdminProduct;
  categories: readonly { slug: string; name: string }[];
  pending: boolean;
  /** The API's refusal of the last save: field messages beside the fields, the rest on top. */
  error: unknown;
  submitLabel: string;
  onSubmit: (values: ProductFormValues) => void;
}

const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  priceCents: 'Price',
  stock: 'Stock',
  category: 'Category',
};

/** Create and edit a product (admin and seller areas); checks what it can before the API does. */
export function ProductForm({
  product,
  categories,
  pending,
  error,
  submitLabel,
  onSubmit,
}: ProductFormProps) {
  const currency = product?.currency ?? 'USD';
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [price, setPrice] = useState(product ? centsToAmount(product.priceCents) : '');
  const [stock, setStock] = useState(product ? String(product.stock) : '');
  const [category, setCategory] = useState(product?.category ?? '');
  const [active, setActive] = useState(product?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedPrice = parseMoney(price, 'Price', { max: MAX_PRODUCT_PRICE_CENTS });
    const parsedStock = parseWholeNumber(stock, 'Stock', { max: MAX_PRODUCT_STOCK });
    const found: FieldErrors = {};
    if (!name.trim()) found.name = 'Name is required.';
    if (parsedPrice.error) found.priceCents = parsedPrice.error;
    if (parsedStock.error) found.stock = parsedStock.error;
    if (!category) found.category = 'Category is required.';
    setErrors(found);
    if (Object.keys(found).length > 0 || parsedPrice.cents === undefined || parsedStock.value === undefined)
      return;
    onSubmit({
      name: name.trim(),
      description,
      priceCents: parsedPrice.cents,
      stock: parsedStock.value,
      category,
      active,
    });
  };

  const serverErrors = fieldErrorsFrom(error, LABELS);
  const fieldError = (field: string) => errors[field] ?? serverErrors[field];
  const categoryOptions = [
    { value: '', label: 'Choose a category' },
    ...categories.map((option) => ({ value: option.slug, label: option.name })),
  ];

  return (
    <form className="form" noValidate onSubmit={submit}>
      {error ? <FormNotice tone="error">{formErrorMessage(error)}</FormNotice> : null}
      <TextField
        label="Name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError('name')}
        maxLength={200}
      />
      <TextAreaField
        label="Description"
        name="description"
        optional
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError('description')}
      />
      <div className="form__grid">
        <MoneyInput
          label="Price"
          name="price"
          currency={currency}
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={fieldError('priceCents')}
        />
        <TextField
          label="Stock"
          name="stock"
          inputMode="numeric"
          value={stock}
          onChange={(e) => setStock(e.target.value)}
          error={fieldError('stock')}
          hint={
            product
              ? 'Units on hand; for a delivery or a count, prefer a stock adjustment with a reason.'
              : undefined
          }
        />
      </div>
      <SelectField
        label="Category"
        name="category"
        options={categoryOptions}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        error={fieldError('category')}
      />
      {product && (
        <CheckboxField
          label="On sale (untick to hide it from the shop)"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
      )}
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
