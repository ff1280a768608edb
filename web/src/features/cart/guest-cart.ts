/** What a guest's cart keeps in the browser: only the product and how many; prices are looked up when shown. */
export type GuestCartLine = { productId: string; quantity: number };

/** The server caps a line at 99 units (and caps merged lines there too). */
export const maxLineQuantity = 99;
/** The merge endpoint takes at most 100 lines. */
const maxGuestLines = 100;

export const guestCartStorageKey = 'kura.guestCart';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function clampQuantity(quantity: number): number {
  return Math.min(maxLineQuantity, Math.max(1, Math.trunc(quantity)));
}

function isLine(value: unknown): value is GuestCartLine {
  if (typeof value !== 'object' || value === null) return false;
  const { productId, quantity } = value as Record<string, unknown>;
  return typeof productId === 'string' && productId.length > 0 && Number.isInteger(quantity) && Number(quantity) > 0;
}

/**
 * Reads the stored cart, dropping whatever is not a line (another version's
 * format, a hand-edited value): a broken entry must not break the shop.
 */
export function parseGuestCart(raw: string | null): GuestCartLine[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const lines: GuestCartLine[] = [];
  for (const item of value.filter(isLine)) {
    if (lines.some((line) => line.productId === item.productId)) continue;
    lines.push({ productId: item.productId, quantity: clampQuantity(item.quantity) });
  }
  return lines.slice(0, maxGuestLines);
}

/** Adds units to a line (a new line goes last), as the server cart does: capped at 99. */
export function addGuestLine(lines: readonly GuestCartLine[], productId: string, quantity: number): GuestCartLine[] {
  const existing = lines.find((line) => line.productId === productId);
  if (existing) {
    return lines.map((line) =>
      line.productId === productId ? { productId, quantity: clampQuantity(line.quantity + quantity) } : line,
    );
  }
  if (lines.length >= maxGuestLines) return [...lines];
  return [...lines, { productId, quantity: clampQuantity(quantity) }];
}

export function setGuestLine(lines: readonly GuestCartLine[], productId: string, quantity: number): GuestCartLine[] {
  return lines.map((line) => (line.productId === productId ? { productId, quantity: clampQuantity(quantity) } : line));
}

export function removeGuestLine(lines: readonly GuestCartLine[], productId: string): GuestCartLine[] {
  return lines.filter((line) => line.productId !== productId);
}

/**
 * The guest cart in localStorage, as an external store for React
 * (`useSyncExternalStore`): the snapshot changes identity only when the cart
 * does, and another tab's change (the `storage` event) reaches this one.
 */
export class GuestCartStore {
  private lines: GuestCartLine[] | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: () => StorageLike | null) {}

  getSnapshot = (): readonly GuestCartLine[] => {
    this.lines ??= this.read();
    return this.lines;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(productId: string, quantity: number): void {
    this.write(addGuestLine(this.getSnapshot(), productId, quantity));
  }

  set(productId: string, quantity: number): void {
    this.write(setGuestLine(this.getSnapshot(), productId, quantity));
  }

  remove(productId: string): void {
    this.write(removeGuestLine(this.getSnapshot(), productId));
  }

  clear(): void {
    this.write([]);
  }

  /** The stored value changed elsewhere (another tab): read it again. */
  reload(): void {
    this.lines = this.read();
    this.notify();
  }

  private read(): GuestCartLine[] {
    try {
      return parseGuestCart(this.storage()?.getItem(guestCartStorageKey) ?? null);
    } catch {
      return []; // storage can be disabled (private mode, policies)
    }
  }

  private write(lines: GuestCartLine[]): void {
    this.lines = lines;
    try {
      const storage = this.storage();
      if (lines.length === 0) storage?.removeItem(guestCartStorageKey);
      else storage?.setItem(guestCartStorageKey, JSON.stringify(lines));
    } catch {
      // the cart then lasts only for this page load
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export const guestCart = new GuestCartStore(() => (typeof window === 'undefined' ? null : window.localStorage));

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === guestCartStorageKey || event.key === null) guestCart.reload();
  });
}
