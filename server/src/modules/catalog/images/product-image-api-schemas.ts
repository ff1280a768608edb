import { z } from '@hono/zod-openapi';
import { localizedSchema, renditionSchema } from '../api-schemas.js';
import { uploadableImageTypes } from './image-renditions.js';

/** The back office's image contract: uploads, the images of one product, their order and alt text. */

export const productIdParams = z.object({
  id: z.uuid({ error: 'must be a product id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

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
