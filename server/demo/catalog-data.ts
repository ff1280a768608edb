import { buildDemoProducts } from './build-products.js';
import { kitchenToolsGroup, tablewareGroup } from './lines-crafts.js';
import { driedGoodsGroup, riceGroup } from './lines-dried-rice.js';
import { sakeGroup, shochuGroup, teaGroup } from './lines-drinks.js';
import { misoSoyGroup, seasoningsGroup } from './lines-pantry.js';
import { picklesGroup, wagashiGroup } from './lines-pickles-sweets.js';

export type { DemoCategory, DemoProduct } from './demo-types.js';

import type { DemoCategory, DemoProduct } from './demo-types.js';

export const demoCategories: readonly DemoCategory[] = [
  { slug: 'sake', name: { ja: '日本酒', en: 'Sake' }, position: 1, motif: 'sake-bottle' },
  { slug: 'shochu-umeshu', name: { ja: '焼酎・梅酒', en: 'Shochu & Umeshu' }, position: 2, motif: 'shochu-bottle' },
  { slug: 'japanese-tea', name: { ja: '日本茶', en: 'Japanese Tea' }, position: 3, motif: 'tea' },
  { slug: 'miso-soy-sauce', name: { ja: '味噌・醤油', en: 'Miso & Soy Sauce' }, position: 4, motif: 'miso-jar' },
  { slug: 'seasonings', name: { ja: '調味料', en: 'Seasonings' }, position: 5, motif: 'soy-bottle' },
  {
    slug: 'dried-goods-dashi',
    name: { ja: '乾物・出汁', en: 'Dried Goods & Dashi' },
    position: 6,
    motif: 'dried-goods',
  },
  { slug: 'rice-grains', name: { ja: '米・雑穀', en: 'Rice & Grains' }, position: 7, motif: 'rice-bag' },
  { slug: 'pickles', name: { ja: '漬物・佃煮', en: 'Pickles & Tsukudani' }, position: 8, motif: 'pickles' },
  { slug: 'wagashi', name: { ja: '和菓子', en: 'Japanese Sweets' }, position: 9, motif: 'wagashi' },
  { slug: 'kitchen-tools', name: { ja: '台所道具', en: 'Kitchen Tools' }, position: 10, motif: 'knife' },
  { slug: 'tableware', name: { ja: '器', en: 'Tableware' }, position: 11, motif: 'tableware' },
];

export const demoProducts: readonly DemoProduct[] = buildDemoProducts([
  sakeGroup,
  shochuGroup,
  teaGroup,
  misoSoyGroup,
  seasoningsGroup,
  driedGoodsGroup,
  riceGroup,
  picklesGroup,
  wagashiGroup,
  kitchenToolsGroup,
  tablewareGroup,
]);
