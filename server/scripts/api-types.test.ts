import { describe, expect, it } from 'vitest';
import { readCommittedApiTypes, renderApiTypes } from './api-types.js';

describe('the web client types', () => {
  it('match the server schemas (run `npm run api-types` after changing a route)', async () => {
    const committed = await readCommittedApiTypes();
    expect(committed, 'web/src/lib/api/schema.d.ts is missing').toBeDefined();
    expect(committed).toBe(await renderApiTypes());
  });
});
