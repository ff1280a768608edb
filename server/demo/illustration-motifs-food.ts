import {
  type Defs,
  type Drawing,
  darken,
  groundShadow,
  lighten,
  n,
  type PaintContext,
  paintBowlBody,
  paperLabel,
} from './illustration-kit.js';
import type { Random } from './prng.js';

const MISO = ['#8b5a2b', '#a5733a', '#6e3f22', '#c79a5a'] as const;

export function paintMisoJar(ctx: PaintContext): Drawing {
  return ctx.random.chance(0.5) ? paintMisoBarrel(ctx) : paintMisoCrock(ctx);
}

/** A glazed crock with a wooden lid and a paper label tied round its neck. */
function paintMisoCrock(ctx: PaintContext): Drawing {
  const { defs, random, palette } = ctx;
  const width = random.range(300, 340);
  const height = random.range(300, 340);
  const b = width * 0.34;
  const m = width * 0.5;
  const k = width * 0.36;
  const H = height;
  const body = `M${n(-b)} 0 C${n(-m * 1.1)} ${n(-H * 0.05)} ${n(-m * 1.05)} ${n(-H * 0.45)} ${n(-m)} ${n(-H * 0.58)} C${n(-m * 0.95)} ${n(-H * 0.8)} ${n(-k * 1.1)} ${n(-H * 0.9)} ${n(-k)} ${n(-H)} L${n(k)} ${n(-H)} C${n(k * 1.1)} ${n(-H * 0.9)} ${n(m * 0.95)} ${n(-H * 0.8)} ${n(m)} ${n(-H * 0.58)} C${n(m * 1.05)} ${n(-H * 0.45)} ${n(m * 1.1)} ${n(-H * 0.05)} ${n(b)} 0 Z`;
  const glaze = random.pick(['#7a4a26', '#b06a3a', '#d9d0bf', '#34455c', '#5d4a3a'] as const);
  const lid = random.pick(['#c89b62', '#a97a48', '#d8b27a'] as const);
  const ry = k * 0.22;
  const label = { x: -width * 0.17, y: -H * 0.72, width: width * 0.34, height: H * 0.5 };
  const markup = [
    groundShadow(defs, width),
    `<path d="${body}" fill="${defs.cylinder(glaze)}"/>`,
    `<path d="M${n(-m * 0.98)} ${n(-H * 0.4)} Q0 ${n(-H * 0.3)} ${n(m * 0.98)} ${n(-H * 0.4)}" stroke="${lighten(glaze, 0.2)}" stroke-width="3" fill="none" opacity="0.5"/>`,
    `<path d="M${n(-k * 1.05)} ${n(-H * 0.93)} Q0 ${n(-H * 0.86)} ${n(k * 1.05)} ${n(-H * 0.93)}" stroke="#b79a5b" stroke-width="5" fill="none"/>`,
    `<g transform="rotate(${n(random.range(-4, 4))} 0 ${n(label.y)})">${paperLabel(ctx, { ...label, band: palette.accent })}</g>`,
    `<path d="${body}" fill="${defs.roundShade(0.6)}"/>`,
    `<path d="M${n(-k * 1.1)} ${n(-H - 2)} L${n(-k * 1.1)} ${n(-H - 18)} L${n(k * 1.1)} ${n(-H - 18)} L${n(k * 1.1)} ${n(-H - 2)} A${n(k * 1.1)} ${n(ry)} 0 0 1 ${n(-k * 1.1)} ${n(-H - 2)} Z" fill="${darken(lid, 0.2)}"/>`,
    `<ellipse cx="0" cy="${n(-H - 18)}" rx="${n(k * 1.1)}" ry="${n(ry)}" fill="${defs.linear([
      [0, lighten(lid, 0.2)],
      [1, lid],
    ])}"/>`,
    `<path d="M${n(-k * 0.8)} ${n(-H - 18)} Q0 ${n(-H - 10)} ${n(k * 0.8)} ${n(-H - 22)}" stroke="${darken(lid, 0.15)}" stroke-width="2" fill="none" opacity="0.6"/>`,
    `<rect x="-34" y="${n(-H - 40)}" width="68" height="18" rx="6" fill="${darken(lid, 0.1)}"/>`,
    `<rect x="-34" y="${n(-H - 44)}" width="68" height="8" rx="4" fill="${lighten(lid, 0.15)}"/>`,
  ].join('');
  return { markup, width, height: H + 44, focus: { x: 0, y: label.y + label.height / 2 } };
}

