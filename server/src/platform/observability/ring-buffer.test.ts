import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the newest entries up to its count', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 10; i++) ring.push(i);
    expect(ring.toArray()).toEqual([8, 9, 10]);
    expect([...ring.newestFirst()]).toEqual([10, 9, 8]);
  });

  it('keeps the newest entries within its byte budget, and none larger than the budget', () => {
    const ring = new RingBuffer<string>(100, 10, (s) => s.length);
    for (const s of ['aaaa', 'bbbb', 'cccc']) ring.push(s);
    expect(ring.toArray()).toEqual(['bbbb', 'cccc']);
    expect(ring.bytes).toBe(8);
    ring.push('x'.repeat(11));
    expect(ring.toArray()).toEqual(['bbbb', 'cccc']);
  });

  it('stays flat however much goes through it', () => {
    const ring = new RingBuffer<string>(1000, 64 * 1024, (s) => s.length * 2);
    for (let i = 0; i < 200_000; i++) ring.push(`line ${i} ${'x'.repeat(i % 200)}`);
    expect(ring.length).toBeLessThanOrEqual(1000);
    expect(ring.bytes).toBeLessThanOrEqual(64 * 1024);
  });
});
