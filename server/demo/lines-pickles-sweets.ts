import { contentsNote, type ProductGroup } from './build-products.js';

export const picklesGroup: ProductGroup = {
  category: 'pickles',
  skuPrefix: 'PKL',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'kishu-nanko-umeboshi-shiso',
      name: { ja: '紀州南高梅 しそ漬け梅干し', en: 'Kishu Nanko Umeboshi with Shiso' },
      description: {
        ja: '和歌山県産の南高梅を赤しそと一緒に漬け込んだ、昔ながらの酸っぱい梅干しです。塩分は約15%です。',
        en: 'Nanko plums from Wakayama pickled with red shiso leaves — sour in the traditional way. Salt content is about 15 %.',
      },
      sizes: [
        ['300g', '300 g', 1620],
        ['500g', '500 g', 2480],
      ],
    },
    {
      key: 'shiraboshi-umeboshi',
      name: { ja: '昔ながらの白干し梅', en: 'Old-Fashioned Shiraboshi Umeboshi' },
      description: {
        ja: '梅と塩だけで漬けて天日に干した白干し梅です。常温で長く保存でき、おにぎりやお粥によく合います。',
        en: 'Plums salted and sun-dried with nothing else added. They keep for a long time at room temperature and go well with rice balls and rice porridge.',
      },
      sizes: [['500g', '500 g', 2160]],
    },
    {
      key: 'honey-umeboshi',
      name: { ja: 'はちみつ梅', en: 'Honey Umeboshi' },
      description: {
        ja: 'はちみつで漬けた、まろやかで食べやすい甘口の梅干しです。塩分は約8%です。',
        en: 'Mild, sweet umeboshi pickled with honey, easy for anyone to enjoy. Salt content is about 8 %.',
      },
      sizes: [['300g', '300 g', 1404]],
    },
    {
      key: 'kyoto-ohara-shibazuke',
      name: { ja: '京都 大原 柴漬け', en: 'Kyoto Ohara Shibazuke' },
      description: {
        ja: '京都・大原の赤しそで茄子やきゅうりを漬けた、鮮やかな紫色の漬物です。お茶漬けにもよく合います。',
        en: 'Aubergine and cucumber pickled with red shiso from Ohara, Kyoto, in a vivid purple. Delicious over ochazuke.',
      },
      sizes: [['120g', '120 g', 540]],
    },
    {
      key: 'shinshu-nozawana-pickles',
      name: { ja: '信州 野沢菜漬け', en: 'Shinshu Nozawana Pickles' },
      description: {
        ja: '長野の冬の味、野沢菜を浅く漬けたシャキシャキの漬物です。刻んでおにぎりやチャーハンに混ぜてもおいしくいただけます。',
        en: 'A Nagano winter staple: lightly pickled nozawana greens with a crisp bite. Chop them into rice balls or fried rice.',
      },
      sizes: [['300g', '300 g', 486]],
    },
    {
      key: 'akita-iburigakko-smoked-daikon',
      name: { ja: '秋田 いぶりがっこ', en: 'Akita Iburigakko Smoked Daikon Pickle' },
      description: {
        ja: '大根を囲炉裏の煙でいぶしてから米ぬかで漬けた、秋田の伝統的な漬物です。薄く切ってクリームチーズと合わせるのもおすすめです。',
        en: 'Daikon smoked over a hearth, then pickled in rice bran — a traditional Akita pickle. Try thin slices with cream cheese.',
      },
      sizes: [['1本', '1 whole', 864]],
    },
    {
      key: 'narazuke-pickled-gourd',
      name: { ja: '奈良漬け 白瓜', en: 'Narazuke Pickled Gourd' },
      description: {
        ja: '白瓜を酒粕に何度も漬け替えて仕上げた奈良漬けです。酒粕の豊かな香りがあり、お茶うけにもなります。',
        en: 'White gourd pickled in sake lees, changed several times over. Rich with the aroma of sake lees, it also makes a nice snack with tea.',
      },
      sizes: [['200g', '200 g', 972]],
    },
    {
      key: 'tokyo-bettarazuke',
      name: { ja: '東京 べったら漬け', en: 'Tokyo Bettarazuke' },
      description: {
        ja: '大根を米麹と砂糖で漬けた、ほんのり甘いべったら漬けです。要冷蔵でお届けします。',
        en: 'Daikon pickled with rice koji and sugar for a gentle sweetness. Shipped chilled.',
      },
      sizes: [['300g', '300 g', 648]],
    },
    {
      key: 'tottori-rakkyo-pickled-shallots',
      name: { ja: '鳥取 らっきょう甘酢漬け', en: 'Tottori Rakkyo Pickled Shallots' },
      description: {
        ja: '鳥取の砂丘で育ったらっきょうを甘酢に漬けました。カレーの付け合わせにどうぞ。',
        en: 'Rakkyo shallots grown in the Tottori dunes, pickled in sweet vinegar. The classic side for Japanese curry.',
      },
      sizes: [['150g', '150 g', 594]],
    },
    {
      key: 'fukujinzuke-relish',
      name: { ja: '福神漬け', en: 'Fukujinzuke Relish' },
      description: {
        ja: '大根・なす・れんこんなど七種の野菜を、醤油ベースで漬けた福神漬けです。カレーライスの名脇役です。',
        en: 'Seven vegetables including daikon, aubergine and lotus root, pickled in a soy-based liquid. The trusty companion to curry rice.',
      },
      sizes: [['150g', '150 g', 378]],
    },
    {
      key: 'kombu-tsukudani',
      name: { ja: '昆布の佃煮', en: 'Kombu Tsukudani' },
      description: {
        ja: '北海道産の昆布を醤油とみりんで甘辛く炊き上げました。ごはんのお供やおにぎりの具にどうぞ。',
        en: 'Hokkaido kombu simmered sweet and savoury in soy sauce and mirin. Perfect with plain rice or inside rice balls.',
      },
      sizes: [['100g', '100 g', 540]],
    },
    {
      key: 'kyoto-chirimen-sansho',
      name: { ja: '京都 ちりめん山椒', en: 'Kyoto Chirimen Sansho' },
      description: {
        ja: 'ちりめんじゃこを実山椒と一緒に炊いた、京都の味です。ぴりっとした爽やかな辛みがごはんによく合います。',
        en: 'Tiny dried whitebait simmered with green sansho berries, a Kyoto classic. Its bright, tingly heat goes perfectly with rice.',
      },
      sizes: [['60g', '60 g', 1080]],
    },
    {
      key: 'kobe-ikanago-kugini',
      name: { ja: '神戸 いかなごのくぎ煮', en: 'Kobe Ikanago Kugini' },
      description: {
        ja: '春に獲れるいかなごの稚魚を、醤油と生姜で炊いた神戸の郷土の味です。',
        en: 'Young sand lance caught in spring and simmered with soy sauce and ginger — a local speciality of Kobe.',
      },
      sizes: [['100g', '100 g', 1188]],
    },
    {
      key: 'asari-clam-tsukudani',
      name: { ja: 'あさりの佃煮', en: 'Asari Clam Tsukudani' },
      description: {
        ja: '国産あさりのむき身を、生姜と一緒に甘辛く煮詰めました。お茶漬けや酒の肴にもどうぞ。',
        en: 'Shelled clams simmered down with ginger in a sweet-savoury glaze. Good with ochazuke or as a snack with sake.',
      },
      sizes: [['80g', '80 g', 648]],
    },
    {
      key: 'ready-to-use-nukadoko',
      name: { ja: '熟成 ぬか床', en: 'Ready-to-Use Nukadoko Rice Bran Bed' },
      description: {
        ja: '届いたその日から野菜を漬けられる、熟成済みのぬか床です。一日一回かき混ぜて、冷蔵庫で保存してください。',
        en: 'A matured rice-bran pickling bed, ready for vegetables the day it arrives. Stir it once a day and keep it in the fridge.',
      },
      sizes: [['1kg', '1 kg', 1620]],
    },
  ],
};