/** A cedar barrel bound with bamboo hoops, miso heaped inside. */
function paintMisoBarrel(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(300, 340);
  const height = random.range(280, 320);
  const w = width / 2;
  const ry = w * 0.22;
  const wood = random.pick(['#c79a63', '#b9874f', '#d2a970'] as const);
  const body = `M${n(-w * 0.92)} 0 C${n(-w * 1.04)} ${n(-height * 0.35)} ${n(-w * 1.04)} ${n(-height * 0.65)} ${n(-w)} ${n(-height)} L${n(w)} ${n(-height)} C${n(w * 1.04)} ${n(-height * 0.65)} ${n(w * 1.04)} ${n(-height * 0.35)} ${n(w * 0.92)} 0 Z`;
  let staves = '';
  for (let i = -3; i <= 3; i += 1) {
    const x = (i / 3.6) * w;
    staves += `M${n(x * 0.92)} 0 C${n(x * 1.04)} ${n(-height * 0.35)} ${n(x * 1.04)} ${n(-height * 0.65)} ${n(x)} ${n(-height + ry * 0.9)} `;
  }
  const hoop = (y: number, half: number): string => {
    const fill = defs.linear([
      [0, '#dcc07a'],
      [1, '#a8893e'],
    ]);
    return `<path d="M${n(-half)} ${n(y - 12)} A${n(half)} ${n(ry)} 0 0 0 ${n(half)} ${n(y - 12)} L${n(half)} ${n(y + 12)} A${n(half)} ${n(ry)} 0 0 1 ${n(-half)} ${n(y + 12)} Z" fill="${fill}"/><path d="M${n(-half)} ${n(y)} A${n(half)} ${n(ry)} 0 0 0 ${n(half)} ${n(y)}" stroke="#8a6d2c" stroke-width="3" stroke-dasharray="10 6" fill="none"/>`;
  };
  const miso = random.pick(MISO);
  const mound = `M${n(-w * 0.92)} ${n(-height)} Q${n(-w * 0.5)} ${n(-height - ry * 1.6)} 0 ${n(-height - ry * 1.3)} Q${n(w * 0.55)} ${n(-height - ry * 1.8)} ${n(w * 0.92)} ${n(-height)} A${n(w * 0.92)} ${n(ry * 0.85)} 0 0 1 ${n(-w * 0.92)} ${n(-height)} Z`;
  const label = { x: -w * 0.3, y: -height * 0.7, width: w * 0.6, height: height * 0.46 };
  const markup = [
    groundShadow(defs, width),
    `<path d="${body}" fill="${defs.cylinder(wood, 0.8)}"/>`,
    `<path d="${staves}" stroke="${darken(wood, 0.3)}" stroke-width="2" fill="none" opacity="0.55" clip-path="${defs.clip(`<path d="${body}"/>`)}"/>`,
    hoop(-height * 0.16, w * 0.97),
    hoop(-height * 0.84, w * 1.01),
    paperLabel(ctx, label),
    `<path d="${body}" fill="${defs.roundShade(0.6)}"/>`,
    `<ellipse cx="0" cy="${n(-height)}" rx="${n(w)}" ry="${n(ry)}" fill="${darken(wood, 0.35)}"/>`,
    `<path d="${mound}" fill="${defs.linear([
      [0, lighten(miso, 0.15)],
      [1, darken(miso, 0.15)],
    ])}"/>`,
    `<path d="M${n(-w * 0.5)} ${n(-height - ry * 0.9)} q20 -10 40 -2 M${n(w * 0.1)} ${n(-height - ry * 1.1)} q24 -12 46 0" stroke="${lighten(miso, 0.3)}" stroke-width="5" fill="none" stroke-linecap="round" opacity="0.7"/>`,
    `<g transform="translate(${n(w * 0.35)} ${n(-height - ry)}) rotate(28)"><rect x="-9" y="-150" width="18" height="130" rx="8" fill="#e2c48e"/><ellipse cx="0" cy="-20" rx="30" ry="40" fill="#ead2a3"/></g>`,
  ].join('');
  return { markup, width, height: height + 150, focus: { x: 0, y: label.y + label.height / 2 } };
}

/** A lacquered soup bowl of miso soup with tofu, wakame and spring onion, or clear dashi. */
export function paintSoupBowl(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(250, 280);
  const lacquer = random.pick([
    { outside: '#2a1d1a', inside: '#8e2a22' },
    { outside: '#7e251e', inside: '#7e251e' },
    { outside: '#3a2a22', inside: '#5a3423' },
  ] as const);
  const bowl = paintBowlBody(defs, {
    width,
    height: width * 0.5,
    outside: lacquer.outside,
    inside: lacquer.inside,
    foot: 0.42,
  });
  const broth = random.pick(['#c6955a', '#d7b173', '#b37a45', '#e0c48a'] as const);
  const cy = bowl.rimY + bowl.rimRy * 0.2;
  const rx = bowl.rimRx * 0.9;
  const ry = bowl.rimRy * 0.78;
  let garnish = '';
  for (let i = 0; i < 4; i += 1) {
    const x = random.range(-rx * 0.6, rx * 0.6);
    const y = cy + random.range(-ry * 0.5, ry * 0.4);
    garnish += `<path d="M${n(x - 14)} ${n(y)} l14 -7 l14 7 l-14 7 Z" fill="#f5f1e6"/><path d="M${n(x - 14)} ${n(y)} l14 7 l0 6 l-14 -7 Z" fill="#d9d2c1"/>`;
  }
  for (let i = 0; i < 9; i += 1) {
    const x = random.range(-rx * 0.75, rx * 0.75);
    const y = cy + random.range(-ry * 0.6, ry * 0.55);
    garnish += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="5" ry="3.2" fill="#6f9a3a"/><ellipse cx="${n(x)}" cy="${n(y)}" rx="2" ry="1.2" fill="#cfe0a2"/>`;
  }
  garnish += `<path d="M${n(-rx * 0.5)} ${n(cy + 6)} q20 -14 40 -2 q14 10 34 -2" stroke="#2f4a2a" stroke-width="9" fill="none" stroke-linecap="round" opacity="0.8"/>`;
  const markup = [
    groundShadow(defs, width),
    bowl.markup,
    `<ellipse cx="0" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${defs.radial([
      [0, lighten(broth, 0.18)],
      [1, darken(broth, 0.1)],
    ])}"/>`,
    garnish,
    `<ellipse cx="${n(-bowl.rimRx * 0.55)}" cy="${n(-width * 0.3)}" rx="${n(width * 0.05)}" ry="${n(width * 0.1)}" fill="#ffffff" opacity="0.18"/>`,
  ].join('');
  return { markup, width, height: width * 0.5 + bowl.rimRy, focus: { x: 0, y: cy } };
}

