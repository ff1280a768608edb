import type { TFunction } from 'i18next';

/**
 * The reasons the server records for an order's state are English prose with
 * no code (ordering's state changes and flows write them). The ones it writes
 * today are recognised and worded in the page's language; another is shown on
 * an English page and left out of a Japanese one rather than shown in English.
 */
const fixedReasons: Readonly<Record<string, string>> = {
  'cancelled by the customer': 'orders.reasons.cancelledByCustomer',
  'cancelled by the shop': 'orders.reasons.cancelledByShop',
  'Cancelled by the shop: the stock could not be confirmed before the hold expired': 'orders.reasons.holdExpired',
};

// reserve-stock-for-orders: `Not enough stock: SKU-1 (1 of 3), SKU-2 (0 of 1)`
const notEnoughStock = /^Not enough stock: (.+)$/;
const shortage = /^(\S+) \((\d+) of (\d+)\)$/;

export function stateReasonText(reason: string | null, t: TFunction, language: string): string | null {
  if (!reason) return null;
  const key = fixedReasons[reason];
  if (key) return t(key);
  const items = notEnoughStock.exec(reason)?.[1]?.split(', ');
  const shortages = items?.map((item) => shortage.exec(item));
  if (shortages?.every(Boolean)) {
    const list = shortages.map((m) =>
      t('orders.reasons.shortage', { sku: m?.[1], available: m?.[2], requested: m?.[3] }),
    );
    return t('orders.reasons.notEnoughStock', { items: list.join(t('orders.reasons.separator')) });
  }
  return language.startsWith('en') ? reason : null;
}
