import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { traceparentMiddleware } from './traceparent';

/** Typed client for the Kura API, generated from the server's OpenAPI document. */
export const apiClient = createClient<paths>({ baseUrl: '' });
// Each call the SPA makes starts a trace the server continues (API → SQL → outbox → consumer).
apiClient.use(traceparentMiddleware);

export type Schemas = components['schemas'];

/** A product image; the schema lets a product have none, so the non-null form is named here. */
export type ProductImageData = NonNullable<Schemas['Image']>;