type DriedKind = 'kombu' | 'shiitake' | 'katsuo' | 'niboshi';

function driedPiece(kind: DriedKind, random: Random, x: number, y: number, scale: number): string {
  const t = `translate(${n(x)} ${n(y)}) rotate(${n(random.range(-30, 30))}) scale(${Math.round(scale * 100) / 100})`;
  if (kind === 'kombu') {
    const tone = random.pick(['#3b4a2c', '#2f3b26', '#45502f'] as const);
    return `<g transform="${t}"><path d="M-90 -14 Q-60 -26 -30 -14 T30 -14 T90 -14 L90 14 Q60 2 30 14 T-30 14 T-90 14 Z" fill="${tone}"/><path d="M-70 -6 q20 -6 40 0 M10 -4 q20 -6 40 0" stroke="#d7d9c6" stroke-width="3" opacity="0.45" stroke-linecap="round"/></g>`;
  }
  if (kind === 'shiitake') {
    const cap = random.pick(['#6e4a2e', '#5c3c24', '#7b5535'] as const);
    return `<g transform="${t}"><rect x="-8" y="0" width="16" height="26" rx="6" fill="#d8c2a0"/><ellipse cx="0" cy="0" rx="42" ry="24" fill="${cap}"/><path d="M-26 -6 l10 6 l-4 10 M6 -14 l8 8 l10 -2 M-6 6 l6 8" stroke="#e9dcc4" stroke-width="3" fill="none" stroke-linecap="round" opacity="0.8"/></g>`;
  }
  if (kind === 'katsuo') {
    const tone = random.pick(['#d9a48f', '#e3b9a4', '#c98f78'] as const);
    return `<g transform="${t}"><path d="M-30 0 C-20 -26 20 -26 30 -4 C14 -14 -12 -14 -30 0 Z" fill="${tone}"/><path d="M-24 -6 C-10 -18 10 -18 22 -8" stroke="${lighten(tone, 0.35)}" stroke-width="2" fill="none"/></g>`;
  }
  return `<g transform="${t}"><path d="M-34 0 Q-10 -14 24 -4 L38 -12 L34 0 L38 12 L24 4 Q-10 14 -34 0 Z" fill="#a9b1b6"/><path d="M-30 -2 Q-6 -10 22 -4" stroke="#e4e8ea" stroke-width="3" fill="none"/><circle cx="-24" cy="-2" r="3" fill="#2a2a2a"/></g>`;
}

