import { describe, expect, it } from 'vitest';
import { newTraceparent, traceparentMiddleware } from './traceparent';

describe('newTraceparent', () => {
  it('is a sampled W3C traceparent with a fresh trace id each time', () => {
    const a = newTraceparent();
    const b = newTraceparent();
    expect(a).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(a.slice(3, 35)).not.toBe(b.slice(3, 35));
  });

  it('never gives an all-zero id (invalid in W3C Trace Context)', () => {
    let calls = 0;
    const zeroFirst = (bytes: Uint8Array) => (calls++ === 0 ? bytes : bytes.fill(7));
    expect(newTraceparent(zeroFirst)).toBe(`00-${'07'.repeat(16)}-${'07'.repeat(8)}-01`);
  });

  it('is added to an API request that has none, and a caller’s own is kept', async () => {
    const plain = await traceparentMiddleware.onRequest({ request: new Request('http://kura.test/api/orders') });
    expect(plain.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const own = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
    const kept = await traceparentMiddleware.onRequest({
      request: new Request('http://kura.test/api/orders', { headers: { traceparent: own } }),
    });
    expect(kept.headers.get('traceparent')).toBe(own);
  });
});
