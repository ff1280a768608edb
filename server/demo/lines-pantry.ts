import { contentsNote, type ProductGroup } from './build-products.js';

export const misoSoyGroup: ProductGroup = {
  category: 'miso-soy-sauce',
  skuPrefix: 'MSO',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'shinshu-naturally-brewed-rice-miso',
      name: { ja: '信州 天然醸造 米味噌', en: 'Shinshu Naturally Brewed Rice Miso' },
      description: {
        ja: '長野の蔵で一年間、自然の温度にまかせて熟成させた米味噌です。穏やかな塩味と麹の香りで、毎日の味噌汁に向いています。',
        en: 'Rice miso matured for a full year at natural temperature in a Nagano brewery. Mild saltiness and a koji aroma, ideal for daily miso soup.',
      },
      sizes: [
        ['750g', '750 g', 756],
        ['1kg', '1 kg', 972],
      ],
    },
    {
      key: 'sendai-red-miso',
      name: { ja: '仙台 赤味噌', en: 'Sendai Red Miso' },
      description: {
        ja: '宮城で長期熟成させた辛口の赤味噌です。豚汁や味噌炒めにすると深いコクが出ます。',
        en: 'A salty, long-aged red miso from Miyagi. It brings deep richness to pork miso soup and stir-fries.',
      },
      sizes: [['1kg', '1 kg', 1080]],
    },
    {
      key: 'mikawa-mame-miso',
      name: { ja: '三河 豆味噌', en: 'Mikawa Mame Miso (Soybean Miso)' },
      description: {
        ja: '愛知・三河で大豆と塩だけを木桶で二年熟成させた豆味噌です。うま味が濃く、味噌煮込みや田楽に欠かせません。',
        en: 'Made from only soybeans and salt, aged two years in wooden vats in Mikawa, Aichi. Intensely savoury — essential for miso stews and dengaku.',
      },
      sizes: [
        ['500g', '500 g', 702],
        ['1kg', '1 kg', 1296],
      ],
    },
    {
      key: 'kyoto-saikyo-white-miso',
      name: { ja: '京都 西京白味噌', en: 'Kyoto Saikyo Sweet White Miso' },
      description: {
        ja: '米麹をたっぷり使った、甘くなめらかな京都の白味噌です。魚の西京漬けやお雑煮に使います。',
        en: 'A sweet, silky Kyoto white miso made with plenty of rice koji. Use it for saikyo-style fish marinades and New Year ozoni soup.',
      },
      sizes: [['500g', '500 g', 864]],
    },
    {
      key: 'kyushu-mugi-miso',
      name: { ja: '九州 麦味噌', en: 'Kyushu Mugi Miso (Barley Miso)' },
      description: {
        ja: '大分で麦麹を使って仕込んだ、甘口で香ばしい麦味噌です。冷や汁にするとおいしさが際立ちます。',
        en: 'Sweet, toasty barley miso made with barley koji in Oita. Especially good in chilled hiyajiru soup.',
      },
      sizes: [['1kg', '1 kg', 918]],
    },
    {
      key: 'homemade-miso-kit',
      name: { ja: '手作り味噌キット', en: 'Homemade Miso Kit' },
      description: {
        ja: '国産大豆・米麹・塩がそろった手作り味噌のセットです。仕込みから約半年で、約4kgの味噌ができあがります。',
        en: 'Domestic soybeans, rice koji and salt: everything needed to make your own miso. Makes about 4 kg, ready in around six months.',
      },
      price: 4320,
    },
    {
      key: 'reduced-salt-awase-miso',
      name: { ja: '減塩 合わせ味噌', en: 'Reduced-Salt Awase Miso' },
      description: {
        ja: '米味噌と豆味噌を合わせ、塩分を25%控えた合わせ味噌です。だしの風味をしっかり感じられます。',
        en: 'A blend of rice and soybean miso with 25 % less salt. The flavour of the dashi comes through clearly.',
      },
      sizes: [['650g', '650 g', 594]],
    },
    {
      key: 'shodoshima-barrel-koikuchi-soy-sauce',
      name: { ja: '小豆島 木桶仕込み 濃口醤油', en: 'Shodoshima Barrel-Brewed Koikuchi Soy Sauce' },
      description: {
        ja: '香川・小豆島の蔵で、杉の大桶を使って二年かけて熟成させた濃口醤油です。まろやかな香りで、刺身やお浸しがぐっと引き立ちます。',
        en: 'Dark soy sauce aged for two years in large cedar vats on Shodoshima, Kagawa. Its mellow aroma lifts sashimi and blanched greens.',
      },
      sizes: [
        ['500ml', '500 ml', 756],
        ['1L', '1 L', 1296],
        ['1.8L', '1.8 L', 2160],
      ],
    },
    {
      key: 'tatsuno-usukuchi-soy-sauce',
      name: { ja: '龍野 淡口醤油', en: 'Tatsuno Usukuchi Light Soy Sauce' },
      description: {
        ja: '兵庫・龍野で造られる、色が淡く塩味のしっかりした淡口醤油です。素材の色を生かしたい煮物やお吸い物に向いています。',
        en: 'From Tatsuno, Hyogo: pale in colour but firmly salty. Use it in simmered dishes and clear soups where you want to keep the ingredients’ natural colour.',
      },
      sizes: [
        ['1L', '1 L', 594],
        ['1.8L', '1.8 L', 980],
      ],
    },
    {
      key: 'yanai-saishikomi-soy-sauce',
      name: { ja: '柳井 再仕込み醤油', en: 'Yanai Saishikomi Double-Brewed Soy Sauce' },
      description: {
        ja: '山口・柳井に伝わる、醤油で醤油を仕込む再仕込み製法で造りました。濃厚な甘みとうま味があり、刺身やお寿司のつけ醤油に最適です。',
        en: 'Brewed the traditional Yanai way, using soy sauce instead of brine for a second brew. Thick, sweet and deeply savoury — perfect for dipping sashimi and sushi.',
      },
      sizes: [['360ml', '360 ml', 864]],
    },
    {
      key: 'aichi-tamari-soy-sauce',
      name: { ja: '愛知 たまり醤油', en: 'Aichi Tamari Soy Sauce' },
      description: {
        ja: '大豆を主原料に、じっくり熟成させたとろみのあるたまり醤油です。照り焼きに使うと色よく仕上がります。',
        en: 'A thick tamari made mainly from soybeans and slowly matured. It gives teriyaki and glazes a beautiful gloss.',
      },
      sizes: [['500ml', '500 ml', 702]],
    },
    {
      key: 'hekinan-shiro-soy-sauce',
      name: { ja: '碧南 白醤油', en: 'Hekinan Shiro White Soy Sauce' },
      description: {
        ja: '愛知・碧南で造る、琥珀色の白醤油です。茶碗蒸しやうどんつゆに使うと、上品な色に仕上がります。',
        en: 'An amber-coloured white soy sauce from Hekinan, Aichi. It keeps chawanmushi and udon broth elegantly pale.',
      },
      sizes: [['300ml', '300 ml', 648]],
    },
    {
      key: 'reduced-salt-soy-sauce',
      name: { ja: '減塩 醤油', en: 'Reduced-Salt Soy Sauce' },
      description: {
        ja: '塩分を約50%カットしながら、醤油本来の香りを残しました。開栓後は冷蔵庫で保存してください。',
        en: 'About half the salt of regular soy sauce, without losing its aroma. Keep it in the fridge after opening.',
      },
      sizes: [['750ml', '750 ml', 540]],
    },
  ],
};