/** A stand-up pouch with a window onto kombu, shiitake, bonito flakes or dried sardines. */
export function paintDriedGoods(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(270, 300);
  const height = random.range(370, 400);
  const w = width / 2;
  const kind = random.pick(['kombu', 'shiitake', 'katsuo', 'niboshi'] as const);
  const paper = random.pick(['#c9a579', '#efe8da', '#2f2b28', '#d7c3a0'] as const);
  const sealTop = -height;
  let zigzag = `M${n(-w)} ${n(sealTop + 8)}`;
  for (let i = 0; i <= 24; i += 1) zigzag += ` L${n(-w + (width * i) / 24)} ${n(sealTop + (i % 2 === 0 ? 8 : 0))}`;
  const pouch = `${zigzag} L${n(w)} ${n(sealTop + 40)} C${n(w + 6)} ${n(-height * 0.6)} ${n(w + 8)} ${n(-height * 0.2)} ${n(w * 0.96)} -6 Q${n(w * 0.9)} 0 ${n(w * 0.8)} 0 L${n(-w * 0.8)} 0 Q${n(-w * 0.9)} 0 ${n(-w * 0.96)} -6 C${n(-w - 8)} ${n(-height * 0.2)} ${n(-w - 6)} ${n(-height * 0.6)} ${n(-w)} ${n(sealTop + 40)} Z`;
  const win = { x: -w * 0.66, y: -height * 0.5, width: w * 1.32, height: height * 0.4 };
  const clip = defs.clip(
    `<rect x="${n(win.x)}" y="${n(win.y)}" width="${n(win.width)}" height="${n(win.height)}" rx="18"/>`,
  );
  let contents = `<rect x="${n(win.x)}" y="${n(win.y)}" width="${n(win.width)}" height="${n(win.height)}" fill="${kind === 'kombu' ? '#55603c' : kind === 'shiitake' ? '#b99a74' : kind === 'katsuo' ? '#e8c6b2' : '#8d979c'}"/>`;
  for (let i = 0; i < 22; i += 1) {
    contents += driedPiece(
      kind,
      random,
      win.x + random.range(0, win.width),
      win.y + random.range(0, win.height),
      kind === 'kombu' ? 0.9 : 1.1,
    );
  }
  const label = { x: -w * 0.7, y: sealTop + 56, width: w * 1.4, height: height * 0.32 };
  const loose = [0, 1, 2]
    .map((i) => driedPiece(kind, random, (i - 1) * w * 0.9 + random.range(-20, 20), random.range(6, 26), 1.15))
    .join('');
  const markup = [
    groundShadow(defs, width * 1.2),
    `<path d="${pouch}" fill="${defs.cylinder(paper, 0.6)}"/>`,
    `<rect x="${n(-w)}" y="${n(sealTop + 32)}" width="${n(width)}" height="3" fill="${darken(paper, 0.2)}" opacity="0.6"/>`,
    `<circle cx="${n(w * 0.78)}" cy="${n(sealTop + 20)}" r="7" fill="${darken(paper, 0.35)}"/>`,
    paperLabel(ctx, label),
    `<g clip-path="${clip}">${contents}</g>`,
    `<rect x="${n(win.x)}" y="${n(win.y)}" width="${n(win.width)}" height="${n(win.height)}" rx="18" fill="#ffffff" opacity="0.12" stroke="${darken(paper, 0.25)}" stroke-width="3"/>`,
    `<path d="M${n(win.x + 20)} ${n(win.y + 20)} l40 0 M${n(win.x + 20)} ${n(win.y + 32)} l22 0" stroke="#ffffff" stroke-width="5" stroke-linecap="round" opacity="0.5"/>`,
    `<path d="${pouch}" fill="${defs.roundShade(0.45)}"/>`,
    loose,
  ].join('');
  return { markup, width: width * 1.3, height: height + 10, focus: { x: 0, y: -height * 0.45 } };
}

