import type {
  Category,
  Image,
  Product,
  ProductSummary,
  StaffCategory,
  StaffProduct,
  StaffProductSummary,
} from '../api-schemas.js';
import type { MediaUrl } from '../ports.js';
import type { ImageRendition } from '../schema.js';
import type { getProduct, listCategories, ProductSummaryRow } from './product-queries.js';

/** Rows to the public shapes. Object keys become URLs through `mediaUrl`. */

type ImageRow = {
  objectKey: string;
  width: number;
  height: number;
  altJa: string;
  altEn: string;
  renditions: readonly ImageRendition[];
};

/** An image as pages show it: the widest rendition as `url` (the original when there are none), all for `srcset`. */
export function toImage(image: ImageRow, mediaUrl: MediaUrl): Image {
  const renditions = image.renditions.map((r) => ({ url: mediaUrl(r.objectKey), width: r.width, height: r.height }));
  const widest = renditions.at(-1);
  return {
    url: widest?.url ?? mediaUrl(image.objectKey),
    alt: { ja: image.altJa, en: image.altEn },
    width: widest?.width ?? image.width,
    height: widest?.height ?? image.height,
    renditions,
  };
}

export function toProductSummary(row: ProductSummaryRow, mediaUrl: MediaUrl): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    sku: row.sku,
    name: { ja: row.nameJa, en: row.nameEn },
    price: row.price,
    taxClass: row.taxClass,
    category: { slug: row.categorySlug, name: { ja: row.categoryNameJa, en: row.categoryNameEn } },
    image: row.image ? toImage(row.image, mediaUrl) : null,
    availability: { status: row.availabilityStatus, available: Math.max(0, row.available) },
  };
}

export function toProduct(row: NonNullable<Awaited<ReturnType<typeof getProduct>>>, mediaUrl: MediaUrl): Product {
  const images = row.images.map((image) => toImage(image, mediaUrl));
  const first = row.images[0];
  return {
    ...toProductSummary({ ...row, image: first ?? null }, mediaUrl),
    description: { ja: row.descriptionJa, en: row.descriptionEn },
    images,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCategory(row: Awaited<ReturnType<typeof listCategories>>[number]): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: { ja: row.nameJa, en: row.nameEn },
    position: row.position,
    productCount: row.productCount,
  };
}

/** The back office sees what the storefront does, plus state: active, version, the category's id. */
export function toStaffProductSummary(row: ProductSummaryRow, mediaUrl: MediaUrl): StaffProductSummary {
  const { category, ...summary } = toProductSummary(row, mediaUrl);
  return {
    ...summary,
    category: { id: row.categoryId, ...category },
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toStaffProduct(
  row: NonNullable<Awaited<ReturnType<typeof getProduct>>>,
  mediaUrl: MediaUrl,
): StaffProduct {
  const { category, ...product } = toProduct(row, mediaUrl);
  return {
    ...product,
    reading: row.nameReading,
    category: { id: row.categoryId, ...category },
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toStaffCategory(row: Awaited<ReturnType<typeof listCategories>>[number]): StaffCategory {
  return { ...toCategory(row), allProductCount: row.allProductCount };
}
