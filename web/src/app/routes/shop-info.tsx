import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import type { Language } from '@/lib/i18n/languages';
import { NotFoundRoute } from './not-found';

// The shop's fixed pages, in this lazily loaded module rather than the
// locale files: their text is long and only a few visitors open them.
// The operator's details are the demo shop's; a real deployment replaces them.

type Entry = readonly [term: string, description: string];
type InfoPage = { title: string; lead?: string; entries?: readonly Entry[]; paragraphs?: readonly string[] };

const shopInfoPages = ['commerce', 'privacy', 'contact'] as const;
type ShopInfoPage = (typeof shopInfoPages)[number];

const operator = {
  ja: { name: '蔵 Kura 株式会社（デモ）', address: '〒100-0001 東京都千代田区千代田1-1' },
  en: { name: 'Kura K.K. (demo)', address: '1-1 Chiyoda, Chiyoda-ku, Tokyo 100-0001, Japan' },
};
const phone = '03-0000-0000';
const email = 'support@kura.example';

const pages: Record<Language, Record<ShopInfoPage, InfoPage>> = {
  ja: {
    commerce: {
      title: '特定商取引法に基づく表記',
      entries: [
        ['販売業者', operator.ja.name],
        ['運営統括責任者', '蔵 太郎'],
        ['所在地', operator.ja.address],
        ['電話番号', `${phone}（受付時間 平日10時〜17時）`],
        ['メールアドレス', email],
        ['販売価格', '各商品ページに表示（すべて消費税込み）'],
        ['商品代金以外の必要料金', 'なし（送料・代金引換手数料は当店が負担します）'],
        ['お支払い方法', '代金引換'],
        ['お支払い時期', '商品お届け時'],
        ['商品の引渡時期', 'ご注文確定後、ご指定のお届け日（明日から14日後まで）'],
        [
          '返品・交換',
          '商品到着後8日以内にご連絡ください。不良品・誤配送の場合は当社負担で交換します。お客様のご都合による返品は、未開封に限り送料お客様負担で承ります。',
        ],
        ['酒類の販売', '20歳未満の者の飲酒は法律で禁止されています。20歳未満の方には酒類を販売しません。'],
      ],
    },
    privacy: {
      title: 'プライバシーポリシー',
      paragraphs: [
        `${operator.ja.name}（以下「当社」）は、お客様の個人情報を次のとおり取り扱います。`,
        '取得する情報：メールアドレス、表示名、お届け先（郵便番号・住所・お名前・電話番号）、ご注文の内容。',
        '利用目的：ご注文の受付・配送・代金の受領、お問い合わせへの回答、不正利用の防止。',
        '第三者への提供：配送に必要な範囲で配送業者に提供するほか、法令に基づく場合を除き、本人の同意なく提供しません。',
        '安全管理：通信は暗号化し、アクセスできる担当者を限定しています。',
        `開示・訂正・削除のご請求は、${email} までご連絡ください。`,
      ],
    },
    contact: {
      title: 'お問い合わせ',
      lead: 'ご注文・商品についてのご質問は、次の窓口までご連絡ください。ご注文についてのお問い合わせには注文番号を添えてください。',
      entries: [
        ['メール', email],
        ['電話', `${phone}（平日10時〜17時）`],
        ['所在地', operator.ja.address],
      ],
    },
  },
  en: {
    commerce: {
      title: 'Legal notice (Specified Commercial Transactions Act)',
      entries: [
        ['Seller', operator.en.name],
        ['Responsible manager', 'Taro Kura'],
        ['Address', operator.en.address],
        ['Phone', `${phone} (weekdays 10:00–17:00 JST)`],
        ['Email', email],
        ['Prices', 'Shown on each product page, consumption tax included'],
        ['Other charges', 'None (we pay the shipping and the cash-on-delivery fee)'],
        ['Payment', 'Cash on delivery'],
        ['When you pay', 'On delivery'],
        ['Delivery', 'On the day you choose at checkout (tomorrow to 14 days ahead)'],
        [
          'Returns and exchanges',
          'Tell us within 8 days of delivery. Faulty or wrong items are exchanged at our cost; other returns are accepted unopened, shipping at your cost.',
        ],
        [
          'Alcohol',
          'Drinking under the age of 20 is prohibited by law in Japan. We do not sell alcohol to anyone under 20.',
        ],
      ],
    },
    privacy: {
      title: 'Privacy policy',
      paragraphs: [
        `${operator.en.name} ("we") handles your personal information as follows.`,
        'What we collect: your email address, display name, shipping address (postal code, address, name, phone) and your orders.',
        'Why: to take, ship and collect payment for orders, to answer your questions and to prevent abuse.',
        'Sharing: only with the carrier, as far as delivery needs, or where the law requires it; never otherwise without your consent.',
        'Security: connections are encrypted and only the staff who need it can see your data.',
        `To see, correct or delete your data, write to ${email}.`,
      ],
    },
    contact: {
      title: 'Contact us',
      lead: 'Questions about an order or a product: reach us here. For an order, please include its number.',
      entries: [
        ['Email', email],
        ['Phone', `${phone} (weekdays 10:00–17:00 JST)`],
        ['Address', operator.en.address],
      ],
    },
  },
};

const isShopInfoPage = (value: string | undefined): value is ShopInfoPage =>
  (shopInfoPages as readonly string[]).includes(value ?? '');

/** /info/:page — the legal notice, the privacy policy and the contact page, linked from the footer. */
export function ShopInfoRoute() {
  const { i18n } = useTranslation();
  const { page } = useParams();
  if (!isShopInfoPage(page)) return <NotFoundRoute />;
  return <InfoArticle content={pages[i18n.language === 'en' ? 'en' : 'ja'][page]} />;
}

function InfoArticle({ content }: { content: InfoPage }) {
  const { t } = useTranslation();
  useDocumentTitle(content.title);
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{content.title}</h1>
      {content.lead && <p className="leading-relaxed">{content.lead}</p>}
      {content.entries && (
        <dl className="divide-y divide-washi-200 rounded-lg border border-washi-300 bg-white">
          {content.entries.map(([term, description]) => (
            <div key={term} className="grid gap-1 p-4 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt className="font-medium text-sumi-800">{term}</dt>
              <dd className="leading-relaxed">{description}</dd>
            </div>
          ))}
        </dl>
      )}
      {content.paragraphs?.map((paragraph) => (
        <p key={paragraph} className="leading-relaxed">
          {paragraph}
        </p>
      ))}
      <p>
        <Link to="/" className="underline underline-offset-4">
          {t('errors.backHome')}
        </Link>
      </p>
    </article>
  );
}