/** A gathered rice sack tied with a red-and-white cord, with ears of rice on the front. */
export function paintRiceBag(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(290, 320);
  const height = random.range(400, 430);
  const w = width / 2;
  const neck = w * 0.36;
  const shoulder = -height * 0.74;
  const neckY = -height * 0.86;
  const cloth = random.pick(['#f2ece0', '#d9bf93', '#ece3cf', '#e6dccb'] as const);
  let frill = `M${n(-neck * 1.5)} ${n(neckY - 8)}`;
  for (let i = 0; i <= 10; i += 1)
    frill += ` L${n(-neck * 1.5 + (neck * 3 * i) / 10)} ${n(-height + (i % 2 === 0 ? 0 : 22))}`;
  frill += ` L${n(neck * 1.5)} ${n(neckY - 8)} Z`;
  const sack = `M${n(-w * 0.9)} 0 Q${n(-w * 1.02)} 0 ${n(-w * 1.02)} -20 C${n(-w * 1.08)} ${n(-height * 0.35)} ${n(-w * 1.04)} ${n(shoulder + 40)} ${n(-w * 0.9)} ${n(shoulder)} C${n(-w * 0.7)} ${n(neckY + 30)} ${n(-neck * 1.2)} ${n(neckY + 10)} ${n(-neck)} ${n(neckY)} L${n(neck)} ${n(neckY)} C${n(neck * 1.2)} ${n(neckY + 10)} ${n(w * 0.7)} ${n(neckY + 30)} ${n(w * 0.9)} ${n(shoulder)} C${n(w * 1.04)} ${n(shoulder + 40)} ${n(w * 1.08)} ${n(-height * 0.35)} ${n(w * 1.02)} -20 Q${n(w * 1.02)} 0 ${n(w * 0.9)} 0 Z`;
  const stripes = random.chance(0.4)
    ? `<g clip-path="${defs.clip(`<path d="${sack}"/>`)}"><rect x="${n(-w * 1.1)}" y="${n(-height * 0.2)}" width="${n(width * 1.2)}" height="14" fill="#35507a" opacity="0.8"/><rect x="${n(-w * 1.1)}" y="${n(-height * 0.2 + 22)}" width="${n(width * 1.2)}" height="6" fill="#35507a" opacity="0.8"/></g>`
    : '';
  const label = { x: -w * 0.32, y: -height * 0.66, width: w * 0.64, height: height * 0.42 };
  const ears = [-1, 1].map((side) => riceEar(random, side * w * 0.62, -height * 0.32, side)).join('');
  let grains = '';
  for (let i = 0; i < 26; i += 1) {
    const x = random.range(-w * 1.3, w * 1.3);
    const y = random.range(4, 34);
    grains += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="6" ry="3.4" fill="#fbf8f0" stroke="#d9d1bf" stroke-width="1" transform="rotate(${n(random.range(0, 180))} ${n(x)} ${n(y)})"/>`;
  }
  const markup = [
    groundShadow(defs, width * 1.1),
    `<path d="${frill}" fill="${darken(cloth, 0.06)}"/>`,
    `<path d="${sack}" fill="${defs.cylinder(cloth, 0.55)}"/>`,
    stripes,
    ears,
    paperLabel(ctx, label),
    `<path d="${sack}" fill="${defs.roundShade(0.45)}"/>`,
    `<rect x="${n(-neck * 1.15)}" y="${n(neckY - 8)}" width="${n(neck * 2.3)}" height="16" rx="8" fill="#c23b30"/>`,
    `<path d="M${n(-neck * 1.1)} ${n(neckY)} h${n(neck * 2.2)}" stroke="#ffffff" stroke-width="5" stroke-dasharray="12 10"/>`,
    `<path d="M${n(neck * 0.9)} ${n(neckY + 4)} q24 30 10 70 M${n(neck * 0.9)} ${n(neckY + 4)} q40 14 44 60" stroke="#c23b30" stroke-width="6" fill="none" stroke-linecap="round"/>`,
    grains,
  ].join('');
  return { markup, width: width * 1.3, height, focus: { x: 0, y: label.y + label.height / 2 } };
}

function riceEar(random: Random, x: number, y: number, side: number): string {
  let grains = '';
  for (let i = 0; i < 7; i += 1) {
    const t = i / 6;
    const gx = x + side * (10 + t * 34);
    const gy = y - 110 + t * 70;
    grains += `<ellipse cx="${n(gx)}" cy="${n(gy)}" rx="6" ry="10" fill="#c9a03c" transform="rotate(${n(side * (30 + t * 30))} ${n(gx)} ${n(gy)})"/>`;
  }
  return `<path d="M${n(x)} ${n(y + 60)} Q${n(x + side * 4)} ${n(y - 60)} ${n(x + side * 46)} ${n(y - 40)}" stroke="#9c8a3c" stroke-width="4" fill="none"/><path d="M${n(x)} ${n(y + 40)} q${n(side * -30)} -40 ${n(side * -20)} -90" stroke="#7b8c3f" stroke-width="5" fill="none" stroke-linecap="round" opacity="${n(random.range(0.7, 1))}"/>${grains}`;
}

export function paintRiceBowl(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(230, 260);
  const glaze = random.pick(['#f3efe6', '#2e4a6e', '#8a5a3a', '#e8dcc6'] as const);
  const bowl = paintBowlBody(defs, { width, height: width * 0.45, outside: glaze, inside: lighten(glaze, 0.5) });
  const rx = bowl.rimRx * 0.92;
  const top = bowl.rimY - width * 0.26;
  let texture = '';
  for (let i = 0; i < 34; i += 1) {
    const x = random.range(-rx * 0.75, rx * 0.75);
    const y = bowl.rimY - random.range(0, 1) * (width * 0.22) * (1 - (x / rx) ** 2);
    texture += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="6" ry="3.5" fill="#ffffff" stroke="#e4dfd2" stroke-width="1" transform="rotate(${n(random.range(-60, 60))} ${n(x)} ${n(y)})"/>`;
  }
  const markup = [
    groundShadow(defs, width),
    bowl.markup,
    `<path d="M${n(-rx)} ${n(bowl.rimY)} C${n(-rx * 0.8)} ${n(top)} ${n(rx * 0.8)} ${n(top)} ${n(rx)} ${n(bowl.rimY)} A${n(rx)} ${n(bowl.rimRy * 0.9)} 0 0 1 ${n(-rx)} ${n(bowl.rimY)} Z" fill="${defs.radial(
      [
        [0, '#ffffff'],
        [1, '#e9e4d8'],
      ],
      { cx: 0.4, cy: 0.3, r: 0.8 },
    )}"/>`,
    texture,
    `<g transform="translate(${n(-bowl.rimRx * 1.1)} ${n(bowl.rimY * 0.2)}) rotate(-8)"><rect x="0" y="-6" width="${n(width * 1.3)}" height="9" rx="4" fill="#5a3826"/><rect x="0" y="8" width="${n(width * 1.3)}" height="9" rx="4" fill="#6a4430"/></g>`,
  ].join('');
  return { markup, width: width * 1.3, height: width * 0.75, focus: { x: 0, y: bowl.rimY } };
}

type PickleKind = 'umeboshi' | 'takuan' | 'cucumber';

