import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '@/lib/i18n/locales/en.json';
import ja from '@/lib/i18n/locales/ja.json';
import { stateReasonText } from './state-reason';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja' });
});

describe('the reason for an order’s state', () => {
  it('words the reasons the server writes in Japanese', () => {
    expect(stateReasonText('cancelled by the customer', i18n.t, 'ja')).toBe(ja.orders.reasons.cancelledByCustomer);
    expect(stateReasonText('cancelled by the shop', i18n.t, 'ja')).toBe(ja.orders.reasons.cancelledByShop);
    expect(
      stateReasonText('Cancelled by the shop: the stock could not be confirmed before the hold expired', i18n.t, 'ja'),
    ).toBe(ja.orders.reasons.holdExpired);
  });

  it('lists each shortage of a rejected order', () => {
    const text = stateReasonText('Not enough stock: SAKE-001 (1 of 3), MISO-2 (0 of 1)', i18n.t, 'ja');
    expect(text).toContain('SAKE-001');
    expect(text).toContain('MISO-2');
    expect(text).not.toMatch(/Not enough| of /);
  });

  it('leaves a reason it does not know out of a Japanese page, and shows it on an English one', () => {
    expect(stateReasonText('lost in the warehouse', i18n.t, 'ja')).toBeNull();
    expect(stateReasonText('lost in the warehouse', i18n.t, 'en')).toBe('lost in the warehouse');
    expect(stateReasonText(null, i18n.t, 'ja')).toBeNull();
  });
});
