import { describe, expect, it } from 'vitest';
import {
  addGuestLine,
  GuestCartStore,
  guestCartStorageKey,
  parseGuestCart,
  removeGuestLine,
  setGuestLine,
} from './guest-cart';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

/** An in-memory Web Storage (Node has no localStorage); the store only needs these three methods. */
function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('guest cart lines', () => {
  it('adds units to an existing line and appends a new product', () => {
    const one = addGuestLine([], a, 2);
    expect(one).toEqual([{ productId: a, quantity: 2 }]);
    expect(addGuestLine(one, a, 3)).toEqual([{ productId: a, quantity: 5 }]);
    expect(addGuestLine(one, b, 1)).toEqual([
      { productId: a, quantity: 2 },
      { productId: b, quantity: 1 },
    ]);
  });

  it('caps a line at 99 units and never goes below 1, as the server does', () => {
    expect(addGuestLine([{ productId: a, quantity: 98 }], a, 5)).toEqual([{ productId: a, quantity: 99 }]);
    expect(setGuestLine([{ productId: a, quantity: 3 }], a, 0)).toEqual([{ productId: a, quantity: 1 }]);
    expect(setGuestLine([{ productId: a, quantity: 3 }], a, 7)).toEqual([{ productId: a, quantity: 7 }]);
  });

  it('removes one line and leaves the others', () => {
    expect(
      removeGuestLine(
        [
          { productId: a, quantity: 1 },
          { productId: b, quantity: 2 },
        ],
        a,
      ),
    ).toEqual([{ productId: b, quantity: 2 }]);
  });

  it('reads back only valid lines from storage, whatever was written there', () => {
    expect(parseGuestCart(null)).toEqual([]);
    expect(parseGuestCart('not json')).toEqual([]);
    expect(parseGuestCart('{"productId":"x"}')).toEqual([]);
    expect(
      parseGuestCart(
        JSON.stringify([
          { productId: a, quantity: 2 },
          { productId: a, quantity: 4 },
          { productId: b, quantity: 0 },
          { productId: b, quantity: 1.5 },
          { quantity: 1 },
          { productId: b, quantity: 500 },
        ]),
      ),
    ).toEqual([
      { productId: a, quantity: 2 },
      { productId: b, quantity: 99 },
    ]);
  });
});

describe('GuestCartStore', () => {
  it('keeps the cart in storage, notifies subscribers, and removes the key when emptied', () => {
    const storage = memoryStorage();
    const store = new GuestCartStore(() => storage);
    let notified = 0;
    store.subscribe(() => notified++);

    store.add(a, 2);
    store.add(a, 1);
    expect(JSON.parse(storage.values.get(guestCartStorageKey) ?? '[]')).toEqual([{ productId: a, quantity: 3 }]);
    const snapshot = store.getSnapshot();
    expect(store.getSnapshot()).toBe(snapshot); // stable identity between changes (useSyncExternalStore)

    store.clear();
    expect(storage.values.has(guestCartStorageKey)).toBe(false);
    expect(store.getSnapshot()).toEqual([]);
    expect(notified).toBe(3);
  });

  it('picks up a cart written by another tab on reload', () => {
    const storage = memoryStorage();
    const store = new GuestCartStore(() => storage);
    expect(store.getSnapshot()).toEqual([]);
    storage.setItem(guestCartStorageKey, JSON.stringify([{ productId: b, quantity: 4 }]));
    store.reload();
    expect(store.getSnapshot()).toEqual([{ productId: b, quantity: 4 }]);
  });

  it('works, for this page only, when storage throws', () => {
    const store = new GuestCartStore(() => ({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    }));
    store.add(a, 1);
    expect(store.getSnapshot()).toEqual([{ productId: a, quantity: 1 }]);
  });
});