function picklePiece(defs: Defs, kind: PickleKind, x: number, y: number, r: number): string {
  if (kind === 'umeboshi') {
    const fill = defs.radial(
      [
        [0, '#e0626a'],
        [0.7, '#b32c3a'],
        [1, '#8a1f2c'],
      ],
      { cx: 0.38, cy: 0.35, r: 0.7 },
    );
    return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"/><path d="M${n(x - r * 0.4)} ${n(y - r * 0.1)} q${n(r * 0.3)} ${n(-r * 0.3)} ${n(r * 0.6)} 0" stroke="#7d1b27" stroke-width="2" fill="none" opacity="0.6"/><ellipse cx="${n(x - r * 0.35)}" cy="${n(y - r * 0.4)}" rx="${n(r * 0.2)}" ry="${n(r * 0.12)}" fill="#ffffff" opacity="0.5"/>`;
  }
  if (kind === 'takuan') {
    return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r * 1.1)}" ry="${n(r * 0.9)}" fill="#e7c23a"/><ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r * 0.8)}" ry="${n(r * 0.62)}" fill="#f1d767"/>`;
  }
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="#4f7a33"/><circle cx="${n(x)}" cy="${n(y)}" r="${n(r * 0.78)}" fill="#b9cf7b"/><path d="M${n(x - r * 0.3)} ${n(y)} h${n(r * 0.6)}" stroke="#dfe8b5" stroke-width="3"/>`;
}

/** A glass jar of pickles with a cloth tied over the lid. */
export function paintPicklesJar(ctx: PaintContext): Drawing {
  const { defs, random, palette } = ctx;
  const width = random.range(230, 260);
  const height = random.range(270, 300);
  const w = width / 2;
  const kind = random.pick(['umeboshi', 'umeboshi', 'takuan', 'cucumber'] as const);
  const jar = `M${n(-w)} ${n(-height + 30)} L${n(-w)} -24 Q${n(-w)} 0 ${n(-w + 24)} 0 L${n(w - 24)} 0 Q${n(w)} 0 ${n(w)} -24 L${n(w)} ${n(-height + 30)} Q${n(w)} ${n(-height + 14)} ${n(w * 0.8)} ${n(-height + 10)} L${n(-w * 0.8)} ${n(-height + 10)} Q${n(-w)} ${n(-height + 14)} ${n(-w)} ${n(-height + 30)} Z`;
  const clip = defs.clip(`<path d="${jar}"/>`);
  let contents = `<rect x="${n(-w)}" y="${n(-height * 0.86)}" width="${n(width)}" height="${n(height)}" fill="${kind === 'umeboshi' ? '#c9707a' : kind === 'takuan' ? '#e9d27a' : '#a9c07a'}" opacity="0.75"/>`;
  const r = kind === 'umeboshi' ? 30 : 26;
  for (let row = 0; row < 6; row += 1) {
    for (let col = 0; col < 5; col += 1) {
      const x = -w + r + col * r * 1.7 + (row % 2) * r * 0.85 + random.range(-5, 5);
      const y = -r - row * r * 1.45 + random.range(-4, 4);
      if (y > -height * 0.84) contents += picklePiece(defs, kind, x, y, r * random.range(0.9, 1.05));
    }
  }
  const cloth = palette.accent;
  const clothTop = -height - 6;
  const hemY = -height + 58;
  // Dome over the lid, straight sides, then a scalloped hem drawn back from right to left.
  let clothPath = `M${n(-w * 0.94)} ${n(hemY)} L${n(-w * 0.86)} ${n(clothTop + 10)} Q0 ${n(clothTop - 14)} ${n(w * 0.86)} ${n(clothTop + 10)} L${n(w * 0.94)} ${n(hemY)}`;
  const scallops = 8;
  for (let i = scallops - 1; i >= 0; i -= 1) {
    const x0 = -w * 0.94 + (w * 1.88 * (i + 1)) / scallops;
    const x1 = -w * 0.94 + (w * 1.88 * i) / scallops;
    clothPath += ` Q${n((x0 + x1) / 2)} ${n(hemY + (i % 2 === 0 ? 24 : 12))} ${n(x1)} ${n(hemY)}`;
  }
  clothPath += ' Z';
  const label = { x: -w * 0.28, y: -height * 0.62, width: w * 0.56, height: height * 0.4 };
  const markup = [
    groundShadow(defs, width),
    `<path d="${jar}" fill="#eef3ef" opacity="0.45"/>`,
    `<g clip-path="${clip}">${contents}</g>`,
    `<path d="${jar}" fill="none" stroke="#ffffff" stroke-opacity="0.75" stroke-width="4"/>`,
    `<rect x="${n(-w * 0.8)}" y="${n(-height * 0.8)}" width="12" height="${n(height * 0.65)}" rx="6" fill="#ffffff" opacity="0.45"/>`,
    paperLabel(ctx, label),
    `<path d="${clothPath}" fill="${cloth}"/>`,
    `<path d="M${n(-w * 0.86)} ${n(clothTop + 10)} Q0 ${n(clothTop - 14)} ${n(w * 0.86)} ${n(clothTop + 10)}" stroke="${lighten(cloth, 0.3)}" stroke-width="4" fill="none"/>`,
    `<rect x="${n(-w * 0.9)}" y="${n(hemY - 22)}" width="${n(w * 1.8)}" height="9" rx="4" fill="#e9dcc0"/>`,
    `<path d="M${n(w * 0.5)} ${n(hemY - 18)} q20 -26 36 -8 q-14 14 -36 8 q10 24 -6 40" stroke="#e9dcc0" stroke-width="6" fill="none" stroke-linecap="round"/>`,
  ].join('');
  return { markup, width, height: height + 10, focus: { x: 0, y: -height * 0.45 } };
}

export function paintPicklesPlate(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(240, 270);
  const w = width / 2;
  const glaze = random.pick(['#f1ede3', '#3b4f6b', '#5e7a4a', '#2a2725'] as const);
  const kind = random.pick(['umeboshi', 'takuan', 'cucumber'] as const);
  const top = `M${n(-w)} -40 L${n(-w * 0.7)} -96 L${n(w)} -96 L${n(w * 0.7)} -40 Z`;
  const pieces = [-0.35, 0, 0.35].map((t, i) => picklePiece(defs, kind, t * w + 10, -70 + (i % 2) * 6, 24)).join('');
  const markup = [
    groundShadow(defs, width),
    `<path d="M${n(-w)} -40 L${n(w * 0.7)} -40 L${n(w * 0.7)} -26 L${n(-w)} -26 Z" fill="${darken(glaze, 0.25)}"/>`,
    `<path d="${top}" fill="${defs.linear([
      [0, lighten(glaze, 0.15)],
      [1, glaze],
    ])}"/>`,
    `<path d="${top}" fill="none" stroke="${darken(glaze, 0.15)}" stroke-width="3"/>`,
    pieces,
  ].join('');
  return { markup, width, height: 110, focus: { x: 0, y: -60 } };
}

