import { contentsNote, type ProductGroup } from './build-products.js';

export const driedGoodsGroup: ProductGroup = {
  category: 'dried-goods-dashi',
  skuPrefix: 'DRY',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'rishiri-kombu',
      name: { ja: '利尻昆布', en: 'Rishiri Kombu' },
      description: {
        ja: '北海道・利尻島周辺で採れた、澄んだ上品なだしが取れる昆布です。京料理のお吸い物にも使われます。',
        en: 'Kombu harvested around Rishiri Island, Hokkaido, for a clear and refined dashi. Prized for Kyoto-style clear soups.',
      },
      sizes: [
        ['100g', '100 g', 1296],
        ['250g', '250 g', 2980],
      ],
    },
    {
      key: 'hidaka-kombu',
      name: { ja: '日高昆布', en: 'Hidaka Kombu' },
      description: {
        ja: '煮えやすくやわらかい、北海道・日高産の昆布です。だしを取ったあとは、おでんや昆布巻きにしてそのまま食べられます。',
        en: 'Soft, quick-cooking kombu from Hidaka, Hokkaido. After making dashi, you can eat it in oden or kombu rolls.',
      },
      sizes: [['200g', '200 g', 864]],
    },
    {
      key: 'rausu-kombu',
      name: { ja: '羅臼昆布', en: 'Rausu Kombu' },
      description: {
        ja: '知床・羅臼の海で育った、濃厚で香り高いだしが出る昆布です。短時間でしっかりとしたうま味が出ます。',
        en: 'Kombu from the waters of Rausu on the Shiretoko peninsula. It releases a rich, aromatic dashi in a short time.',
      },
      sizes: [['100g', '100 g', 1620]],
    },
    {
      key: 'makurazaki-honkarebushi-bonito-flakes',
      name: { ja: '枕崎 本枯節 削り節', en: 'Makurazaki Honkarebushi Bonito Flakes' },
      description: {
        ja: '鹿児島・枕崎でカビ付けを重ねた本枯節を薄く削りました。開封後は密閉して冷蔵庫で保存してください。',
        en: 'Shaved from honkarebushi, bonito matured with repeated mould cultures in Makurazaki, Kagoshima. Once opened, seal it tightly and keep it refrigerated.',
      },
      sizes: [['80g', '80 g', 1080]],
    },
    {
      key: 'yaizu-hana-katsuo',
      name: { ja: '焼津 花かつお', en: 'Yaizu Hana-Katsuo Bonito Flakes' },
      description: {
        ja: '静岡・焼津で削った、ふんわり大判の花かつおです。お好み焼きや冷奴、毎日のだし取りにどうぞ。',
        en: 'Large, fluffy bonito flakes shaved in Yaizu, Shizuoka. For okonomiyaki, cold tofu and everyday dashi.',
      },
      sizes: [['100g', '100 g', 594]],
    },
    {
      key: 'kombu-bonito-dashi-packs',
      name: { ja: '昆布と鰹のだしパック', en: 'Kombu & Bonito Dashi Packs' },
      description: {
        ja: '国産の昆布・かつお節・椎茸を粉砕して詰めた、煮出すだけのだしパックです。水400mlに1袋が目安です。',
        en: 'Domestic kombu, bonito and shiitake in convenient bags — just simmer. Use one bag per 400 ml of water.',
      },
      sizes: [
        ['8g×10袋', '8 g × 10 bags', 594],
        ['8g×30袋', '8 g × 30 bags', 1512],
      ],
    },
    {
      key: 'nagasaki-yakiago-dashi-packs',
      name: { ja: '長崎 焼きあご だしパック', en: 'Nagasaki Yakiago Flying Fish Dashi Packs' },
      description: {
        ja: '長崎県産のトビウオを炭火で焼いて干した、焼きあご入りのだしパックです。すっきりと上品で、雑煮やラーメンのスープにも合います。',
        en: 'Made with flying fish from Nagasaki, charcoal-grilled and dried. Clean and elegant — good for ozoni and ramen broth too.',
      },
      sizes: [['8g×20袋', '8 g × 20 bags', 1296]],
    },
    {
      key: 'oita-donko-dried-shiitake',
      name: { ja: '大分 干し椎茸 どんこ', en: 'Oita Donko Dried Shiitake' },
      description: {
        ja: '原木で育った、肉厚のどんこ椎茸です。冷蔵庫で一晩かけて水で戻すと、香りとうま味がよく出ます。',
        en: 'Thick-capped donko shiitake grown on oak logs in Oita. Rehydrate them overnight in the fridge for the best aroma and flavour.',
      },
      sizes: [['80g', '80 g', 1620]],
    },
    {
      key: 'sliced-dried-shiitake',
      name: { ja: '干し椎茸 スライス', en: 'Sliced Dried Shiitake' },
      description: {
        ja: '国産の原木椎茸をスライスして乾燥させました。戻し時間が短く、炊き込みご飯や炒め物に便利です。',
        en: 'Log-grown domestic shiitake, sliced and dried. They rehydrate quickly and are handy for mixed rice and stir-fries.',
      },
      sizes: [['50g', '50 g', 540]],
    },
    {
      key: 'ibukijima-iriko-dried-sardines',
      name: { ja: '伊吹島 いりこ', en: 'Ibukijima Iriko Dried Sardines' },
      description: {
        ja: '香川・伊吹島で水揚げ後すぐに釜茹でして干した煮干しです。頭とはらわたを取ると、雑味のないだしが取れます。',
        en: 'Sardines boiled and dried right after landing on Ibukijima, Kagawa. Remove the heads and innards for a clean-tasting dashi.',
      },
      sizes: [['200g', '200 g', 756]],
    },
    {
      key: 'koya-dofu-freeze-dried-tofu',
      name: { ja: '高野豆腐', en: 'Koya-Dofu Freeze-Dried Tofu' },
      description: {
        ja: '昔ながらの製法で作った凍り豆腐です。ぬるま湯で戻し、だしをたっぷり含ませて煮含めてください。',
        en: 'Traditional freeze-dried tofu. Soak it in warm water, then simmer it in plenty of dashi so it soaks up the flavour.',
      },
      sizes: [['10個', '10 pieces', 432]],
    },
    {
      key: 'miyazaki-kiriboshi-daikon',
      name: { ja: '宮崎 切り干し大根', en: 'Miyazaki Kiriboshi Daikon' },
      description: {
        ja: '冬の冷たい風と日差しで干し上げた、宮崎産の切り干し大根です。甘みが凝縮し、煮物やはりはり漬けに向いています。',
        en: 'Daikon strips dried by the cold winter wind and sun in Miyazaki. Concentrated sweetness, good for simmered dishes and crunchy pickles.',
      },
      sizes: [['100g', '100 g', 378]],
    },
    {
      key: 'ariake-yaki-nori',
      name: { ja: '有明海 焼海苔', en: 'Ariake Yaki Nori' },
      description: {
        ja: '佐賀・有明海産の一番摘みの海苔を、香ばしく焼き上げました。おにぎりや手巻き寿司にどうぞ。',
        en: 'First-harvest nori from the Ariake Sea in Saga, toasted until fragrant. For rice balls and hand-rolled sushi.',
      },
      sizes: [
        ['全形10枚', '10 full sheets', 864],
        ['全形30枚', '30 full sheets', 2376],
      ],
    },
    {
      key: 'ise-hijiki-seaweed',
      name: { ja: '伊勢 芽ひじき', en: 'Ise Hijiki Seaweed' },
      description: {
        ja: '三重・伊勢の海で採れた、やわらかな芽ひじきです。水で20分ほど戻し、煮物や炊き込みご飯に使えます。',
        en: 'Tender hijiki buds from the sea off Ise, Mie. Soak them for about 20 minutes, then use them in simmered dishes or mixed rice.',
      },
      sizes: [['30g', '30 g', 540]],
    },
    {
      key: 'chino-kanten-agar-sticks',
      name: { ja: '茅野 棒寒天', en: 'Chino Kanten Agar Sticks' },
      description: {
        ja: '長野・茅野の冬の寒さを利用して作る、昔ながらの棒寒天です。水ようかんやところてん作りに使えます。',
        en: 'Traditional agar sticks made using the winter cold of Chino, Nagano. For making mizu yokan and tokoroten jelly.',
      },
      sizes: [['2本', '2 sticks', 432]],
    },
    {
      key: 'miwa-hand-stretched-somen',
      name: { ja: '三輪 手延べそうめん', en: 'Miwa Hand-Stretched Somen' },
      description: {
        ja: '奈良・三輪で冬の間に手延べし、蔵で寝かせたそうめんです。細くてもコシが強く、茹でても伸びにくいのが特長です。',
        en: 'Thin noodles hand-stretched through the winter in Miwa, Nara, then rested in storehouses. Fine yet firm, they don’t go soft quickly after boiling.',
      },
      sizes: [['250g', '250 g', 648]],
    },
    {
      key: 'shinshu-juwari-soba-dried',
      name: { ja: '信州 十割そば 乾麺', en: 'Shinshu Juwari Soba (Dried)' },
      description: {
        ja: '長野県産のそば粉だけで打った十割そばの乾麺です。茹で時間は約5分で、そばの香りがしっかり感じられます。',
        en: 'Dried noodles made from 100 % Nagano buckwheat flour. They cook in about five minutes with a pronounced buckwheat aroma.',
      },
      sizes: [['200g', '200 g', 540]],
    },
  ],
};

