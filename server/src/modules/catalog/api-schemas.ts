import { z } from '@hono/zod-openapi';
import { taxClasses } from './schema.js';

/** The catalog's public contract: what the API answers and the web client is typed from. */
export const localizedSchema = z
  .object({ ja: z.string(), en: z.string() })
  .openapi('Localized', { description: 'Text in Japanese and English' });

export const renditionSchema = z
  .object({ url: z.string(), width: z.int(), height: z.int() })
  .openapi('ImageRendition', { description: 'A WebP copy; list them in `srcset` as `url widthw`' });

export const imageSchema = z
  .object({
    url: z.string().openapi({
      example: '/media/products/sak-0001-0-1a2b3c4d.svg',
      description: 'The widest rendition, or the original when there are none (SVG)',
    }),
    alt: localizedSchema,
    width: z.int(),
    height: z.int(),
    renditions: z
      .array(renditionSchema)
      .openapi({ description: 'Narrowest first; empty for vector images, which scale by themselves' }),
  })
  .openapi('Image');

export const availabilitySchema = z
  .object({
    status: z.enum(['in_stock', 'low_stock', 'sold_out']),
    available: z.int().min(0).openapi({ description: 'Units that can be ordered now' }),
  })
  .openapi('Availability');

export const categorySchema = z
  .object({
    id: z.uuid(),
    slug: z.string().openapi({ example: 'sake' }),
    name: localizedSchema,
    position: z.int(),
    productCount: z.int().min(0),
  })
  .openapi('Category');

export const categoryListSchema = z.object({ items: z.array(categorySchema) }).openapi('CategoryList');

export const productSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    sku: z.string(),
    name: localizedSchema,
    price: z.int().positive().openapi({ description: 'Integer yen, consumption tax included', example: 1280 }),
    taxClass: z.enum(taxClasses).openapi({ description: 'standard: 10 %, reduced (food): 8 %' }),
    category: z.object({ slug: z.string(), name: localizedSchema }),
    image: z.union([imageSchema, z.null()]).openapi({ description: 'The first image; null when the product has none' }),
    availability: availabilitySchema,
  })
  .openapi('ProductSummary');

export const productSchema = productSummarySchema
  .extend({
    description: localizedSchema,
    images: z.array(imageSchema),
    createdAt: z.iso.datetime(),
  })
  .openapi('Product');

export const productListSchema = z
  .object({
    items: z.array(productSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .openapi('ProductList');

export type ProductSummary = z.infer<typeof productSummarySchema>;
export type Product = z.infer<typeof productSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Image = z.infer<typeof imageSchema>;