export const seasoningsGroup: ProductGroup = {
  category: 'seasonings',
  skuPrefix: 'SEA',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'mikawa-hon-mirin',
      name: { ja: '三河 本みりん', en: 'Mikawa Hon-Mirin' },
      description: {
        ja: 'もち米・米麹・焼酎だけで二年熟成させた本みりんです。アルコールを含むお酒の仲間で、煮物に上品な甘みと照りを与えます。',
        en: 'True mirin made only from glutinous rice, rice koji and shochu, aged for two years. Classed as an alcoholic drink, it gives simmered dishes a refined sweetness and gloss.',
      },
      sizes: [
        ['700ml', '700 ml', 1320],
        ['1.8L', '1.8 L', 2860],
      ],
      taxClass: 'standard',
    },
    {
      key: 'junmai-cooking-sake',
      name: { ja: '料理用 純米酒', en: 'Junmai Cooking Sake' },
      description: {
        ja: '塩を加えていない料理用の純米酒です。肉や魚の臭みを消し、料理にうま味とふくらみを加えます。',
        en: 'Unsalted junmai sake made for cooking. It softens fishy and gamey notes and adds depth to any dish.',
      },
      sizes: [['1L', '1 L', 990]],
      taxClass: 'standard',
    },
    {
      key: 'kyoto-junmai-rice-vinegar',
      name: { ja: '京都 純米酢', en: 'Kyoto Junmai Rice Vinegar' },
      description: {
        ja: '京都で米と水だけから造った、まろやかな酸味の純米酢です。すし飯や酢の物がやさしい味に仕上がります。',
        en: 'A mellow rice vinegar brewed in Kyoto from just rice and water. It makes gentle-tasting sushi rice and vinegared salads.',
      },
      sizes: [
        ['500ml', '500 ml', 486],
        ['900ml', '900 ml', 756],
      ],
    },
    {
      key: 'fukuyama-kurozu-black-vinegar',
      name: { ja: '福山 壺造り黒酢', en: 'Fukuyama Jar-Brewed Kurozu Black Vinegar' },
      description: {
        ja: '鹿児島・福山で屋外に並べた壺の中で一年以上発酵させた黒酢です。水や炭酸水で割って飲むこともできます。',
        en: 'Fermented for over a year in clay jars set out in the open air at Fukuyama, Kagoshima. It can also be diluted with water or soda as a drink.',
      },
      sizes: [['500ml', '500 ml', 1296]],
    },
    {
      key: 'tosa-yuzu-ponzu',
      name: { ja: '土佐 ゆずポン酢', en: 'Tosa Yuzu Ponzu' },
      description: {
        ja: '高知県産の柚子果汁をたっぷり使ったポン酢です。鍋物や焼き魚のほか、サラダのドレッシングにも使えます。',
        en: 'Ponzu made with plenty of yuzu juice from Kochi. For hot pots and grilled fish, or as a salad dressing.',
      },
      sizes: [['360ml', '360 ml', 648]],
    },
    {
      key: 'shiro-dashi-concentrate',
      name: { ja: '白だし', en: 'Shiro Dashi Concentrate' },
      description: {
        ja: '昆布とかつお節のだしに白醤油を合わせた濃縮白だしです。お湯で薄めるだけで、お吸い物や茶碗蒸しが作れます。',
        en: 'A concentrate of kombu and bonito dashi with white soy sauce. Just dilute it with hot water for clear soups or chawanmushi.',
      },
      sizes: [['500ml', '500 ml', 756]],
    },
    {
      key: 'kyoto-shichimi-togarashi',
      name: { ja: '京 七味唐辛子', en: 'Kyoto Shichimi Togarashi' },
      description: {
        ja: '唐辛子・山椒・黒胡麻・青のりなど七種を合わせた、香りの高い七味です。うどんや焼き鳥にひと振りどうぞ。',
        en: 'A fragrant blend of seven spices including chilli, sansho, black sesame and aonori. Sprinkle it over udon or yakitori.',
      },
      sizes: [['15g', '15 g', 540]],
    },
    {
      key: 'wakayama-budo-sansho-ground',
      name: { ja: '和歌山 ぶどう山椒 粉', en: 'Wakayama Budo Sansho Pepper, Ground' },
      description: {
        ja: '和歌山の山あいで育つ、粒の大きなぶどう山椒を挽いた粉山椒です。うなぎや麻婆豆腐に爽やかな痺れを添えます。',
        en: 'Ground from large-berried budo sansho grown in the Wakayama hills. It adds a bright, tingling note to eel and mapo tofu.',
      },
      sizes: [['10g', '10 g', 648]],
    },
    {
      key: 'oita-yuzu-kosho',
      name: { ja: '大分 柚子胡椒', en: 'Oita Yuzu Kosho' },
      description: {
        ja: '青柚子の皮と青唐辛子を塩で漬け込んだ柚子胡椒です。鍋や刺身、ステーキの薬味に合います。',
        en: 'Green yuzu peel and green chillies cured in salt. A lively condiment for hot pots, sashimi and steak.',
      },
      sizes: [['50g', '50 g', 540]],
    },
    {
      key: 'setouchi-moshio-seaweed-salt',
      name: { ja: '瀬戸内 藻塩', en: 'Setouchi Moshio Seaweed Salt' },
      description: {
        ja: '瀬戸内の海水に海藻のうま味を移して炊き上げた藻塩です。天ぷらやおにぎりに使うと、まろやかな塩味が引き立ちます。',
        en: 'Sea salt from the Seto Inland Sea, simmered with seaweed for extra umami. Its mellow saltiness shines on tempura and rice balls.',
      },
      sizes: [['100g', '100 g', 648]],
    },
    {
      key: 'tamajime-sesame-oil',
      name: { ja: '玉締め 胡麻油', en: 'Tamajime Cold-Pressed Sesame Oil' },
      description: {
        ja: '昔ながらの玉締め圧搾で、時間をかけて搾った胡麻油です。香ばしさが穏やかで、和え物や炒め物に使いやすい一本です。',
        en: 'Slowly pressed with a traditional stone press. Mildly toasty and easy to use in dressings and stir-fries.',
      },
      sizes: [['340g', '340 g', 1080]],
    },
    {
      key: 'shio-koji',
      name: { ja: '塩麹', en: 'Shio Koji' },
      description: {
        ja: '米麹と塩を発酵させた万能調味料です。肉や魚を漬けておくと、やわらかくうま味のある仕上がりになります。',
        en: 'Fermented rice koji and salt, an all-purpose seasoning. Marinate meat or fish in it for tender, savoury results.',
      },
      sizes: [['200g', '200 g', 432]],
    },
    {
      key: 'dried-rice-koji',
      name: { ja: '乾燥 米麹', en: 'Dried Rice Koji' },
      description: {
        ja: '甘酒や塩麹、味噌作りに使える乾燥米麹です。常温で保存でき、使いたいときにすぐ使えます。',
        en: 'Dried rice koji for making amazake, shio koji or miso. It keeps at room temperature until you need it.',
      },
      sizes: [['500g', '500 g', 864]],
    },
    {
      key: 'white-neri-goma-sesame-paste',
      name: { ja: '練り胡麻 白', en: 'White Neri Goma Sesame Paste' },
      description: {
        ja: '煎った白胡麻を、なめらかになるまで練り上げました。胡麻和えや担々麺、ドレッシングに使えます。',
        en: 'Toasted white sesame ground until silky smooth. Use it for goma-ae, tantanmen or dressings.',
      },
      sizes: [['300g', '300 g', 756]],
    },
  ],
};
