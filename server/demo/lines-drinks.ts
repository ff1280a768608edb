import { contentsNote, type ProductGroup } from './build-products.js';

export const sakeGroup: ProductGroup = {
  category: 'sake',
  skuPrefix: 'SAK',
  taxClass: 'standard',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'yukimuro-junmai-daiginjo',
      name: { ja: '雪室 純米大吟醸', en: 'Yukimuro Junmai Daiginjo' },
      description: {
        ja: '新潟の雪室でひと冬じっくり寝かせた純米大吟醸です。洋梨を思わせる穏やかな香りと、澄んだキレのある後味をお楽しみください。',
        en: 'A junmai daiginjo from Niigata, rested through the winter in a snow-cooled cellar. Gentle pear-like aroma and a clean, crisp finish.',
      },
      sizes: [
        ['720ml', '720 ml', 4400],
        ['1.8L', '1.8 L', 8800],
        ['300ml', '300 ml', 1980],
      ],
    },
    {
      key: 'echigo-toji-honjozo-karakuchi',
      name: { ja: '越後杜氏 本醸造 辛口', en: 'Echigo Toji Honjozo Karakuchi (Dry)' },
      description: {
        ja: '新潟の杜氏が仕込んだ、すっきり辛口の本醸造です。冷やでも燗でも味が崩れない、毎日の晩酌向きの一本です。',
        en: 'A dry, clean honjozo brewed by Niigata master brewers. It holds up well chilled or warmed — an easy everyday sake.',
      },
      sizes: [
        ['720ml', '720 ml', 1320],
        ['1.8L', '1.8 L', 2420],
      ],
    },
    {
      key: 'tsukimachi-junmai-ginjo',
      name: { ja: '月待 純米吟醸', en: 'Tsukimachi Junmai Ginjo' },
      description: {
        ja: '山形の雪解け水と県産米の出羽燦々で醸した純米吟醸です。華やかな吟醸香とやわらかな米の旨みが調和しています。',
        en: 'Brewed in Yamagata with snowmelt water and local Dewa Sansan rice. A bright ginjo aroma balanced by a soft rice sweetness.',
      },
      sizes: [
        ['720ml', '720 ml', 2200],
        ['1.8L', '1.8 L', 4180],
        ['300ml', '300 ml', 980],
      ],
    },
    {
      key: 'shirasagigawa-tokubetsu-junmai',
      name: { ja: '白鷺川 特別純米', en: 'Shirasagigawa Tokubetsu Junmai' },
      description: {
        ja: '兵庫県産の山田錦を六割まで磨いた特別純米酒です。ふくよかな旨みと穏やかな酸があり、ぬる燗にすると一層味わいが開きます。',
        en: 'A tokubetsu junmai from Hyogo, made with Yamada Nishiki rice polished to 60 %. Round and savoury, it opens up beautifully when gently warmed.',
      },
      sizes: [
        ['720ml', '720 ml', 1650],
        ['1.8L', '1.8 L', 3080],
      ],
    },
    {
      key: 'kura-no-akari-kimoto-junmai',
      name: { ja: '蔵の灯 生酛純米', en: 'Kura no Akari Kimoto Junmai' },
      description: {
        ja: '秋田の小さな蔵が昔ながらの生酛造りで仕込んだ純米酒です。しっかりした酸と奥行きのある旨みは、鍋料理や焼き魚によく合います。',
        en: 'Made in Akita using the traditional kimoto method. Lively acidity and deep umami that pair well with hot pots and grilled fish.',
      },
      sizes: [
        ['720ml', '720 ml', 1980],
        ['1.8L', '1.8 L', 3740],
      ],
    },
    {
      key: 'hoshifuru-sato-nigori',
      name: { ja: '星降る里 にごり酒', en: 'Hoshifuru Sato Nigori Sake' },
      description: {
        ja: '岩手の山あいで造る、米のとろみが残るにごり酒です。よく冷やし、瓶をやさしく傾けて混ぜてからお注ぎください。',
        en: 'A cloudy nigori sake from the mountains of Iwate, with a creamy rice texture. Serve well chilled and gently tip the bottle to mix before pouring.',
      },
      sizes: [
        ['720ml', '720 ml', 1540],
        ['300ml', '300 ml', 660],
      ],
    },
    {
      key: 'koto-no-shizuku-yamahai-junmai',
      name: { ja: '古都の雫 山廃純米', en: 'Koto no Shizuku Yamahai Junmai' },
      description: {
        ja: '京都・伏見のやわらかな伏流水で仕込んだ山廃純米です。まろやかな口当たりに、山廃らしい力強い旨みが広がります。',
        en: 'A yamahai junmai brewed with the soft groundwater of Fushimi, Kyoto. Smooth on the palate, with the robust savouriness typical of yamahai.',
      },
      sizes: [
        ['720ml', '720 ml', 1870],
        ['1.8L', '1.8 L', 3520],
      ],
    },
    {
      key: 'nagi-sparkling-sake',
      name: { ja: '凪 スパークリング日本酒', en: 'Nagi Sparkling Sake' },
      description: {
        ja: '高知の蔵が瓶内二次発酵で仕上げた、きめ細かな泡の日本酒です。乾杯やデザートに、よく冷やしてどうぞ。',
        en: 'Bottle-fermented in Kochi for fine, delicate bubbles. Serve well chilled for a toast or with dessert.',
      },
      sizes: [
        ['300ml', '300 ml', 1100],
        ['720ml', '720 ml', 2640],
      ],
    },
    {
      key: 'kohaku-koshu-5-years',
      name: { ja: '琥珀 熟成古酒 五年', en: 'Kohaku Aged Koshu Sake 5 Years' },
      description: {
        ja: '岐阜の蔵で五年間熟成させた琥珀色の古酒です。カラメルやナッツを思わせる香りがあり、常温か少し温めて楽しめます。',
        en: 'An amber koshu aged for five years at a brewery in Gifu. Notes of caramel and nuts; enjoy it at room temperature or slightly warmed.',
      },
      sizes: [['500ml', '500 ml', 3850]],
    },
    {
      key: 'fuyugoshi-nama-genshu',
      name: { ja: '冬越し 生原酒', en: 'Fuyugoshi Nama Genshu' },
      description: {
        ja: '福島の蔵から届く、火入れも加水もしていない搾りたての生原酒です。要冷蔵のため、クール便でお届けします。',
        en: 'Freshly pressed sake from Fukushima, neither pasteurised nor diluted. Keep refrigerated; it is shipped chilled.',
      },
      sizes: [
        ['720ml', '720 ml', 1760],
        ['1.8L', '1.8 L', 3300],
      ],
    },
    {
      key: 'toka-junmai-amakuchi',
      name: { ja: '桃花 純米 甘口', en: 'Toka Junmai Amakuchi (Sweet)' },
      description: {
        ja: '広島の軟水で醸した、やさしい甘みの純米酒です。日本酒に慣れていない方にもおすすめします。',
        en: 'A gently sweet junmai brewed with the soft water of Hiroshima. A good first sake for newcomers.',
      },
      sizes: [
        ['720ml', '720 ml', 1430],
        ['1.8L', '1.8 L', 2750],
      ],
    },
    {
      key: 'brewery-tasting-set',
      name: { ja: '蔵元 飲み比べ三本セット', en: 'Brewery Sake Tasting Set' },
      description: {
        ja: '辛口・吟醸・にごりの三種を少しずつ味わえる飲み比べセットです。贈り物にも喜ばれる化粧箱入りです。',
        en: 'Three styles — dry, ginjo and nigori — in small bottles to compare side by side. Comes in a gift box.',
      },
      sizes: [['300ml×3本', '300 ml × 3', 3300]],
    },
  ],
};

