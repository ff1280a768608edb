/** The shapes of the demo catalog, shared by its data files and the loader. */

export type Localized = { ja: string; en: string };

export type IllustrationMotif =
  | 'sake-bottle'
  | 'shochu-bottle'
  | 'tea'
  | 'miso-jar'
  | 'soy-bottle'
  | 'dried-goods'
  | 'rice-bag'
  | 'pickles'
  | 'wagashi'
  | 'knife'
  | 'tableware';

export type DemoCategory = { slug: string; name: Localized; position: number; motif: IllustrationMotif };

export type DemoProduct = {
  sku: string;
  slug: string;
  category: string;
  name: Localized;
  description: Localized;
  /** Integer yen, tax included as Japanese shops display it. */
  price: number;
  /** Food and non-alcoholic drink are 'reduced' (8 %); alcohol, including hon-mirin, and non-food are 'standard' (10 %). */
  taxClass: 'standard' | 'reduced';
  stock: number;
  createdDaysAgo: number;
  images: number;
};
