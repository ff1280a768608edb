import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { uploadableImageTypes } from './images/image-renditions.js';
import { staffProductSorts } from './products/product-queries.js';
import { slugMaxLength, slugPattern, uuidLike } from './products/slug.js';
import { taxClasses } from './schema.js';

/**
 * The catalog's API contract, the one place its request and response shapes
 * are declared (the web client is typed from them): the storefront's, then the
 * back office's products and categories, then its product images.
 */

// The storefront.

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
    suggestion: z.string().nullable().openapi({
      description:
        'Did you mean: the query with each term not found as typed replaced by the nearest word in product names; else null',
      example: 'matcha',
    }),
  })
  .openapi('ProductList');

export type ProductSummary = z.infer<typeof productSummarySchema>;
export type Product = z.infer<typeof productSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Image = z.infer<typeof imageSchema>;

// The back office: products and categories. Each field has one schema, used by the JSON API and by
// the CSV import alike, so both refuse the same values with the same messages and codes.

export const skuField = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit')
  .openapi({ example: 'SAK-0001' });

export const slugField = z
  .string({ error: 'must be a string' })
  .trim()
  .max(slugMaxLength, `must be at most ${slugMaxLength} characters`)
  .regex(slugPattern, 'must be lower-case letters and digits separated by single hyphens')
  .refine((slug) => !uuidLike.test(slug), 'must not look like a product id')
  .openapi({ example: 'yukimuro-junmai-daiginjo-720ml' });

export const productNameField = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const readingField = z
  .string({ error: 'must be a string' })
  .trim()
  .max(200, 'must be at most 200 characters')
  .openapi({
    description: 'How the Japanese name reads, in kana (stored as hiragana); empty: made from the name',
    example: 'じゅんまいだいぎんじょう',
  });

export const descriptionField = z.string({ error: 'must be a string' }).max(5000, 'must be at most 5000 characters');

export const priceField = z
  .int({ error: 'must be a whole number of yen' })
  .min(1, 'must be at least 1 yen')
  .max(10_000_000, 'must be at most 10,000,000 yen')
  .openapi({ description: 'Integer yen, consumption tax included', example: 1280 });

export const taxClassField = z
  .enum(taxClasses, { error: `must be one of ${taxClasses.join(', ')}` })
  .openapi({ description: 'standard: 10 %, reduced (food): 8 %' });

export const openingStockField = z
  .int({ error: 'must be a whole number' })
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1,000,000');

export const categorySlugField = z
  .string({ error: 'must be a string' })
  .trim()
  .max(100, 'must be at most 100 characters')
  .regex(slugPattern, 'must be lower-case letters and digits separated by single hyphens');

const localizedName = z.strictObject({ ja: productNameField, en: productNameField });

export const createProductBodySchema = z
  .strictObject({
    sku: skuField,
    slug: slugField.optional().openapi({ description: 'Default: from the English name, numbered when taken' }),
    name: localizedName,
    reading: readingField.optional(),
    description: z.strictObject({ ja: descriptionField, en: descriptionField }).optional(),
    categoryId: z.uuid({ error: 'must be a category id' }),
    price: priceField,
    taxClass: taxClassField,
    active: z.boolean({ error: 'must be true or false' }).default(true),
    openingStock: openingStockField.default(0).openapi({ description: 'Units on hand for the new SKU' }),
  })
  .openapi('CreateProduct');

export const updateProductBodySchema = z
  .strictObject({
    sku: z
      .never({ error: 'cannot change once created: stock and orders refer to it' })
      .optional()
      .openapi({ type: 'string', description: 'Refused: a SKU is fixed once created' }),
    slug: slugField.optional(),
    name: z.strictObject({ ja: productNameField.optional(), en: productNameField.optional() }).optional(),
    reading: readingField.optional().openapi({
      description: 'In kana; empty: made from the name. A new Japanese name without it gets its reading made anew',
    }),
    description: z.strictObject({ ja: descriptionField.optional(), en: descriptionField.optional() }).optional(),
    categoryId: z.uuid({ error: 'must be a category id' }).optional(),
    price: priceField.optional(),
    taxClass: taxClassField.optional(),
    active: z
      .boolean({ error: 'must be true or false' })
      .optional()
      .openapi({ description: 'false archives: gone from the storefront, kept for orders' }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must change at least one field',
  })
  .openapi('UpdateProduct');

const staffCategoryRef = z.object({ id: z.uuid(), slug: z.string(), name: localizedSchema });

export const staffProductSummarySchema = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    slug: z.string(),
    name: localizedSchema,
    price: z.int().positive(),
    taxClass: z.enum(taxClasses),
    category: staffCategoryRef,
    active: z.boolean(),
    version: z.int().min(1).openapi({ description: 'Send as `If-Match: "<version>"` to change the product' }),
    availability: availabilitySchema,
    image: z.union([imageSchema, z.null()]),
    updatedAt: z.iso.datetime(),
  })
  .openapi('StaffProductSummary');

export const staffProductSchema = staffProductSummarySchema
  .extend({
    reading: z.string().openapi({ description: 'How the Japanese name reads, in hiragana (search finds it by it)' }),
    description: localizedSchema,
    images: z.array(imageSchema),
    createdAt: z.iso.datetime(),
  })
  .openapi('StaffProduct');