export const shochuGroup: ProductGroup = {
  category: 'shochu-umeshu',
  skuPrefix: 'SHO',
  taxClass: 'standard',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'satsunan-no-hi-imo-shochu',
      name: { ja: '芋焼酎 薩南の灯', en: 'Satsunan no Hi Imo Shochu (Sweet Potato)' },
      description: {
        ja: '鹿児島県産の黄金千貫を黒麹で仕込んだ芋焼酎です。焼き芋のような甘い香りと、どっしりとした飲みごたえがあります。',
        en: 'Sweet potato shochu from Kagoshima, made from Kogane Sengan potatoes with black koji. A roasted-sweet-potato aroma and a full, hearty body.',
      },
      sizes: [
        ['900ml', '900 ml', 1380],
        ['1.8L', '1.8 L', 2380],
      ],
    },
    {
      key: 'mugikaze-mugi-shochu',
      name: { ja: '麦焼酎 麦風', en: 'Mugikaze Mugi Shochu (Barley)' },
      description: {
        ja: '大分で造られる、香ばしく軽やかな麦焼酎です。水割りやソーダ割りにして、食事と一緒に楽しめます。',
        en: 'A light, toasty barley shochu from Oita. Lovely with water or soda alongside a meal.',
      },
      sizes: [
        ['720ml', '720 ml', 1100],
        ['1.8L', '1.8 L', 2200],
      ],
    },
    {
      key: 'kuma-no-seiryu-kome-shochu',
      name: { ja: '米焼酎 球磨の清流', en: 'Kuma no Seiryu Kome Shochu (Rice)' },
      description: {
        ja: '熊本・人吉の清流の水で仕込んだ米焼酎です。吟醸酒のような果実の香りと、米由来のやわらかな甘みが特長です。',
        en: 'Rice shochu from Hitoyoshi, Kumamoto, made with clear river water. A fruity, ginjo-like aroma and a soft rice sweetness.',
      },
      sizes: [
        ['720ml', '720 ml', 1650],
        ['1.8L', '1.8 L', 2970],
      ],
    },
    {
      key: 'shimamusubi-kokuto-shochu',
      name: { ja: '黒糖焼酎 島結び', en: 'Shimamusubi Kokuto Shochu (Brown Sugar)' },
      description: {
        ja: '奄美群島でのみ造ることが認められている黒糖焼酎です。ほのかな黒糖の香りと、すっきりとした後口が楽しめます。',
        en: 'Brown sugar shochu, a spirit that may only be made in the Amami Islands. A faint molasses aroma with a clean finish.',
      },
      sizes: [['720ml', '720 ml', 1980]],
    },
    {
      key: 'ryusei-awamori-kusu-3-years',
      name: { ja: '泡盛 琉星 古酒三年', en: 'Ryusei Awamori Kusu 3 Years' },
      description: {
        ja: '沖縄でタイ米と黒麹から造り、三年以上寝かせた泡盛の古酒です。甘くまろやかな香りで、ロックがおすすめです。',
        en: 'Okinawan awamori distilled from Thai rice with black koji and aged for over three years. Mellow and sweet-scented — best on the rocks.',
      },
      sizes: [['720ml', '720 ml', 2640]],
    },
    {
      key: 'kishu-nanko-umeshu',
      name: { ja: '紀州南高梅 梅酒', en: 'Kishu Nanko Umeshu (Plum Wine)' },
      description: {
        ja: '和歌山県産の南高梅をたっぷり漬け込んだ、甘酸っぱく香り高い梅酒です。ロックやソーダ割りでどうぞ。',
        en: 'Umeshu steeped with plenty of Nanko plums from Wakayama: sweet, tart and fragrant. Serve on the rocks or with soda.',
      },
      sizes: [
        ['720ml', '720 ml', 1760],
        ['1.8L', '1.8 L', 3300],
        ['300ml', '300 ml', 770],
      ],
    },
    {
      key: 'shizuoka-green-tea-umeshu',
      name: { ja: '静岡 緑茶梅酒', en: 'Shizuoka Green Tea Umeshu' },
      description: {
        ja: '梅酒に静岡の煎茶を合わせた、爽やかな渋みのある梅酒です。甘さ控えめで、食後の一杯にもぴったりです。',
        en: 'Umeshu blended with Shizuoka sencha for a refreshing, slightly astringent edge. Not too sweet, and ideal after a meal.',
      },
      sizes: [['500ml', '500 ml', 1650]],
    },
    {
      key: 'kokuto-umeshu',
      name: { ja: '奄美 黒糖梅酒', en: 'Amami Kokuto Brown Sugar Umeshu' },
      description: {
        ja: '奄美の黒糖で漬け込んだ、コクのある梅酒です。お湯割りにすると香りがふくらみます。',
        en: 'Umeshu made with Amami brown sugar for a rich, deep sweetness. Try it with hot water to lift the aroma.',
      },
      sizes: [['720ml', '720 ml', 1540]],
    },
    {
      key: 'tosa-yuzu-liqueur',
      name: { ja: '土佐 ゆず酒', en: 'Tosa Yuzu Liqueur (Yuzushu)' },
      description: {
        ja: '高知の山あいで育った柚子の果汁を日本酒に合わせたリキュールです。爽やかな香りと酸味で、ソーダ割りがよく合います。',
        en: 'Juice from yuzu grown in the Kochi hills, blended with sake. Bright citrus aroma and acidity — great with soda.',
      },
      sizes: [
        ['720ml', '720 ml', 1870],
        ['300ml', '300 ml', 880],
      ],
    },
    {
      key: 'honkaku-shochu-tasting-set',
      name: { ja: '本格焼酎 飲み比べ三本セット', en: 'Honkaku Shochu Tasting Set' },
      description: {
        ja: '芋・麦・米の本格焼酎を小瓶で飲み比べられるセットです。原料による香りの違いがよくわかります。',
        en: 'Sweet potato, barley and rice shochu in small bottles for tasting side by side. A clear way to learn how the base ingredient shapes the spirit.',
      },
      sizes: [['300ml×3本', '300 ml × 3', 3300]],
    },
    {
      key: 'kiri-no-toge-soba-shochu',
      name: { ja: 'そば焼酎 霧の峠', en: 'Kiri no Toge Soba Shochu (Buckwheat)' },
      description: {
        ja: '宮崎の山間で造るそば焼酎です。そば湯で割ると、ふわりと香ばしさが立ちます。',
        en: 'Buckwheat shochu from the mountains of Miyazaki. Mix it with soba cooking water for a lovely nutty aroma.',
      },
      sizes: [
        ['720ml', '720 ml', 1320],
        ['1.8L', '1.8 L', 2480],
      ],
    },
  ],
};