export const wagashiGroup: ProductGroup = {
  category: 'wagashi',
  skuPrefix: 'WAG',
  taxClass: 'reduced',
  sizeNote: contentsNote,
  lines: [
    {
      key: 'hon-neri-yokan-ogura',
      name: { ja: '本練り羊羹 小倉', en: 'Hon-Neri Yokan Ogura Red Bean' },
      description: {
        ja: '北海道産の小豆と寒天を炊き上げ、じっくり練り上げた羊羹です。未開封なら常温で半年ほど日持ちします。',
        en: 'Hokkaido azuki beans and agar, cooked and slowly kneaded into a dense yokan. Unopened, it keeps at room temperature for about six months.',
      },
      sizes: [
        ['1本', 'Full Bar', 1620],
        ['ハーフ', 'Half Bar', 864],
      ],
    },
    {
      key: 'uji-matcha-yokan',
      name: { ja: '宇治抹茶 羊羹', en: 'Uji Matcha Yokan' },
      description: {
        ja: '宇治抹茶をたっぷり練り込んだ、ほろ苦さと甘さが調和する羊羹です。薄く切って、濃いめのお茶と一緒にどうぞ。',
        en: 'Yokan kneaded with plenty of Uji matcha, balancing bitterness and sweetness. Slice it thinly and serve it with strong tea.',
      },
      sizes: [['1本', 'Full Bar', 1728]],
    },
    {
      key: 'nakatsugawa-kuri-kinton',
      name: { ja: '中津川 栗きんとん', en: 'Nakatsugawa Kuri Kinton' },
      description: {
        ja: '岐阜・中津川の秋の銘菓です。蒸した栗と砂糖だけを茶巾で絞った、素朴な栗のお菓子です。',
        en: 'An autumn speciality of Nakatsugawa, Gifu: steamed chestnuts and sugar, twisted into shape in a cloth. Simple and full of chestnut flavour.',
      },
      sizes: [['6個', '6 pieces', 1944]],
    },
    {
      key: 'hand-griddled-dorayaki',
      name: { ja: '手焼き どら焼き', en: 'Hand-Griddled Dorayaki' },
      description: {
        ja: 'ふんわり焼いた生地で、粒あんをたっぷり挟みました。一つずつ個包装しています。',
        en: 'Fluffy griddled pancakes sandwiching plenty of chunky red bean paste. Individually wrapped.',
      },
      sizes: [['5個', '5 pieces', 1080]],
    },
    {
      key: 'monaka-assortment',
      name: { ja: '最中 詰め合わせ', en: 'Monaka Assortment' },
      description: {
        ja: '香ばしい最中の皮に、粒あん・こしあん・白あんを詰めました。贈答用の箱入りです。',
        en: 'Crisp wafer shells filled with chunky, smooth and white bean paste. Presented in a gift box.',
      },
      sizes: [['10個', '10 pieces', 1620]],
    },
    {
      key: 'kyoto-konpeito',
      name: { ja: '京都 金平糖', en: 'Kyoto Konpeito Sugar Stars' },
      description: {
        ja: '二週間以上かけて少しずつ大きく育てる、京都の金平糖です。淡い色合いが美しく、お茶うけや贈り物に向いています。',
        en: 'Kyoto sugar candies grown layer by layer over more than two weeks. Their pale colours make a pretty treat with tea or a small gift.',
      },
      sizes: [['80g', '80 g', 756]],
    },
    {
      key: 'wasanbon-higashi',
      name: { ja: '和三盆 干菓子', en: 'Wasanbon Higashi Sugar Sweets' },
      description: {
        ja: '徳島・香川に伝わる砂糖、和三盆を型で押し固めた干菓子です。口の中ですっと溶ける上品な甘さです。',
        en: 'Dry sweets pressed from wasanbon, the traditional fine sugar of Tokushima and Kagawa. They melt on the tongue with a refined sweetness.',
      },
      sizes: [['30粒', '30 pieces', 1296]],
    },
    {
      key: 'kokuto-karinto',
      name: { ja: '黒糖かりんとう', en: 'Kokuto Karinto' },
      description: {
        ja: '沖縄県産の黒糖蜜をからめた、カリッと香ばしいかりんとうです。',
        en: 'Crunchy fried dough sticks coated in Okinawan brown sugar syrup.',
      },
      sizes: [['200g', '200 g', 486]],
    },
    {
      key: 'kochi-imo-kenpi',
      name: { ja: '高知 芋けんぴ', en: 'Kochi Imo Kenpi' },
      description: {
        ja: '高知県産のさつまいもを細く切って揚げ、蜜をからめた芋けんぴです。ぽりぽりとした食感が止まりません。',
        en: 'Sweet potatoes from Kochi cut into thin sticks, fried and candied. Crunchy and hard to stop eating.',
      },
      sizes: [['150g', '150 g', 432]],
    },
    {
      key: 'soka-soy-sauce-senbei',
      name: { ja: '草加 手焼き醤油せんべい', en: 'Soka Hand-Grilled Soy Sauce Senbei' },
      description: {
        ja: '埼玉・草加で一枚ずつ手で焼き、醤油を塗り重ねた堅焼きせんべいです。香ばしさが際立ちます。',
        en: 'Hard rice crackers hand-grilled one by one in Soka, Saitama, and brushed with soy sauce. Wonderfully toasty.',
      },
      sizes: [['12枚', '12 pieces', 864]],
    },
    {
      key: 'mikawa-shrimp-senbei',
      name: { ja: '三河 えびせんべい', en: 'Mikawa Shrimp Senbei' },
      description: {
        ja: '愛知・三河湾で獲れたえびを使った、香り豊かなえびせんべいの詰め合わせです。',
        en: 'An assortment of fragrant crackers made with shrimp from Mikawa Bay, Aichi.',
      },
      sizes: [['20枚', '20 pieces', 1080]],
    },
    {
      key: 'warabi-mochi-with-kinako',
      name: { ja: '本わらび餅', en: 'Warabi Mochi with Kinako' },
      description: {
        ja: '本わらび粉で作った、ぷるぷるとやわらかいわらび餅です。香ばしいきな粉と黒蜜を添えています。',
        en: 'Soft, wobbly mochi made with real bracken starch, served with toasted kinako and kuromitsu syrup.',
      },
      sizes: [['4人前', '4 servings', 1080]],
    },
    {
      key: 'mizu-yokan',
      name: { ja: '水ようかん', en: 'Mizu Yokan' },
      description: {
        ja: '夏に冷やして食べる、みずみずしくさっぱりとした水ようかんです。缶入りで、持ち運びにも便利です。',
        en: 'A light, refreshing yokan best served chilled in summer. It comes in cans that are easy to take along.',
      },
      sizes: [['6缶', '6 cans', 1620]],
    },
    {
      key: 'arare-rice-cracker-assortment',
      name: { ja: 'あられ 詰め合わせ', en: 'Arare Rice Cracker Assortment' },
      description: {
        ja: '醤油・塩・海苔・ざらめなど、六種類の小さなあられを詰め合わせました。',
        en: 'Six kinds of bite-sized rice crackers: soy sauce, salt, nori, coarse sugar and more.',
      },
      sizes: [['180g', '180 g', 1296]],
    },
    {
      key: 'kanazawa-rakugan',
      name: { ja: '金沢 落雁', en: 'Kanazawa Rakugan' },
      description: {
        ja: '石川・金沢の木型で打ち出した、花や鳥をかたどった落雁です。',
        en: 'Pressed sugar sweets shaped like flowers and birds, made with wooden moulds from Kanazawa, Ishikawa.',
      },
      sizes: [['12個', '12 pieces', 1080]],
    },
    {
      key: 'kuri-mushi-yokan',
      name: { ja: '栗蒸し羊羹', en: 'Kuri Mushi Yokan (Steamed Chestnut Yokan)' },
      description: {
        ja: 'こしあんに小麦粉を加えて蒸し上げ、大粒の栗を散りばめた秋の羊羹です。もっちりとした食感が楽しめます。',
        en: 'An autumn yokan of smooth bean paste and flour, steamed with large chestnuts. Pleasantly chewy.',
      },
      sizes: [['1本', 'Full Bar', 1944]],
    },
    {
      key: 'nagasaki-castella',
      name: { ja: '長崎 カステラ', en: 'Nagasaki Castella' },
      description: {
        ja: '長崎の職人が卵をたっぷり使って焼き上げたカステラです。底のざらめの食感がアクセントです。',
        en: 'Sponge cake baked with plenty of eggs by Nagasaki craftsmen. The coarse sugar on the bottom adds a pleasant crunch.',
      },
      sizes: [['1本', '1 Loaf', 1944]],
    },
  ],
};