export const staffProductListSchema = z
  .object({
    items: z.array(staffProductSummarySchema),
    nextCursor: z.string().nullable(),
    total: z.int().min(0).openapi({ description: 'How many products match the filters, on every page' }),
  })
  .openapi('StaffProductList');

export const staffListProductsQuery = z.object({
  q: z.string().max(100, 'must be at most 100 characters').optional().openapi({ description: 'Names, SKU, text' }),
  category: categorySlugField.optional().openapi({ description: 'A category slug' }),
  active: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .openapi({ description: 'true: on sale; false: archived; omitted: both' }),
  taxClass: taxClassField.optional(),
  sort: z
    .enum(staffProductSorts, { error: `must be one of ${staffProductSorts.join(', ')}` })
    .optional()
    .openapi({ description: 'Default: relevance with q, otherwise newest' }),
  ...pageParams(50),
});

export const productIdParams = z.object({
  id: z.uuid({ error: 'must be a product id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export const productIdsBodySchema = z
  .strictObject({
    ids: z
      .array(z.uuid({ error: 'must be a product id' }))
      .min(1, 'must name at least one product')
      .max(500, 'must name at most 500 products'),
  })
  .openapi('ProductIds');

export const bulkChangeSchema = z
  .object({ changed: z.int().min(0).openapi({ description: 'Products whose state changed; others already were' }) })
  .openapi('BulkChange');

export const staffCategorySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: localizedSchema,
    position: z.int(),
    productCount: z.int().min(0).openapi({ description: 'Active products' }),
    allProductCount: z.int().min(0).openapi({ description: 'Including archived ones; deletable only at 0' }),
  })
  .openapi('StaffCategory');

export const staffCategoryListSchema = z.object({ items: z.array(staffCategorySchema) }).openapi('StaffCategoryList');

export const createCategoryBodySchema = z
  .strictObject({ slug: categorySlugField, name: localizedName })
  .openapi('CreateCategory');

export const updateCategoryBodySchema = z
  .strictObject({
    slug: categorySlugField.optional(),
    name: z.strictObject({ ja: productNameField.optional(), en: productNameField.optional() }).optional(),
  })
  .refine((body) => body.slug !== undefined || body.name !== undefined, { message: 'must change at least one field' })
  .openapi('UpdateCategory');

export const reorderCategoriesBodySchema = z
  .strictObject({
    ids: z
      .array(z.uuid({ error: 'must be a category id' }))
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a category'),
  })
  .openapi('ReorderCategories', { description: 'Every category id, in the new order' });

export const categoryIdParams = z.object({
  id: z.uuid({ error: 'must be a category id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export type StaffProduct = z.infer<typeof staffProductSchema>;
export type StaffProductSummary = z.infer<typeof staffProductSummarySchema>;
export type StaffCategory = z.infer<typeof staffCategorySchema>;

// The back office: a product's images (uploads, their order and alt text).

export const productImageParams = productIdParams.extend({
  imageId: z.uuid({ error: 'must be an image id' }).openapi({ param: { name: 'imageId', in: 'path' } }),
});

const altText = z.string().trim().max(300, 'must be at most 300 characters');

export const createImageUploadSchema = z
  .object({
    contentType: z
      .enum(uploadableImageTypes, { error: `must be one of ${uploadableImageTypes.join(', ')}` })
      .openapi({ description: 'The type of the file the browser will post; the signed form allows only this one' }),
  })
  .openapi('CreateImageUpload');

export const imageUploadSchema = z
  .object({
    url: z.string().openapi({ description: 'POST a multipart form here: every field, then the file as `file`' }),
    fields: z.record(z.string(), z.string()),
    key: z.string().openapi({ description: 'Pass to POST …/images once the upload has landed' }),
    maxBytes: z.int().positive(),
    expiresAt: z.iso.datetime(),
  })
  .openapi('ImageUpload');

export const addProductImageSchema = z
  .object({
    key: z.string().min(1).max(512),
    altJa: altText.default(''),
    altEn: altText.default(''),
  })
  .openapi('AddProductImage');

export const updateProductImageSchema = z
  .object({ altJa: altText.optional(), altEn: altText.optional() })
  .openapi('UpdateProductImage');

export const reorderProductImagesSchema = z
  .object({
    imageIds: z
      .array(z.uuid({ error: 'must be an image id' }))
      .max(100)
      .openapi({ description: "Every one of the product's image ids, once each, in the new order" }),
  })
  .openapi('ReorderProductImages');

export const staffProductImageSchema = z
  .object({
    id: z.uuid(),
    position: z.int().min(0),
    url: z.string().openapi({ description: 'The widest rendition (the original for images without renditions)' }),
    width: z.int(),
    height: z.int(),
    contentType: z.string().openapi({ description: 'Of the original' }),
    alt: localizedSchema,
    renditions: z.array(renditionSchema.extend({ bytes: z.int() })),
  })
  .openapi('StaffProductImage');

export const staffProductImageListSchema = z
  .object({ items: z.array(staffProductImageSchema) })
  .openapi('StaffProductImageList');

export type StaffProductImage = z.infer<typeof staffProductImageSchema>;
