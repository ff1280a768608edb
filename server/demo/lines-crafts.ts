import type { ProductGroup, SizeNote } from './build-products.js';

const bladeNote: SizeNote = (size) => ({ ja: `刃渡り：${size.ja}。`, en: `Blade length: ${size.en}.` });
const widthNote: SizeNote = (size) => ({ ja: `サイズ：幅${size.ja}。`, en: `Width: ${size.en}.` });
const capacityNote: SizeNote = (size) => ({ ja: `容量：${size.ja}。`, en: `Capacity: ${size.en}.` });
const sizeNote: SizeNote = (size) => ({ ja: `サイズ：${size.ja}。`, en: `Size: ${size.en}.` });
const lengthNote: SizeNote = (size) => ({ ja: `長さ：${size.ja}。`, en: `Length: ${size.en}.` });

export const kitchenToolsGroup: ProductGroup = {
  category: 'kitchen-tools',
  skuPrefix: 'KIT',
  taxClass: 'standard',
  sizeNote: bladeNote,
  lines: [
    {
      key: 'seki-santoku-knife',
      name: { ja: '関 三徳包丁', en: 'Seki Santoku Knife' },
      description: {
        ja: '岐阜・関の刃物職人が仕上げた、肉・魚・野菜に使える万能の三徳包丁です。ステンレス割込で錆びにくく、手入れも簡単です。',
        en: 'An all-purpose santoku for meat, fish and vegetables, finished by blade smiths in Seki, Gifu. Clad stainless steel resists rust and is easy to care for.',
      },
      sizes: [
        ['165mm', '165 mm', 8800],
        ['180mm', '180 mm', 11000],
      ],
    },
    {
      key: 'seki-gyuto-chefs-knife',
      name: { ja: '関 牛刀', en: 'Seki Gyuto Chef’s Knife' },
      description: {
        ja: '刃先が細く、肉の筋引きから野菜の千切りまでこなす牛刀です。握りやすい積層強化木のハンドルを備えています。',
        en: 'A slim-tipped chef’s knife that handles everything from trimming meat to fine julienne. The laminated wood handle gives a secure grip.',
      },
      sizes: [
        ['210mm', '210 mm', 13200],
        ['240mm', '240 mm', 16500],
      ],
    },
    {
      key: 'sakai-deba-knife',
      name: { ja: '堺 出刃包丁', en: 'Sakai Deba Knife' },
      description: {
        ja: '大阪・堺の伝統的な片刃の出刃包丁です。魚を下ろすための厚く重い刃で、骨もしっかり断ち切れます。',
        en: 'A traditional single-bevel deba from Sakai, Osaka. Its thick, heavy blade is made for filleting fish and cuts through bones with ease.',
      },
      sizes: [['150mm', '150 mm', 12100]],
    },
    {
      key: 'sakai-yanagiba-sashimi-knife',
      name: { ja: '堺 柳刃包丁', en: 'Sakai Yanagiba Sashimi Knife' },
      description: {
        ja: '刺身を一方向に引いて切るための、長く細い片刃の柳刃包丁です。使用後は水気をよく拭き取ってください。',
        en: 'A long, slender single-bevel knife for slicing sashimi in one pulling stroke. Wipe it completely dry after use.',
      },
      sizes: [
        ['240mm', '240 mm', 18700],
        ['270mm', '270 mm', 24200],
      ],
    },
    {
      key: 'tosa-nakiri-vegetable-knife',
      name: { ja: '土佐 菜切り包丁', en: 'Tosa Nakiri Vegetable Knife' },
      description: {
        ja: '高知の鍛冶屋が打った、野菜を刻むための両刃の菜切り包丁です。刃全体がまな板に当たり、気持ちよく刻めます。',
        en: 'A double-bevel vegetable knife forged by a Kochi blacksmith. The flat edge meets the board along its whole length for clean, rhythmic chopping.',
      },
      sizes: [['165mm', '165 mm', 9900]],
    },
    {
      key: 'seki-petty-knife',
      name: { ja: '関 ペティナイフ', en: 'Seki Petty Knife' },
      description: {
        ja: '果物の皮むきや薬味を刻むのに便利な、小型のナイフです。',
        en: 'A small knife, handy for peeling fruit and chopping garnishes.',
      },
      sizes: [['135mm', '135 mm', 6600]],
    },
    {
      key: 'combination-whetstone-1000-6000',
      name: { ja: '両面砥石 #1000/#6000', en: 'Combination Whetstone #1000/#6000' },
      description: {
        ja: '中砥と仕上げ砥が一つになった両面砥石です。使う前に10分ほど水に浸してください。',
        en: 'A medium grit and a finishing grit in a single stone. Soak it in water for about ten minutes before use.',
      },
      price: 4950,
    },
    {
      key: 'kiso-hinoki-cutting-board',
      name: { ja: '木曽ひのき まな板', en: 'Kiso Hinoki Cutting Board' },
      description: {
        ja: '長野・木曽のひのきを一枚板で仕上げたまな板です。刃当たりがやさしく、使い終わったら立てて乾かしてください。',
        en: 'Cut from a single plank of hinoki cypress from Kiso, Nagano. Gentle on knife edges; stand it upright to dry after use.',
      },
      sizes: [
        ['36cm', '36 cm', 3850],
        ['42cm', '42 cm', 5500],
      ],
      sizeNote: widthNote,
    },
    {
      key: 'copper-tamagoyaki-pan',
      name: { ja: '銅製 卵焼き器', en: 'Copper Tamagoyaki Pan' },
      description: {
        ja: '熱伝導のよい銅で作られた、職人手打ちの卵焼き器です。ふっくらとした厚焼き玉子が焼けます。',
        en: 'A hand-hammered copper omelette pan with excellent heat conduction. It makes fluffy, thick rolled omelettes.',
      },
      sizes: [['15cm', '15 cm', 9350]],
      sizeNote: widthNote,
    },
    {
      key: 'nambu-cast-iron-kettle',
      name: { ja: '南部鉄器 鉄瓶', en: 'Nambu Cast-Iron Kettle' },
      description: {
        ja: '岩手・盛岡の鋳物職人による鉄瓶です。この鉄瓶で沸かしたお湯は、口当たりがまろやかになると言われています。',
        en: 'A cast-iron kettle made by foundry craftsmen in Morioka, Iwate. Many say water boiled in it tastes softer.',
      },
      sizes: [['1.2L', '1.2 L', 19800]],
      sizeNote: capacityNote,
    },
    {
      key: 'bamboo-sushi-rolling-mat',
      name: { ja: '竹製 巻きす', en: 'Bamboo Sushi Rolling Mat' },
      description: {
        ja: '国産の竹を綿糸で編んだ巻きすです。巻き寿司や卵焼きの形を整えるのに使います。',
        en: 'Domestic bamboo woven with cotton thread. For rolling sushi and shaping rolled omelettes.',
      },
      sizes: [['27cm', '27 cm', 660]],
      sizeNote: widthNote,
    },
    {
      key: 'sawara-sushi-tub-handai',
      name: { ja: 'さわら 飯台', en: 'Sawara Sushi Tub (Handai)' },
      description: {
        ja: 'さわら材を銅のたがで締めた飯台です。余分な水分を吸うので、すし飯がべたつかずに仕上がります。',
        en: 'A sushi tub of sawara cypress bound with copper hoops. It absorbs excess moisture, so sushi rice never turns sticky.',
      },
      sizes: [['33cm', '33 cm', 7700]],
      sizeNote: sizeNote,
    },
    {
      key: 'yukihira-saucepan',
      name: { ja: 'アルミ 雪平鍋', en: 'Yukihira Saucepan' },
      description: {
        ja: '槌目模様のアルミ製の雪平鍋です。軽くて熱の回りが早く、煮物や味噌汁作りに重宝します。',
        en: 'A hammered aluminium saucepan. Light and quick to heat, ideal for simmered dishes and miso soup.',
      },
      sizes: [['18cm', '18 cm', 3960]],
      sizeNote: sizeNote,
    },
    {
      key: 'iga-donabe-clay-pot',
      name: { ja: '伊賀焼 土鍋', en: 'Iga Donabe Clay Pot' },
      description: {
        ja: '三重・伊賀の粗い土で焼いた土鍋です。じんわりと温まり、鍋物にもごはん炊きにも使えます。',
        en: 'A clay pot made from coarse Iga clay in Mie. It heats gently and evenly, for hot pots or cooking rice.',
      },
      sizes: [['8号', 'No. 8 (24 cm)', 6600]],
      sizeNote: sizeNote,
    },
  ],
};

