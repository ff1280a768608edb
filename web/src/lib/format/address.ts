import type { Schemas } from '@/lib/api/client';

export type ShippingAddress = Schemas['ShippingAddress'];
export type Prefecture = ShippingAddress['prefecture'];

/**
 * The 47 prefectures north to south (the order of a prefecture picker), each
 * with its romanised name for the English pages. A Record over the server's
 * enum: a prefecture missing here fails the typecheck.
 */
export const prefectureNamesEn: Record<Prefecture, string> = {
  北海道: 'Hokkaido',
  青森県: 'Aomori',
  岩手県: 'Iwate',
  宮城県: 'Miyagi',
  秋田県: 'Akita',
  山形県: 'Yamagata',
  福島県: 'Fukushima',
  茨城県: 'Ibaraki',
  栃木県: 'Tochigi',
  群馬県: 'Gunma',
  埼玉県: 'Saitama',
  千葉県: 'Chiba',
  東京都: 'Tokyo',
  神奈川県: 'Kanagawa',
  新潟県: 'Niigata',
  富山県: 'Toyama',
  石川県: 'Ishikawa',
  福井県: 'Fukui',
  山梨県: 'Yamanashi',
  長野県: 'Nagano',
  岐阜県: 'Gifu',
  静岡県: 'Shizuoka',
  愛知県: 'Aichi',
  三重県: 'Mie',
  滋賀県: 'Shiga',
  京都府: 'Kyoto',
  大阪府: 'Osaka',
  兵庫県: 'Hyogo',
  奈良県: 'Nara',
  和歌山県: 'Wakayama',
  鳥取県: 'Tottori',
  島根県: 'Shimane',
  岡山県: 'Okayama',
  広島県: 'Hiroshima',
  山口県: 'Yamaguchi',
  徳島県: 'Tokushima',
  香川県: 'Kagawa',
  愛媛県: 'Ehime',
  高知県: 'Kochi',
  福岡県: 'Fukuoka',
  佐賀県: 'Saga',
  長崎県: 'Nagasaki',
  熊本県: 'Kumamoto',
  大分県: 'Oita',
  宮崎県: 'Miyazaki',
  鹿児島県: 'Kagoshima',
  沖縄県: 'Okinawa',
};

export const prefectures = Object.keys(prefectureNamesEn) as Prefecture[];

/** A prefecture as the page's language names it. */
export function prefectureName(prefecture: Prefecture, language: string): string {
  return language === 'en' ? prefectureNamesEn[prefecture] : prefecture;
}

// Parts typed in Latin letters or digits on both sides of a join need a space
// ("Chiyoda-ku 1-1"); Japanese script runs on without one ("千代田区千代田1-1").
const latinEnd = /[A-Za-z0-9.]$/;
const latinStart = /^[A-Za-z0-9]/;

function joinJapanese(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .reduce(
      (joined, part) =>
        joined && latinEnd.test(joined) && latinStart.test(part) ? `${joined} ${part}` : joined + part,
      '',
    );
}

/**
 * A shipping address as the lines a label shows. Japanese pages write it the
 * Japanese way, largest unit first (〒100-0001 / 東京都千代田区千代田1-1 /
 * building / name 様); English pages the way an English reader expects,
 * smallest first (name / 1-1 Chiyoda, building / Chiyoda-ku, Tokyo 100-0001 /
 * Japan). Every page that shows an address uses this.
 */
export function formatAddress(address: ShippingAddress, language: string): string[] {
  const line2 = address.line2?.trim() ?? '';
  if (language === 'en') {
    return [
      address.name,
      [address.line1, line2].filter(Boolean).join(', '),
      `${address.city}, ${prefectureNamesEn[address.prefecture]} ${address.postalCode}`,
      'Japan',
      address.phone,
    ];
  }
  return [
    `〒${address.postalCode}`,
    joinJapanese([address.prefecture, address.city, address.line1]),
    ...(line2 ? [line2] : []),
    `${address.name} 様`,
    address.phone,
  ];
}
