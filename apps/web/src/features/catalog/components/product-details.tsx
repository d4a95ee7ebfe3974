import type { Product } from '@securecart/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PriceTag } from './price-tag.tsx';
import { ProductImage } from './product-image.tsx';
import { Rating } from './rating.tsx';
import { StockBadge } from './stock-badge.tsx';
import '../catalog.css';

const categoryHref = (slug: string) => `/?${new URLSearchParams({ category: slug })}`;

interface ProductDetailsProps {
  product: Product;
  /** What the page offers to do with the product (cart, wishlist), under the price. */
  actions?: ReactNode;
}

export function ProductDetails({ product, actions }: ProductDetailsProps) {
  return (
    <article className="product-details">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Catalog</Link>
          </li>
          <li>
            <Link to={categoryHref(product.category)}>{product.categoryName}</Link>
          </li>
          <li>
            <span aria-current="page">{product.name}</span>
          </li>
        </ol>
      </nav>

      <div className="product-details__layout">
        <div className="product-details__media">
          <ProductImage src={product.imageUrl} alt={product.name} eager />
        </div>
        <div className="product-details__info">
          <p className="product-details__category">
            <span className="visually-hidden">Category: </span>
            <Link to={categoryHref(product.category)}>{product.categoryName}</Link>
          </p>
          <h1 className="product-details__title">{product.name}</h1>
          <Rating rating={product.rating} reviewCount={product.reviewCount} />
          <div className="product-details__buy">
            <PriceTag priceCents={product.priceCents} currency={product.currency} size="large" />
            <StockBadge stock={product.stock} />
          </div>
          {actions}
          <h2 className="product-details__subtitle">Description</h2>
          <p className="product-details__description">{product.description}</p>
        </div>
      </div>
    </article>
  );
}