export const teaGroup: ProductGroup = {
  category: 'japanese-tea',
  skuPrefix: 'TEA',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'shizuoka-fukamushi-sencha',
      name: { ja: '静岡 深蒸し煎茶「茶畑の朝」', en: 'Shizuoka Fukamushi Sencha "Morning Field"' },
      description: {
        ja: '静岡・牧之原台地の茶葉をじっくり深蒸しに仕上げた煎茶です。濃い緑色の水色とまろやかなコクが楽しめます。',
        en: 'Deep-steamed sencha from the Makinohara plateau in Shizuoka. A vivid green cup with a mellow, full flavour.',
      },
      sizes: [
        ['100g', '100 g', 1080],
        ['200g', '200 g', 2000],
      ],
    },
    {
      key: 'yame-gyokuro',
      name: { ja: '八女 玉露', en: 'Yame Gyokuro' },
      description: {
        ja: '福岡・八女で覆いをかけて育てた玉露です。60℃ほどのぬるめのお湯で淹れると、濃厚な旨みと甘みが引き出されます。',
        en: 'Shade-grown gyokuro from Yame, Fukuoka. Brew it with water at about 60 °C to draw out its rich, sweet umami.',
      },
      sizes: [
        ['50g', '50 g', 1620],
        ['100g', '100 g', 3024],
      ],
    },
    {
      key: 'uji-matcha-unkaku-ceremonial',
      name: { ja: '宇治抹茶「雲鶴」薄茶用', en: 'Uji Matcha "Unkaku" Ceremonial Grade' },
      description: {
        ja: '京都・宇治の碾茶を石臼で挽いた薄茶用の抹茶です。開封後は冷蔵庫に入れ、一か月を目安にお使いください。',
        en: 'Stone-ground Uji tencha for whisked usucha. Once opened, keep it in the fridge and use it within about a month.',
      },
      sizes: [
        ['30g', '30 g', 2160],
        ['100g', '100 g', 6480],
      ],
    },
    {
      key: 'uji-matcha-for-baking',
      name: { ja: '宇治抹茶 製菓用', en: 'Uji Matcha for Baking' },
      description: {
        ja: 'お菓子作りやラテに使いやすい、色と香りのしっかりした製菓用の抹茶です。加熱しても風味が残ります。',
        en: 'A culinary matcha with strong colour and aroma, ideal for baking and lattes. The flavour holds up when heated.',
      },
      sizes: [
        ['100g', '100 g', 1296],
        ['500g', '500 g', 5400],
      ],
    },
    {
      key: 'kaga-roasted-stem-hojicha',
      name: { ja: '加賀 棒ほうじ茶', en: 'Kaga Roasted Stem Hojicha' },
      description: {
        ja: '石川・加賀で茶の茎を浅く焙じた棒ほうじ茶です。香ばしい香りとすっきりした味わいで、カフェインも控えめです。',
        en: 'Tea stems lightly roasted in Kaga, Ishikawa. Toasty, clean and low in caffeine.',
      },
      sizes: [
        ['80g', '80 g', 756],
        ['200g', '200 g', 1620],
      ],
    },
    {
      key: 'genmaicha-with-matcha',
      name: { ja: '抹茶入り玄米茶', en: 'Genmaicha with Matcha' },
      description: {
        ja: '香ばしく炒った玄米に、煎茶と宇治抹茶を合わせました。熱湯でさっと淹れるのがおいしさのコツです。',
        en: 'Toasted brown rice blended with sencha and Uji matcha. Brew it quickly with boiling water for the best flavour.',
      },
      sizes: [
        ['200g', '200 g', 648],
        ['500g', '500 g', 1404],
      ],
    },
    {
      key: 'chiran-sencha',
      name: { ja: '知覧 煎茶', en: 'Chiran Sencha' },
      description: {
        ja: '鹿児島・知覧の温暖な台地で育った煎茶です。爽やかな香りと甘みのバランスがよく、毎日の一杯にぴったりです。',
        en: 'Sencha grown on the warm uplands of Chiran, Kagoshima. Fresh aroma and balanced sweetness, perfect for every day.',
      },
      sizes: [['100g', '100 g', 972]],
    },
    {
      key: 'sayama-sencha',
      name: { ja: '狭山 煎茶', en: 'Sayama Sencha' },
      description: {
        ja: '埼玉・狭山に伝わる強めの火入れで仕上げた、香り高く濃厚な煎茶です。',
        en: 'Sencha from Sayama, Saitama, finished with the region’s traditional firing for a rich, fragrant brew.',
      },
      sizes: [['100g', '100 g', 1080]],
    },
    {
      key: 'ureshino-kamairicha',
      name: { ja: '嬉野 釜炒り茶', en: 'Ureshino Kamairicha (Pan-Fired Tea)' },
      description: {
        ja: '佐賀・嬉野で鉄釜で炒って仕上げる、くるりと丸い茶葉のお茶です。「釜香」と呼ばれる香ばしい香りが特長です。',
        en: 'Pan-fired in iron woks in Ureshino, Saga, giving curled leaves and a toasty aroma known as kamaka.',
      },
      sizes: [['100g', '100 g', 1296]],
    },
    {
      key: 'powdered-green-tea-sticks',
      name: { ja: '粉末緑茶 スティック', en: 'Powdered Green Tea Sticks' },
      description: {
        ja: '水やお湯に溶かすだけで本格的な緑茶が楽しめる粉末茶です。職場や旅行先でも手軽に使えます。',
        en: 'Instant powdered green tea that dissolves in hot or cold water. Handy at the office or when travelling.',
      },
      sizes: [['0.8g×30本', '0.8 g × 30 sticks', 540]],
    },
    {
      key: 'cold-brew-sencha-tea-bags',
      name: { ja: '水出し煎茶 ティーバッグ', en: 'Cold-Brew Sencha Tea Bags' },
      description: {
        ja: '冷水1リットルに1袋入れ、冷蔵庫で3時間置くだけです。渋みの少ない、まろやかな冷茶ができます。',
        en: 'Drop one bag into a litre of cold water and leave it in the fridge for three hours. Makes a smooth iced tea with little bitterness.',
      },
      sizes: [['5g×20袋', '5 g × 20 bags', 864]],
    },
    {
      key: 'kumamoto-wakocha-black-tea',
      name: { ja: '熊本 和紅茶', en: 'Kumamoto Wakocha Japanese Black Tea' },
      description: {
        ja: '熊本の山あいで育った茶葉で作る国産の紅茶です。渋みが少なく、ほのかに蜜のような甘さがあります。',
        en: 'Black tea made from leaves grown in the hills of Kumamoto. Gentle, with little astringency and a hint of honey.',
      },
      sizes: [
        ['50g', '50 g', 1080],
        ['2.5g×15袋', '2.5 g × 15 bags', 756],
      ],
    },
    {
      key: 'kawane-shincha-first-flush',
      name: { ja: '川根 新茶 一番摘み', en: 'Kawane Shincha First Flush' },
      description: {
        ja: '静岡・川根の山間で春に摘んだ一番茶だけを使った新茶です。若々しい香りは、この季節ならではの味わいです。',
        en: 'First-flush spring tea from the mountain valleys of Kawane, Shizuoka. Its fresh, green fragrance is a seasonal treat.',
      },
      sizes: [['100g', '100 g', 1944]],
    },
    {
      key: 'yuzu-hojicha',
      name: { ja: '柚子ほうじ茶', en: 'Yuzu Hojicha' },
      description: {
        ja: '高知県産の柚子の皮をほうじ茶に合わせた、香りのよいブレンドです。食後のひと息におすすめします。',
        en: 'Roasted hojicha blended with yuzu peel from Kochi. A fragrant cup for after a meal.',
      },
      sizes: [['60g', '60 g', 864]],
    },
    {
      key: 'everyday-bancha-value-pack',
      name: { ja: '徳用 番茶', en: 'Everyday Bancha Value Pack' },
      description: {
        ja: '大きく育った茶葉を使った、さっぱりとした番茶のお徳用パックです。やかんで煮出せば、麦茶のように冷やしても飲めます。',
        en: 'A refreshing bancha made from mature leaves, in a value pack. Simmer it in a kettle and chill it for a jug of everyday tea.',
      },
      sizes: [['500g', '500 g', 756]],
    },
  ],
};
