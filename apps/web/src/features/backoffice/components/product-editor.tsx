import type { AdminProduct, SellerProductUpdate, StockAdjustment } from '@securecart/contract';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { isNotFound } from '../../../lib/is-not-found.ts';
import { useCategories } from '../../catalog/api/list-categories.ts';
import { productChanges } from '../utils/product-changes.ts';
import { BackofficePage } from './backoffice-page.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ProductForm, type ProductFormValues } from './product-form.tsx';
import { ProductImageUpload } from './product-image-upload.tsx';
import { StockAdjustmentForm } from './stock-adjustment-form.tsx';
import { useToast } from './toasts.tsx';

type SavesProduct<Body> = UseMutationResult<AdminProduct, Error, Body>;

/** One area's product hooks (admin or seller), each for the product with this id. */
export interface ProductEditorApi {
  useProduct: (id: string) => UseQueryResult<AdminProduct, Error>;
  useUpdate: (id: string) => SavesProduct<SellerProductUpdate>;
  useArchive: (id: string) => UseMutationResult<void, Error, void>;
  useUpload: (id: string) => SavesProduct<File>;
  useAdjust: (id: string) => SavesProduct<StockAdjustment>;
}

interface ProductArea {
  /** The area's list of products, e.g. `/admin/products`. */
  listPath: string;
  /** The link back to that list. */
  backLabel: string;
  /** Said when the API answers 404 for the product in the URL. */
  notFoundMessage: string;
  /** A "View in the shop" link beside Archive while the product is on sale. */
  shopLink?: boolean;
}

interface ProductEditorProps extends ProductArea {
  api: ProductEditorApi;
}

/** The edit page of the product in the URL (`:id`): details, image, stock, archive. */
export function ProductEditor({ api, ...area }: ProductEditorProps) {
  const { id = '' } = useParams();
  const product = api.useProduct(id);
  if (product.isPending) return <LoadingState label="Loading the product…" />;
  if (product.error) {
    if (isNotFound(product.error)) {
      return (
        <BackofficePage title="Product not found">
          <p>
            {area.notFoundMessage} <Link to={area.listPath}>{area.backLabel}</Link>
          </p>
        </BackofficePage>
      );
    }
    return (
      <ErrorState
        title="The product could not be loaded"
        error={product.error}
        onRetry={() => product.refetch()}
      />
    );
  }
  return <ProductEditorForms api={api} area={area} product={product.data} />;
}

/** The forms are keyed on `updatedAt`, so after any save they start from what the server holds. */
function ProductEditorForms({
  api,
  area,
  product,
}: {
  api: ProductEditorApi;
  area: ProductArea;
  product: AdminProduct;
}) {
  const update = api.useUpdate(product.id);
  const archive = api.useArchive(product.id);
  const upload = api.useUpload(product.id);
  const adjust = api.useAdjust(product.id);
  const categories = useCategories();
  const toast = useToast();
  const [confirmingArchive, setConfirmingArchive] = useState(false);

  const save = (values: ProductFormValues) => {
    const patch = productChanges(product, values);
    if (Object.keys(patch).length === 0) {
      toast.show('Nothing changed.', 'info');
      return;
    }
    update.mutate(patch, { onSuccess: (saved) => toast.show(`${saved.name} was saved.`) });
  };

  const confirmArchive = () =>
    archive.mutate(undefined, {
      onSuccess: () => {
        setConfirmingArchive(false);
        toast.show(`${product.name} was archived. It is hidden from the shop.`);
      },
    });

  return (
    <BackofficePage
      title={product.name}
      actions={
        // An archived product is a 404 in the shop: nothing to view there, nothing to archive.
        product.active && (
          <>
            {area.shopLink && (
              <a
                className="button button--secondary"
                href={`/products/${product.slug}`}
                target="_blank"
                rel="noopener"
              >
                View in the shop
              </a>
            )}
            <button
              type="button"
              className="button button--danger"
              onClick={() => setConfirmingArchive(true)}
            >
              Archive
            </button>
          </>
        )
      }
    >
      <p className="muted">
        {product.active ? 'On sale.' : 'Archived: hidden from the shop, kept for order history.'}{' '}
        <Link to={area.listPath}>{area.backLabel}</Link>
      </p>
      <div className="bo-grid">
        <section className="card" aria-label="Details">
          <ProductForm
            key={product.updatedAt}
            product={product}
            categories={categories.data?.items ?? []}
            pending={update.isPending}
            error={update.error}
            submitLabel="Save changes"
            onSubmit={save}
          />
        </section>
        <div className="stack">
          <section className="card">
            <ProductImageUpload
              key={product.updatedAt}
              imageUrl={product.imageUrl}
              pending={upload.isPending}
              error={upload.error}
              onUpload={(file) =>
                upload.mutate(file, { onSuccess: () => toast.show('The image was uploaded.') })
              }
            />
          </section>
          <section className="card">
            <StockAdjustmentForm
              key={product.updatedAt}
              stock={product.stock}
              pending={adjust.isPending}
              error={adjust.error}
              onAdjust={(adjustment) =>
                adjust.mutate(adjustment, {
                  onSuccess: (saved) => toast.show(`Stock adjusted. ${saved.stock} in stock now.`),
                })
              }
            />
          </section>
        </div>
      </div>
      {confirmingArchive && (
        <ConfirmDialog
          title={`Archive ${product.name}?`}
          confirmLabel="Archive product"
          pendingLabel="Archiving…"
          pending={archive.isPending}
          error={archive.error}
          onConfirm={confirmArchive}
          onCancel={() => {
            archive.reset();
            setConfirmingArchive(false);
          }}
        >
          <p>It disappears from the shop at once. Past orders keep it; you can put it back on sale later.</p>
        </ConfirmDialog>
      )}
    </BackofficePage>
  );
}
