import { createHash } from 'node:crypto';
import { demoCategories, demoProducts } from '../../demo/catalog-data.js';
import { demoReadings } from '../../demo/demo-readings-data.js';
import { renderIllustration } from '../../demo/illustrations.js';
import { createCategories, createProducts, type NewProduct } from '../modules/catalog/public.js';
import { createOpeningStock } from '../modules/inventory/public.js';
import type { Database } from '../platform/db/database.js';
import { claimSeedRun } from '../platform/db/seeds.js';
import type { ObjectStorage } from '../platform/storage/object-storage.js';

const seedName = 'demo-catalog-v1';
const views = [
  { ja: '正面', en: 'front' },
  { ja: '近景', en: 'close-up' },
  { ja: '使用例', en: 'in use' },
] as const;

export type DemoDataResult = { loaded: boolean; products: number; images: number };

/**
 * Loads the demo storehouse once: categories, ~200 products with illustrations
 * drawn offline, and their opening stock. A marker row makes it run once per
 * database, so a second start (or a user's deletions) is respected.
 */
export async function loadDemoData(options: {
  db: Database;
  storage: ObjectStorage;
  now?: Date;
}): Promise<DemoDataResult> {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    if (!(await claimSeedRun(tx, seedName))) return { loaded: false, products: 0, images: 0 };

    const categoryIds = await createCategories(
      tx,
      demoCategories.map((c) => ({ slug: c.slug, nameJa: c.name.ja, nameEn: c.name.en, position: c.position })),
    );
    const motifOf = new Map(demoCategories.map((c) => [c.slug, c.motif]));

    let imageCount = 0;
    const newProducts: NewProduct[] = [];
    for (const [index, p] of demoProducts.entries()) {
      const categoryId = categoryIds.get(p.category);
      const motif = motifOf.get(p.category);
      if (!categoryId || !motif) throw new Error(`Demo product ${p.sku} names unknown category ${p.category}`);
      const images = [];
      for (let view = 0; view < p.images; view++) {
        const svg = renderIllustration({ motif, seed: index + 1, view });
        const hash = createHash('sha256').update(svg).digest('hex').slice(0, 12);
        const objectKey = `products/${p.sku.toLowerCase()}-${view}-${hash}.svg`;
        await options.storage.put(objectKey, svg, 'image/svg+xml');
        const label = views[view] ?? views[0];
        images.push({
          objectKey,
          contentType: 'image/svg+xml',
          width: 1200,
          height: 900,
          altJa: `${p.name.ja}（${label.ja}）`,
          altEn: `${p.name.en} (${label.en})`,
        });
        imageCount++;
      }
      newProducts.push({
        sku: p.sku,
        slug: p.slug,
        categoryId,
        nameJa: p.name.ja,
        nameEn: p.name.en,
        // Shipped, so the first start does not load the analyser's dictionary.
        nameReading: demoReadings[p.name.ja],
        descriptionJa: p.description.ja,
        descriptionEn: p.description.en,
        price: p.price,
        taxClass: p.taxClass,
        createdAt: new Date(now.getTime() - p.createdDaysAgo * 86_400_000 - index * 1000),
        images,
      });
    }
    const created = await createProducts(tx, newProducts);
    await createOpeningStock(
      tx,
      demoProducts.map((p) => ({ sku: p.sku, onHand: p.stock })),
    );
    return { loaded: true, products: created, images: imageCount };
  });
}
