import type { AdminProduct, SellerProductUpdate } from '@securecart/contract';
import type { ProductFormValues } from '../components/product-form.tsx';

const EDITABLE = ['name', 'description', 'priceCents', 'stock', 'category', 'active'] as const;

/**
 * A product form's values as a PATCH body (admin and seller areas). Only what changed is sent: a
 * stock figure left alone never overwrites sales made meanwhile.
 */
export function productChanges(product: AdminProduct, values: ProductFormValues): SellerProductUpdate {
  const patch: SellerProductUpdate = {};
  for (const key of EDITABLE) {
    if (values[key] !== product[key]) Object.assign(patch, { [key]: values[key] });
  }
  return patch;
}
