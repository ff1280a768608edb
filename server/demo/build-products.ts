import type { DemoProduct, Localized } from './demo-types.js';
import { createRandom } from './prng.js';

/** [ja label, en label, price in yen] — one purchasable size of a product line. */
export type SizeVariant = readonly [ja: string, en: string, price: number];

/** A product as a shop owner thinks of it: one name and story, sold in one or more sizes. */
export type ProductLine = {
  key: string;
  name: Localized;
  description: Localized;
  sizes?: readonly SizeVariant[];
  price?: number;
  /** Only for the exceptions, e.g. hon-mirin (alcohol) among the seasonings. */
  taxClass?: DemoProduct['taxClass'];
  /** Overrides how the group states the size, e.g. a board's width instead of a blade length. */
  sizeNote?: SizeNote;
};

export type SizeNote = (size: Localized) => Localized;

export type ProductGroup = {
  category: string;
  skuPrefix: string;
  taxClass: DemoProduct['taxClass'];
  sizeNote: SizeNote;
  lines: readonly ProductLine[];
};

export const contentsNote: SizeNote = (size) => ({ ja: `内容量：${size.ja}。`, en: `Contents: ${size.en}.` });

const SOLD_OUT_SHARE = 0.08;
const LOW_STOCK_SHARE = 0.1;

type Draft = Omit<DemoProduct, 'stock' | 'createdDaysAgo' | 'images'>;

export function buildDemoProducts(groups: readonly ProductGroup[]): DemoProduct[] {
  const drafts = groups.flatMap(expandGroup);
  return assignInventory(drafts);
}

function expandGroup(group: ProductGroup): Draft[] {
  let counter = 0;
  return group.lines.flatMap((line) => {
    const sizes: readonly (SizeVariant | undefined)[] = line.sizes ?? [undefined];
    return sizes.map((size): Draft => {
      counter += 1;
      const price = size?.[2] ?? line.price;
      if (price === undefined) throw new Error(`${line.key} has neither sizes nor a price`);
      const sizeLabel = size ? { ja: size[0], en: size[1] } : undefined;
      const note = sizeLabel ? (line.sizeNote ?? group.sizeNote)(sizeLabel) : undefined;
      return {
        sku: `${group.skuPrefix}-${String(counter).padStart(4, '0')}`,
        slug: sizeLabel ? `${line.key}-${slugifySize(sizeLabel.en)}` : line.key,
        category: group.category,
        name: sizeLabel ? { ja: `${line.name.ja} ${sizeLabel.ja}`, en: `${line.name.en} ${sizeLabel.en}` } : line.name,
        description: note
          ? { ja: `${line.description.ja}${note.ja}`, en: `${line.description.en} ${note.en}` }
          : line.description,
        price,
        taxClass: line.taxClass ?? group.taxClass,
      };
    });
  });
}

/** '1.8 L' → '1-8l', '8 g × 30 bags' → '8g-x-30-bags'. */
function slugifySize(en: string): string {
  return en
    .toLowerCase()
    .replace(/(\d)\s+(?=[a-z])/g, '$1')
    .replace(/×/g, 'x')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Stock, age and image count are random but fixed; the shares of sold-out and low-stock items are exact. */
function assignInventory(drafts: readonly Draft[]): DemoProduct[] {
  const random = createRandom(0x6b757261);
  const order = drafts.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const soldOut = new Set(order.slice(0, Math.round(drafts.length * SOLD_OUT_SHARE)));
  const low = new Set(order.slice(soldOut.size, soldOut.size + Math.round(drafts.length * LOW_STOCK_SHARE)));

  return drafts.map((draft, index) => {
    // Skewed towards smaller quantities, as a small shop's shelves are.
    const stock = soldOut.has(index)
      ? 0
      : low.has(index)
        ? random.int(1, 5)
        : 10 + Math.floor(random.next() ** 1.7 * 191);
    const roll = random.next();
    return {
      ...draft,
      stock,
      createdDaysAgo: random.int(0, 365),
      images: roll < 0.3 ? 1 : roll < 0.75 ? 2 : 3,
    };
  });
}