type Sweet = 'yokan' | 'nerikiri' | 'dango' | 'kinton' | 'monaka';

function sweetMarkup(defs: Defs, random: Random, sweet: Sweet, x: number, y: number): string {
  if (sweet === 'yokan') {
    const tone = random.pick(['#4a1f1f', '#5b6f2e', '#3a1a1c'] as const);
    const chestnut = random.chance(0.5)
      ? `<ellipse cx="${n(x - 20)}" cy="${n(y - 30)}" rx="14" ry="10" fill="#e8c45a"/><ellipse cx="${n(x + 30)}" cy="${n(y - 22)}" rx="12" ry="9" fill="#e8c45a"/>`
      : '';
    return `<path d="M${n(x - 70)} ${n(y - 60)} L${n(x - 40)} ${n(y - 84)} L${n(x + 90)} ${n(y - 84)} L${n(x + 60)} ${n(y - 60)} Z" fill="${lighten(tone, 0.18)}"/><path d="M${n(x + 60)} ${n(y - 60)} L${n(x + 90)} ${n(y - 84)} L${n(x + 90)} ${n(y - 20)} L${n(x + 60)} ${n(y)} Z" fill="${darken(tone, 0.2)}"/><rect x="${n(x - 70)}" y="${n(y - 60)}" width="130" height="60" fill="${tone}"/>${chestnut}<path d="M${n(x - 62)} ${n(y - 50)} h40" stroke="#ffffff" stroke-width="4" opacity="0.25" stroke-linecap="round"/>`;
  }
  if (sweet === 'nerikiri') {
    const tone = random.pick(['#f1a7b5', '#f4c6d0', '#d6b8e0', '#f6e0a4'] as const);
    const fill = defs.radial(
      [
        [0, lighten(tone, 0.45)],
        [1, tone],
      ],
      { cx: 0.45, cy: 0.35, r: 0.75 },
    );
    let petals = '';
    for (let i = 0; i < 5; i += 1) {
      const a = (Math.PI * 2 * i) / 5 - Math.PI / 2;
      petals += `M${n(x + Math.cos(a) * 14)} ${n(y - 44 + Math.sin(a) * 10)} L${n(x + Math.cos(a) * 50)} ${n(y - 44 + Math.sin(a) * 36)} `;
    }
    return `<ellipse cx="${n(x)}" cy="${n(y - 40)}" rx="56" ry="44" fill="${fill}"/><path d="${petals}" stroke="${darken(tone, 0.15)}" stroke-width="3" stroke-linecap="round"/><circle cx="${n(x)}" cy="${n(y - 46)}" r="7" fill="#f2c94c"/><circle cx="${n(x + 8)}" cy="${n(y - 40)}" r="4" fill="#f2c94c"/>`;
  }
  if (sweet === 'dango') {
    const colors = ['#f3b6c2', '#fbf6ec', '#9dbb6a'];
    return `<path d="M${n(x - 100)} ${n(y - 14)} L${n(x + 100)} ${n(y - 44)}" stroke="#c9a46a" stroke-width="6" stroke-linecap="round"/>${colors
      .map(
        (c, i) =>
          `<circle cx="${n(x - 50 + i * 50)}" cy="${n(y - 22 - i * 7.5)}" r="28" fill="${defs.radial(
            [
              [0, lighten(c, 0.4)],
              [1, darken(c, 0.06)],
            ],
            { cx: 0.4, cy: 0.35, r: 0.7 },
          )}"/>`,
      )
      .join('')}`;
  }
  if (sweet === 'kinton') {
    const fill = defs.radial(
      [
        [0, '#f3dc9b'],
        [1, '#d4a84e'],
      ],
      { cx: 0.4, cy: 0.35, r: 0.75 },
    );
    return `<path d="M${n(x - 46)} ${n(y - 6)} Q${n(x - 56)} ${n(y - 74)} ${n(x)} ${n(y - 86)} Q${n(x + 56)} ${n(y - 74)} ${n(x + 46)} ${n(y - 6)} Z" fill="${fill}"/><path d="M${n(x)} ${n(y - 86)} q-10 20 -24 26 M${n(x)} ${n(y - 86)} q10 20 24 26 M${n(x)} ${n(y - 86)} q0 18 -2 30" stroke="#b98a36" stroke-width="3" fill="none" stroke-linecap="round"/>`;
  }
  return `<rect x="${n(x - 60)}" y="${n(y - 54)}" width="120" height="50" rx="18" fill="#d9b477"/><rect x="${n(x - 60)}" y="${n(y - 62)}" width="120" height="50" rx="18" fill="#e8c98f"/><path d="M${n(x - 40)} ${n(y - 58)} v42 M${n(x - 14)} ${n(y - 58)} v42 M${n(x + 12)} ${n(y - 58)} v42 M${n(x + 38)} ${n(y - 58)} v42 M${n(x - 54)} ${n(y - 37)} h108" stroke="#c99d5a" stroke-width="3"/>`;
}

/** Sweets laid out on a lacquered tray or a round dish, with a kuromoji pick. */
export function paintWagashiPlate(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(560, 620);
  const w = width / 2;
  const tray = random.chance(0.5);
  const surface = random.pick(['#2a1d1a', '#7e251e', '#f0ebe0', '#3b4f6b'] as const);
  let base: string;
  if (tray) {
    base = `<path d="M${n(-w)} -20 L${n(-w * 0.82)} -190 L${n(w * 0.82)} -190 L${n(w)} -20 Z" fill="${defs.linear([
      [0, lighten(surface, 0.12)],
      [1, surface],
    ])}"/><path d="M${n(-w)} -20 L${n(w)} -20 L${n(w)} 0 L${n(-w)} 0 Z" fill="${darken(surface, 0.3)}"/><path d="M${n(-w * 0.78)} -178 L${n(w * 0.78)} -178" stroke="#ffffff" stroke-opacity="0.2" stroke-width="4"/>`;
  } else {
    base = `<ellipse cx="0" cy="-90" rx="${n(w)}" ry="${n(w * 0.3)}" fill="${darken(surface, 0.2)}"/><ellipse cx="0" cy="-102" rx="${n(w)}" ry="${n(w * 0.3)}" fill="${defs.linear(
      [
        [0, lighten(surface, 0.15)],
        [1, surface],
      ],
    )}"/><ellipse cx="0" cy="-102" rx="${n(w * 0.8)}" ry="${n(w * 0.23)}" fill="none" stroke="${darken(surface, 0.1)}" stroke-width="3"/>`;
  }
  const choices: Sweet[] = ['yokan', 'nerikiri', 'dango', 'kinton', 'monaka'];
  const first = random.pick(choices);
  const second = random.pick(choices.filter((s) => s !== first));
  const sweetAt = (sweet: Sweet, x: number, y: number): string =>
    `<g transform="translate(${n(x)} ${n(y)}) scale(1.5)">${sweetMarkup(defs, random, sweet, 0, 0)}</g>`;
  const sweets = sweetAt(first, -w * 0.4, tray ? -70 : -60) + sweetAt(second, w * 0.36, tray ? -56 : -50);
  const pick = `<path d="M${n(-w * 0.12)} -40 L${n(w * 0.02)} -150" stroke="#b58a56" stroke-width="7" stroke-linecap="round"/><path d="M${n(-w * 0.005)} -130 L${n(w * 0.02)} -150" stroke="#6b4a2a" stroke-width="7" stroke-linecap="round"/>`;
  const markup = [groundShadow(defs, width), base, pick, sweets].join('');
  return { markup, width, height: 300, focus: { x: 0, y: -110 } };
}