export const riceGroup: ProductGroup = {
  category: 'rice-grains',
  skuPrefix: 'RIC',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'uonuma-koshihikari-rice',
      name: { ja: '新潟 魚沼産コシヒカリ', en: 'Uonuma Koshihikari Rice, Niigata' },
      description: {
        ja: '新潟・魚沼の昼夜の寒暖差の中で育ったコシヒカリです。粘りと甘みが強く、冷めてもおいしいお米です。',
        en: 'Koshihikari grown in Uonuma, Niigata, where the days are warm and the nights cool. Sticky, sweet, and still delicious when cold.',
      },
      sizes: [
        ['2kg', '2 kg', 2480],
        ['5kg', '5 kg', 5980],
      ],
    },
    {
      key: 'hokkaido-yumepirika-rice',
      name: { ja: '北海道 ゆめぴりか', en: 'Hokkaido Yumepirika Rice' },
      description: {
        ja: '北海道を代表する品種、ゆめぴりかです。もっちりとした粘りと濃い甘みがあり、炊き上がりのつやが見事です。',
        en: 'Yumepirika, Hokkaido’s signature rice variety. Soft and sticky with a rich sweetness and a beautiful gloss when cooked.',
      },
      sizes: [
        ['2kg', '2 kg', 1980],
        ['5kg', '5 kg', 4380],
      ],
    },
    {
      key: 'yamagata-tsuyahime-rice',
      name: { ja: '山形 つや姫', en: 'Yamagata Tsuyahime Rice' },
      description: {
        ja: '山形で大切に育てられたつや姫です。粒が大きく、炊き上がりの白さとつやが際立ちます。',
        en: 'Tsuyahime rice carefully grown in Yamagata. Large grains that cook up remarkably white and glossy.',
      },
      sizes: [['5kg', '5 kg', 4580]],
    },
    {
      key: 'miyagi-sasanishiki-rice',
      name: { ja: '宮城 ササニシキ', en: 'Miyagi Sasanishiki Rice' },
      description: {
        ja: 'あっさりとした口当たりで、粒離れのよいササニシキです。寿司飯や和食によく合います。',
        en: 'Sasanishiki has a light texture and grains that stay separate. Excellent for sushi rice and Japanese home cooking.',
      },
      sizes: [['5kg', '5 kg', 4280]],
    },
    {
      key: 'akita-komachi-brown-rice',
      name: { ja: '秋田 あきたこまち 玄米', en: 'Akita Komachi Brown Rice' },
      description: {
        ja: '秋田県産あきたこまちの玄米です。一晩浸水させてから炊くと、ふっくら仕上がります。',
        en: 'Brown rice of the Akita Komachi variety, grown in Akita. Soak it overnight before cooking for a tender, plump result.',
      },
      sizes: [['5kg', '5 kg', 3980]],
    },
    {
      key: 'saga-hiyokumochi-glutinous-rice',
      name: { ja: '佐賀 もち米 ヒヨクモチ', en: 'Saga Hiyokumochi Glutinous Rice' },
      description: {
        ja: '佐賀県産のもち米、ヒヨクモチです。お餅つきやおこわ、お赤飯作りにどうぞ。',
        en: 'Hiyokumochi glutinous rice from Saga. For pounding mochi, okowa and festive sekihan.',
      },
      sizes: [['1.4kg', '1.4 kg', 1080]],
    },
    {
      key: 'fifteen-grain-rice-blend',
      name: { ja: '十五穀米', en: 'Fifteen-Grain Rice Blend' },
      description: {
        ja: 'もち麦・黒米・赤米・きびなど、十五種類の国産雑穀をブレンドしました。白米2合に大さじ2を混ぜて炊くだけです。',
        en: 'Fifteen domestic grains including barley, black rice, red rice and millet. Add two tablespoons to two cups of white rice and cook as usual.',
      },
      sizes: [['300g', '300 g', 756]],
    },
    {
      key: 'tochigi-oshimugi-pressed-barley',
      name: { ja: '栃木 押麦', en: 'Tochigi Oshimugi Pressed Barley' },
      description: {
        ja: '栃木県産の大麦を蒸して押しつぶした押麦です。ぷちぷちとした食感で、麦ごはんやスープに使えます。',
        en: 'Barley from Tochigi, steamed and rolled flat. A pleasant chewy pop in barley rice and soups.',
      },
      sizes: [['800g', '800 g', 432]],
    },
    {
      key: 'iwate-mochikibi-millet',
      name: { ja: '岩手 もちきび', en: 'Iwate Mochikibi Millet' },
      description: {
        ja: '岩手の畑で育った、もちもちとした食感のもちきびです。ごはんに混ぜると、ほんのり黄色く色づきます。',
        en: 'Sticky millet grown in the fields of Iwate. Mixed into rice, it adds a soft yellow colour and a chewy texture.',
      },
      sizes: [['300g', '300 g', 648]],
    },
    {
      key: 'okayama-black-rice',
      name: { ja: '岡山 黒米', en: 'Okayama Black Rice' },
      description: {
        ja: '古代米の一種、岡山県産の黒米です。白米に少し混ぜて炊くと、美しい紫色のごはんになります。',
        en: 'An ancient heritage grain from Okayama. A spoonful cooked with white rice turns it a beautiful purple.',
      },
      sizes: [['300g', '300 g', 702]],
    },
    {
      key: 'chiba-fusaotome-rinse-free-rice',
      name: { ja: '千葉 無洗米 ふさおとめ', en: 'Chiba Fusaotome Rinse-Free Rice' },
      description: {
        ja: 'とがずにそのまま炊ける無洗米です。千葉の早場米ふさおとめを使った、あっさりとした味わいです。',
        en: 'Rinse-free rice that goes straight into the cooker. Made from Fusaotome, an early-harvest variety from Chiba, with a light flavour.',
      },
      sizes: [['5kg', '5 kg', 3780]],
    },
    {
      key: 'niigata-rice-flour',
      name: { ja: '新潟 米粉', en: 'Niigata Rice Flour' },
      description: {
        ja: '新潟県産のうるち米を細かく製粉した米粉です。天ぷらの衣やパン、お菓子作りに使えます。',
        en: 'Finely milled from Niigata non-glutinous rice. Use it for tempura batter, bread and baking.',
      },
      sizes: [['500g', '500 g', 486]],
    },
  ],
};
