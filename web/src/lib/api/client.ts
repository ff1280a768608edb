import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** Typed client for the Kura API, generated from the server's OpenAPI document. */
export const apiClient = createClient<paths>({ baseUrl: '' });

export type Schemas = components['schemas'];

/** A product image; the schema lets a product have none, so the non-null form is named here. */
export type ProductImageData = NonNullable<Schemas['Image']>;