export function paintMatchaBowl(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(250, 280);
  const glaze = random.pick(['#2b2624', '#8c6a4f', '#c8b79c', '#405b66', '#7c2f25'] as const);
  const bowl = paintBowlBody(defs, {
    width,
    height: width * 0.55,
    outside: glaze,
    inside: darken(glaze, 0.1),
    foot: 0.45,
  });
  const cy = bowl.rimY + bowl.rimRy * 0.15;
  let foam = '';
  for (let i = 0; i < 26; i += 1) {
    foam += `<circle cx="${n(random.range(-bowl.rimRx * 0.6, bowl.rimRx * 0.6))}" cy="${n(cy + random.range(-bowl.rimRy * 0.5, bowl.rimRy * 0.5))}" r="${n(random.range(1.5, 3.5))}" fill="#e5efb4" opacity="0.8"/>`;
  }
  const drip = `<path d="M${n(-bowl.rimRx)} ${n(bowl.rimY)} q20 40 40 10 q20 50 50 6 q30 30 60 0" fill="${lighten(glaze, 0.25)}" opacity="0.5"/>`;
  const markup = [
    groundShadow(defs, width),
    bowl.markup,
    drip,
    `<ellipse cx="0" cy="${n(cy)}" rx="${n(bowl.rimRx * 0.86)}" ry="${n(bowl.rimRy * 0.74)}" fill="${defs.radial([
      [0, '#b9cf5a'],
      [1, '#7f9c2f'],
    ])}"/>`,
    foam,
  ].join('');
  return { markup, width, height: width * 0.55 + bowl.rimRy, focus: { x: 0, y: cy } };
}
