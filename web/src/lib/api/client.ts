import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** Typed client for the Kura API, generated from the server's OpenAPI document. */
export const apiClient = createClient<paths>({ baseUrl: '' });

export type Schemas = components['schemas'];
