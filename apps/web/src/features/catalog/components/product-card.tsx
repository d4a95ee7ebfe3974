import type { Product } from '@securecart/contract';
import { Link } from 'react-router';
import { AddToCartButton } from '../../cart/components/add-to-cart-button.tsx';
import { PriceTag } from './price-tag.tsx';
import { ProductImage } from './product-image.tsx';
import { Rating } from './rating.tsx';
import { StockBadge } from './stock-badge.tsx';

export function ProductCard({ product }: { product: Product }) {
  return (
    <article className="product-card">
      <ProductImage src={product.imageUrl} alt={product.name} />
      <div className="product-card__body">
        <p className="product-card__category">{product.categoryName}</p>
        <h2 className="product-card__title">
          {/* The link's ::after covers the whole card, so the card is one big, single tab stop. */}
          <Link className="product-card__link" to={`/products/${encodeURIComponent(product.slug)}`}>
            {product.name}
          </Link>
        </h2>
        <Rating rating={product.rating} reviewCount={product.reviewCount} />
        <div className="product-card__footer">
          <PriceTag priceCents={product.priceCents} currency={product.currency} />
          <StockBadge stock={product.stock} />
        </div>
        {product.inStock ? <AddToCartButton productId={product.id} name={product.name} /> : null}
      </div>
    </article>
  );
}
