/**
 * The newest entries up to a count and a byte budget: what the in-process
 * stores (spans, log lines, metric points) keep, so memory stays flat however
 * long the process runs and however busy it is. Adding is O(1) amortised.
 */
export class RingBuffer<T> {
  readonly #items: (T | undefined)[];
  readonly #sizes: number[];
  #start = 0;
  #length = 0;
  #bytes = 0;

  constructor(
    readonly capacity: number,
    readonly maxBytes: number = Number.POSITIVE_INFINITY,
    readonly sizeOf: (item: T) => number = () => 0,
  ) {
    this.#items = new Array(capacity);
    this.#sizes = new Array(capacity).fill(0);
  }

  get length(): number {
    return this.#length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  push(item: T): void {
    const size = this.sizeOf(item);
    // An entry larger than the whole budget is not kept at all (it would empty the buffer).
    if (size > this.maxBytes) return;
    while (this.#length > 0 && (this.#length === this.capacity || this.#bytes + size > this.maxBytes))
      this.#dropOldest();
    const at = (this.#start + this.#length) % this.capacity;
    this.#items[at] = item;
    this.#sizes[at] = size;
    this.#length++;
    this.#bytes += size;
  }

  #dropOldest(): void {
    this.#bytes -= this.#sizes[this.#start] ?? 0;
    this.#items[this.#start] = undefined;
    this.#start = (this.#start + 1) % this.capacity;
    this.#length--;
  }

  /** Newest first, stopping after `limit` matches. */
  *newestFirst(): Generator<T> {
    for (let i = this.#length - 1; i >= 0; i--) {
      const item = this.#items[(this.#start + i) % this.capacity];
      if (item !== undefined) yield item;
    }
  }

  toArray(): T[] {
    return [...this.newestFirst()].reverse();
  }
}
