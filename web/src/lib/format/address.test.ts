import { describe, expect, it } from 'vitest';
import { formatAddress, prefectureName, prefectureNamesEn, prefectures } from './address';

const tokyo = {
  postalCode: '100-0001',
  prefecture: '東京都',
  city: '千代田区',
  line1: '千代田1-1',
  line2: '',
  name: '山田 花子',
  phone: '03-1234-5678',
} as const;

describe('formatAddress', () => {
  it('writes a Japanese address largest unit first, the parts run together', () => {
    expect(formatAddress(tokyo, 'ja')).toEqual([
      '〒100-0001',
      '東京都千代田区千代田1-1',
      '山田 花子 様',
      '03-1234-5678',
    ]);
  });

  it('keeps a building line on its own line, and spaces parts typed in Latin letters', () => {
    const typedInRomaji = { ...tokyo, city: 'Chiyoda-ku', line1: '1-1 Chiyoda', line2: '蔵ビル 401' };
    expect(formatAddress(typedInRomaji, 'ja')).toEqual([
      '〒100-0001',
      '東京都Chiyoda-ku 1-1 Chiyoda',
      '蔵ビル 401',
      '山田 花子 様',
      '03-1234-5678',
    ]);
  });

  it('writes an English address smallest unit first, with the prefecture romanised', () => {
    const typedInRomaji = {
      ...tokyo,
      city: 'Chiyoda-ku',
      line1: '1-1 Chiyoda',
      line2: 'Kura Bldg 401',
      name: 'Hanako Yamada',
    };
    expect(formatAddress(typedInRomaji, 'en')).toEqual([
      'Hanako Yamada',
      '1-1 Chiyoda, Kura Bldg 401',
      'Chiyoda-ku, Tokyo 100-0001',
      'Japan',
      '03-1234-5678',
    ]);
  });
});

describe('prefectures', () => {
  it('are the 47, north to south, each with a distinct romanised name', () => {
    expect(prefectures).toHaveLength(47);
    expect([prefectures[0], prefectures[12], prefectures[46]]).toEqual(['北海道', '東京都', '沖縄県']);
    expect(new Set(Object.values(prefectureNamesEn)).size).toBe(47);
    expect([prefectureName('大阪府', 'en'), prefectureName('大阪府', 'ja')]).toEqual(['Osaka', '大阪府']);
  });
});
