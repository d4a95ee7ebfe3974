interface ProductImageProps {
  src: string | null;
  alt: string;
  eager?: boolean;
}

/** Demo and uploaded images are square; the fixed box keeps the grid from jumping while they load. */
export function ProductImage({ src, alt, eager = false }: ProductImageProps) {
  if (!src) {
    return (
      <div className="product-image product-image--missing" role="img" aria-label={alt}>
        No image
      </div>
    );
  }
  return (
    <img
      className="product-image"
      src={src}
      alt={alt}
      width={400}
      height={400}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