export const tablewareGroup: ProductGroup = {
  category: 'tableware',
  skuPrefix: 'TBL',
  taxClass: 'standard',
  sizeNote,
  lines: [
    {
      key: 'arita-sometsuke-rice-bowl',
      name: { ja: '有田焼 染付 飯碗', en: 'Arita Sometsuke Rice Bowl' },
      description: {
        ja: '佐賀・有田の白磁に、藍色の唐草文様を手描きした飯碗です。電子レンジと食洗機に対応しています。',
        en: 'Arita porcelain from Saga, hand-painted with an indigo arabesque pattern. Microwave and dishwasher safe.',
      },
      price: 2200,
    },
    {
      key: 'hasami-shinogi-rice-bowl',
      name: { ja: '波佐見焼 しのぎ 飯碗', en: 'Hasami Shinogi Rice Bowl' },
      description: {
        ja: '長崎・波佐見で作られた、しのぎ模様の飯碗です。丈夫で、普段使いにぴったりです。',
        en: 'A rice bowl with carved shinogi ridges, made in Hasami, Nagasaki. Sturdy and perfect for everyday use.',
      },
      price: 1650,
    },
    {
      key: 'mino-oribe-small-plate',
      name: { ja: '美濃焼 織部 小皿', en: 'Mino Oribe Small Plate' },
      description: {
        ja: '岐阜・美濃の織部釉が美しい、深緑の小皿です。取り皿や醤油皿として使えます。',
        en: 'A small plate in the deep green Oribe glaze of Mino, Gifu. Use it for side dishes or soy sauce.',
      },
      sizes: [['径12cm', '12 cm across', 1320]],
    },
    {
      key: 'shigaraki-guinomi-sake-cup',
      name: { ja: '信楽焼 ぐい呑み', en: 'Shigaraki Guinomi Sake Cup' },
      description: {
        ja: '滋賀・信楽の土の風合いを生かした、素朴なぐい呑みです。使うほどに味わいが深まります。',
        en: 'A rustic sake cup that shows off the texture of Shigaraki clay from Shiga. It gains character the more you use it.',
      },
      price: 2750,
    },
    {
      key: 'edo-kiriko-cold-sake-glass',
      name: { ja: '江戸切子 冷酒グラス', en: 'Edo Kiriko Cold Sake Glass' },
      description: {
        ja: '東京の職人が一つずつカットを施した、瑠璃色の冷酒グラスです。贈り物にも喜ばれる桐箱入りです。',
        en: 'A cobalt-blue glass for chilled sake, cut by hand by a Tokyo craftsman. It comes in a paulownia box, ideal as a gift.',
      },
      price: 14300,
    },
    {
      key: 'osaka-tin-chirori-sake-warmer',
      name: { ja: '大阪錫器 ちろり', en: 'Osaka Tin Chirori Sake Warmer' },
      description: {
        ja: '熱の伝わりが早い錫で作ったちろりです。湯せんで手早く燗をつけられます。',
        en: 'A sake warmer made of tin, which conducts heat quickly. Warm sake in a hot water bath in no time.',
      },
      sizes: [['300ml', '300 ml', 16500]],
      sizeNote: capacityNote,
    },
    {
      key: 'bizen-tokkuri-sake-flask',
      name: { ja: '備前焼 徳利', en: 'Bizen Tokkuri Sake Flask' },
      description: {
        ja: '岡山・備前で釉薬を使わずに焼き締めた徳利です。窯の炎が生んだ景色が、一つひとつ異なります。',
        en: 'An unglazed sake flask fired in Bizen, Okayama. The marks left by the kiln’s flames make every piece unique.',
      },
      price: 6600,
    },
    {
      key: 'hagi-yunomi-teacup',
      name: { ja: '萩焼 湯呑', en: 'Hagi Yunomi Teacup' },
      description: {
        ja: '山口・萩のやわらかな土で作った湯呑みです。使い込むうちに色合いが変化する「萩の七化け」を楽しめます。',
        en: 'A teacup of soft Hagi clay from Yamaguchi. Its colour slowly changes with use, a quality known as Hagi’s “seven transformations”.',
      },
      price: 3080,
    },
    {
      key: 'tokoname-kyusu-teapot',
      name: { ja: '常滑焼 急須', en: 'Tokoname Kyusu Teapot' },
      description: {
        ja: '愛知・常滑の朱泥で作った急須です。細かな茶こしが付いており、深蒸し茶もすっきり淹れられます。',
        en: 'A teapot of red Tokoname clay from Aichi. The fine built-in strainer makes it easy to brew even deep-steamed sencha.',
      },
      sizes: [['300ml', '300 ml', 5500]],
      sizeNote: capacityNote,
    },
    {
      key: 'yamanaka-lacquer-soup-bowl',
      name: { ja: '山中塗 汁椀', en: 'Yamanaka Lacquer Soup Bowl' },
      description: {
        ja: '石川・山中の木地師が挽いた欅に、漆を塗り重ねた汁椀です。軽く、熱い味噌汁を入れても持ちやすい器です。',
        en: 'A zelkova bowl turned by woodworkers in Yamanaka, Ishikawa, and finished in layers of lacquer. Light, and comfortable to hold even with hot miso soup.',
      },
      price: 4180,
    },
    {
      key: 'wakasa-lacquered-chopsticks',
      name: { ja: '若狭塗 箸', en: 'Wakasa Lacquered Chopsticks' },
      description: {
        ja: '福井・小浜の若狭塗の箸です。貝殻や卵殻を塗り込めた模様が美しく、先が細くて食べやすい作りです。',
        en: 'Wakasa-nuri chopsticks from Obama, Fukui, with inlaid shell and eggshell under the lacquer. Fine tips make them easy to eat with.',
      },
      sizes: [['23cm', '23 cm', 1980]],
      sizeNote: lengthNote,
    },
    {
      key: 'seasonal-chopstick-rests-set-of-5',
      name: { ja: '季節の箸置き 五個組', en: 'Seasonal Chopstick Rests, Set of 5' },
      description: {
        ja: '桜・朝顔・紅葉・雪うさぎ・松をかたどった、磁器の箸置き五個組です。',
        en: 'Five porcelain chopstick rests shaped like cherry blossom, morning glory, maple leaf, snow rabbit and pine.',
      },
      price: 1650,
    },
    {
      key: 'mashiko-mug',
      name: { ja: '益子焼 マグカップ', en: 'Mashiko Mug' },
      description: {
        ja: '栃木・益子の柿釉が温かみのあるマグカップです。コーヒーにもほうじ茶にも合います。',
        en: 'A mug in the warm persimmon glaze of Mashiko, Tochigi. It suits coffee and hojicha alike.',
      },
      price: 2420,
    },
    {
      key: 'kutani-mamezara-tiny-plate',
      name: { ja: '九谷焼 豆皿', en: 'Kutani Mamezara Tiny Plate' },
      description: {
        ja: '石川の九谷焼らしい色絵が華やかな豆皿です。薬味や香の物を少しだけ盛るのに便利です。',
        en: 'A tiny plate with the bright overglaze enamels typical of Kutani ware from Ishikawa. Handy for condiments or a few pickles.',
      },
      sizes: [['径9cm', '9 cm across', 1980]],
    },
    {
      key: 'odate-magewappa-bento-box',
      name: { ja: '大館 曲げわっぱ 弁当箱', en: 'Odate Magewappa Bento Box' },
      description: {
        ja: '秋田・大館の天然杉を曲げて作ったお弁当箱です。杉がごはんの余分な水分を吸い、冷めてもおいしく保ちます。',
        en: 'A bento box of bent Akita cedar from Odate. The wood absorbs excess moisture, so rice stays tasty even when cold.',
      },
      price: 9900,
    },
    {
      key: 'kiyomizu-matcha-bowl-chawan',
      name: { ja: '清水焼 抹茶碗', en: 'Kiyomizu Matcha Bowl (Chawan)' },
      description: {
        ja: '京都の清水焼の窯元による抹茶碗です。手になじむ形で、茶筅を振りやすい広めの見込みです。',
        en: 'A matcha bowl from a Kiyomizu-ware kiln in Kyoto. It fits nicely in the hand, with a wide interior that leaves room to whisk.',
      },
      price: 8800,
    },
  ],
};
