import type { AdminProduct, SellerProductCreate } from '@securecart/contract';
import type { UseMutationResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useCategories } from '../../catalog/api/list-categories.ts';
import { BackofficePage } from './backoffice-page.tsx';
import { ProductForm } from './product-form.tsx';
import { useToast } from './toasts.tsx';

interface ProductCreatorProps {
  /** The area's create mutation (admin or seller). */
  useCreate: () => UseMutationResult<AdminProduct, Error, SellerProductCreate>;
  /** The area's list of products, e.g. `/admin/products`: the new product opens under it. */
  listPath: string;
}

/** The new product page: once created, the product's edit page opens for its image. */
export function ProductCreator({ useCreate, listPath }: ProductCreatorProps) {
  const create = useCreate();
  const categories = useCategories();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <BackofficePage title="New product">
      <ProductForm
        categories={categories.data?.items ?? []}
        pending={create.isPending}
        error={create.error}
        submitLabel="Create product"
        // A new product is on sale from the start; the form has no "active" box for it.
        onSubmit={({ active: _onSale, ...body }) =>
          create.mutate(body, {
            onSuccess: (product) => {
              toast.show(`${product.name} was created. Add an image below.`);
              navigate(`${listPath}/${product.id}`);
            },
          })
        }
      />
    </BackofficePage>
  );
}
