import {
  type Drawing,
  darken,
  groundShadow,
  leaf,
  lighten,
  n,
  type PaintContext,
  paperLabel,
} from './illustration-kit.js';
import { registerPattern } from './illustration-patterns.js';

type BottleShape = { width: number; height: number; bodyHeight: number; shoulder: number; neckWidth: number };

/** Outline of a straight-sided bottle, from the base up to the top of the neck. */
function bottlePath({ width, height, bodyHeight, shoulder, neckWidth }: BottleShape): string {
  const w = width / 2;
  const k = neckWidth / 2;
  const b = bodyHeight;
  const s = b + shoulder;
  return [
    `M${n(-w)} -16 L${n(-w)} ${n(-b)}`,
    `C${n(-w)} ${n(-b - shoulder * 0.6)} ${n(-k)} ${n(-b - shoulder * 0.45)} ${n(-k)} ${n(-s)}`,
    `L${n(-k)} ${n(-height)} L${n(k)} ${n(-height)} L${n(k)} ${n(-s)}`,
    `C${n(k)} ${n(-b - shoulder * 0.45)} ${n(w)} ${n(-b - shoulder * 0.6)} ${n(w)} ${n(-b)}`,
    `L${n(w)} -16 Q${n(w)} 0 ${n(w - 16)} 0 L${n(-w + 16)} 0 Q${n(-w)} 0 ${n(-w)} -16 Z`,
  ].join(' ');
}

function glassHighlights(shape: BottleShape): string {
  const { width, bodyHeight, shoulder, neckWidth, height } = shape;
  return [
    `<rect x="${n(-width * 0.32)}" y="${n(-bodyHeight * 0.95)}" width="${n(width * 0.06)}" height="${n(bodyHeight * 0.82)}" rx="${n(width * 0.03)}" fill="#ffffff" opacity="0.24"/>`,
    `<rect x="${n(width * 0.3)}" y="${n(-bodyHeight * 0.9)}" width="${n(width * 0.025)}" height="${n(bodyHeight * 0.7)}" rx="2" fill="#ffffff" opacity="0.12"/>`,
    `<path d="M${n(-width * 0.36)} ${n(-bodyHeight - 6)} Q${n(-width * 0.3)} ${n(-bodyHeight - shoulder * 0.55)} ${n(-neckWidth * 0.32)} ${n(-bodyHeight - shoulder * 0.95)}" stroke="#ffffff" stroke-opacity="0.3" stroke-width="${n(width * 0.045)}" fill="none" stroke-linecap="round"/>`,
    `<rect x="${n(-neckWidth * 0.3)}" y="${n(-height + 10)}" width="${n(neckWidth * 0.14)}" height="${n(height - bodyHeight - shoulder - 14)}" rx="3" fill="#ffffff" opacity="0.22"/>`,
  ].join('');
}

function capMarkup(ctx: PaintContext, cap: { neckWidth: number; top: number; height: number }): string {
  const { defs, random, palette } = ctx;
  const { neckWidth, top, height } = cap;
  const w = neckWidth + 8;
  const style = random.pick(['gold', 'red', 'paper', 'black'] as const);
  if (style === 'paper') {
    // A washi cap tied with cord, the old way of sealing an isshobin.
    const paper = lighten(palette.accentSoft, 0.55);
    return [
      `<path d="M${n(-w / 2 - 8)} ${n(top + height + 16)} L${n(-w / 2)} ${n(top)} Q0 ${n(top - 14)} ${n(w / 2)} ${n(top)} L${n(w / 2 + 8)} ${n(top + height + 16)} Z" fill="${paper}"/>`,
      `<path d="M${n(-w / 2 - 8)} ${n(top + height + 16)} L${n(w / 2 + 8)} ${n(top + height + 16)}" stroke="${darken(paper, 0.15)}" stroke-width="3"/>`,
      `<rect x="${n(-w / 2 - 6)}" y="${n(top + height * 0.55)}" width="${n(w + 12)}" height="7" rx="3" fill="${palette.accent}"/>`,
      `<path d="M${n(w / 2 + 4)} ${n(top + height * 0.6)} q14 18 6 40 M${n(w / 2 + 4)} ${n(top + height * 0.6)} q22 10 22 34" stroke="${palette.accent}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
    ].join('');
  }
  const color = style === 'gold' ? '#c9a24e' : style === 'red' ? '#a8352c' : '#2a2724';
  const ridges = [0.25, 0.45, 0.65, 0.85].map((t) => `M${n(-w / 2)} ${n(top + height * t)} h${n(w)}`).join(' ');
  return `<rect x="${n(-w / 2)}" y="${n(top)}" width="${n(w)}" height="${n(height)}" rx="6" fill="${defs.cylinder(color)}"/><path d="${ridges}" stroke="${darken(color, 0.3)}" stroke-opacity="0.5" stroke-width="2"/>`;
}

const SAKE_GLASS = ['#3d5a34', '#5a3a22', '#22405e', '#2c2a2f', '#6f877d'] as const;

export function paintSakeBottle(ctx: PaintContext): Drawing {
  const { defs, random, palette } = ctx;
  const width = random.range(150, 180);
  const height = random.range(545, 600);
  const shape: BottleShape = {
    width,
    height: height - 46,
    bodyHeight: height * random.range(0.55, 0.6),
    shoulder: height * random.range(0.14, 0.18),
    neckWidth: width * random.range(0.3, 0.35),
  };
  const glass = random.pick(SAKE_GLASS);
  const labelHeight = shape.bodyHeight * random.range(0.66, 0.76);
  const labelTop = -shape.bodyHeight * 0.9;
  const collarY = -shape.bodyHeight - shape.shoulder - random.range(40, 70);
  const markup = [
    groundShadow(defs, width),
    `<path d="${bottlePath(shape)}" fill="${defs.cylinder(glass)}"/>`,
    glassHighlights(shape),
    paperLabel(ctx, { x: -width * 0.39, y: labelTop, width: width * 0.78, height: labelHeight }),
    `<rect x="${n(-shape.neckWidth / 2 - 1)}" y="${n(collarY)}" width="${n(shape.neckWidth + 2)}" height="32" fill="${palette.accent}"/>`,
    `<rect x="${n(-shape.neckWidth / 2 - 1)}" y="${n(collarY + 4)}" width="${n(shape.neckWidth + 2)}" height="2" fill="#d8bd72"/>`,
    `<rect x="${n(-shape.neckWidth / 2 - 1)}" y="${n(collarY + 26)}" width="${n(shape.neckWidth + 2)}" height="2" fill="#d8bd72"/>`,
    `<path d="${bottlePath(shape)}" fill="${defs.roundShade(0.6)}"/>`,
    capMarkup(ctx, { neckWidth: shape.neckWidth, top: -height, height: 50 }),
  ].join('');
  return { markup, width, height, focus: { x: 0, y: labelTop + labelHeight / 2 } };
}

/** An ochoko with the blue bullseye rings used for judging sake, and a little sake inside. */
export function paintSakeCup(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(120, 140);
  const height = width * 0.62;
  const rx = width / 2;
  const ry = width * 0.13;
  const glaze = random.pick(['#f3efe6', '#e9e4da', '#ddd6c8'] as const);
  const markup = [
    groundShadow(defs, width * 1.2),
    `<path d="M${n(-rx)} ${n(-height)} Q${n(-rx)} ${n(-height * 0.2)} ${n(-rx * 0.42)} -8 L${n(-rx * 0.42)} 0 L${n(rx * 0.42)} 0 L${n(rx * 0.42)} -8 Q${n(rx)} ${n(-height * 0.2)} ${n(rx)} ${n(-height)} Z" fill="${defs.cylinder(glaze, 0.8)}"/>`,
    `<ellipse cx="0" cy="${n(-height)}" rx="${n(rx)}" ry="${n(ry)}" fill="${lighten(glaze, 0.4)}"/>`,
    `<ellipse cx="0" cy="${n(-height + 2)}" rx="${n(rx * 0.88)}" ry="${n(ry * 0.8)}" fill="#f7f4ec"/>`,
    `<ellipse cx="0" cy="${n(-height + 3)}" rx="${n(rx * 0.62)}" ry="${n(ry * 0.55)}" fill="none" stroke="#2c5d95" stroke-width="${n(ry * 0.3)}"/>`,
    `<ellipse cx="0" cy="${n(-height + 3)}" rx="${n(rx * 0.3)}" ry="${n(ry * 0.26)}" fill="none" stroke="#2c5d95" stroke-width="${n(ry * 0.3)}"/>`,
    `<ellipse cx="0" cy="${n(-height + 3)}" rx="${n(rx * 0.86)}" ry="${n(ry * 0.76)}" fill="#e8e0b8" opacity="0.35"/>`,
  ].join('');
  return { markup, width, height, focus: { x: 0, y: -height / 2 } };
}

const SHOCHU_GLAZES = ['#6b4a32', '#8d8a80', '#2f3f52', '#4c3b2e', '#9a6b3f'] as const;

export function paintShochuBottle(ctx: PaintContext): Drawing {
  return ctx.random.chance(0.5) ? paintShochuJug(ctx) : paintUmeshuBottle(ctx);
}

/** A stoneware shochu jug with a darker glaze poured over its shoulder and a straw cord at the neck. */
function paintShochuJug(ctx: PaintContext): Drawing {
  const { defs, random, palette } = ctx;
  const width = random.range(250, 290);
  const height = random.range(400, 450);
  const b = width * 0.36;
  const m = width * 0.5;
  const k = width * 0.12;
  const H = height;
  const body = [
    `M${n(-b)} 0 C${n(-m * 1.05)} ${n(-H * 0.05)} ${n(-m * 1.05)} ${n(-H * 0.3)} ${n(-m)} ${n(-H * 0.42)}`,
    `C${n(-m * 0.95)} ${n(-H * 0.62)} ${n(-k * 1.6)} ${n(-H * 0.74)} ${n(-k)} ${n(-H * 0.86)}`,
    `L${n(-k)} ${n(-H * 0.94)} L${n(-k * 1.3)} ${n(-H * 0.95)} L${n(-k * 1.3)} ${n(-H)} L${n(k * 1.3)} ${n(-H)} L${n(k * 1.3)} ${n(-H * 0.95)} L${n(k)} ${n(-H * 0.94)}`,
    `L${n(k)} ${n(-H * 0.86)} C${n(k * 1.6)} ${n(-H * 0.74)} ${n(m * 0.95)} ${n(-H * 0.62)} ${n(m)} ${n(-H * 0.42)}`,
    `C${n(m * 1.05)} ${n(-H * 0.3)} ${n(m * 1.05)} ${n(-H * 0.05)} ${n(b)} 0 Z`,
  ].join(' ');
  const glaze = random.pick(SHOCHU_GLAZES);
  const overglaze = random.pick(['#2a2522', '#e9e2d3', '#4d6b5a', '#7b2f24'] as const);
  const clip = defs.clip(`<path d="${body}"/>`);
  let drip = `M${n(-m * 1.2)} ${n(-H * 1.05)} L${n(m * 1.2)} ${n(-H * 1.05)} L${n(m * 1.2)} ${n(-H * 0.56)}`;
  for (let x = m * 1.2; x > -m * 1.2; x -= m * 0.2) {
    drip += ` Q${n(x - m * 0.1)} ${n(-H * random.range(0.38, 0.5))} ${n(x - m * 0.2)} ${n(-H * random.range(0.54, 0.6))}`;
  }
  drip += ' Z';
  const tag = { x: -width * 0.2, y: -H * 0.6, width: width * 0.4, height: H * 0.38 };
  const cordY = -H * 0.88;
  const cord = [-1, 1]
    .map(
      (side) =>
        `<path d="M${n(side * k * 1.05)} ${n(cordY)} q${n(side * 10)} 30 ${n(side * 4)} 62" stroke="#b79a5b" stroke-width="6" fill="none" stroke-linecap="round"/>`,
    )
    .join('');
  const markup = [
    groundShadow(defs, width),
    `<path d="${body}" fill="${defs.cylinder(glaze)}"/>`,
    `<path d="${drip}" fill="${overglaze}" opacity="0.85" clip-path="${clip}"/>`,
    `<path d="${body}" fill="${defs.roundShade(0.8)}"/>`,
    `<ellipse cx="${n(-m * 0.45)}" cy="${n(-H * 0.4)}" rx="${n(m * 0.12)}" ry="${n(H * 0.14)}" fill="#ffffff" opacity="0.16"/>`,
    `<rect x="${n(-k * 1.05)}" y="${n(cordY - 6)}" width="${n(k * 2.1)}" height="12" rx="6" fill="#c9ae6e"/>`,
    cord,
    `<rect x="${n(-k * 0.9)}" y="${n(-H - 26)}" width="${n(k * 1.8)}" height="30" rx="6" fill="#c8a77a"/>`,
    `<g transform="rotate(${n(random.range(-5, 5))} ${n(tag.x + tag.width / 2)} ${n(tag.y)})">${paperLabel(ctx, { ...tag, band: palette.accent })}</g>`,
  ].join('');
  return { markup, width, height: H + 26, focus: { x: 0, y: tag.y + tag.height / 2 } };
}

/** A square-shouldered glass bottle with amber umeshu and the plums still inside. */
function paintUmeshuBottle(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(190, 220);
  const height = random.range(450, 500);
  const shape: BottleShape = {
    width,
    height: height - 40,
    bodyHeight: height * 0.62,
    shoulder: height * 0.1,
    neckWidth: width * 0.3,
  };
  const outline = bottlePath(shape);
  const clip = defs.clip(`<path d="${outline}"/>`);
  const liquidTop = -shape.bodyHeight * random.range(0.9, 1);
  const amber = random.pick(['#c98a2b', '#b7701f', '#d2a040'] as const);
  let plums = '';
  for (let i = 0; i < 9; i += 1) {
    const r = random.range(24, 32);
    const x = random.range(-width / 2 + r, width / 2 - r);
    const y = -r - random.range(0, shape.bodyHeight * 0.38);
    const fill = defs.radial(
      [
        [0, '#e2cf62'],
        [0.7, '#a9a33a'],
        [1, '#7d7a26'],
      ],
      { cx: 0.38, cy: 0.35, r: 0.7 },
    );
    plums += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" opacity="0.92"/>`;
  }
  const labelTop = -shape.bodyHeight * 0.95;
  const labelHeight = shape.bodyHeight * 0.4;
  const markup = [
    groundShadow(defs, width),
    `<path d="${outline}" fill="#eef2ea" opacity="0.55"/>`,
    `<g clip-path="${clip}"><rect x="${n(-width)}" y="${n(liquidTop)}" width="${n(width * 2)}" height="${n(-liquidTop)}" fill="${defs.linear(
      [
        [0, lighten(amber, 0.2)],
        [1, darken(amber, 0.25)],
      ],
    )}" opacity="0.85"/>${plums}</g>`,
    `<path d="${outline}" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="3"/>`,
    glassHighlights(shape),
    paperLabel(ctx, { x: -width * 0.36, y: labelTop, width: width * 0.72, height: labelHeight }),
    `<path d="${outline}" fill="${defs.roundShade(0.5)}"/>`,
    capMarkup(ctx, { neckWidth: shape.neckWidth, top: -height, height: 44 }),
  ].join('');
  return { markup, width, height, focus: { x: 0, y: labelTop + labelHeight / 2 } };
}

/** A tumbler on the rocks, for umeshu and shochu. */
export function paintRocksGlass(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(150, 170);
  const height = width * 0.95;
  const w = width / 2;
  const outline = `M${n(-w)} ${n(-height)} L${n(-w * 0.86)} -6 Q${n(-w * 0.85)} 0 ${n(-w * 0.78)} 0 L${n(w * 0.78)} 0 Q${n(w * 0.85)} 0 ${n(w * 0.86)} -6 L${n(w)} ${n(-height)} Z`;
  const clip = defs.clip(`<path d="${outline}"/>`);
  const amber = random.pick(['#d19a3a', '#e2c27a', '#b9762a'] as const);
  const level = -height * 0.58;
  const ice = [
    [-w * 0.35, level - 10, -8],
    [w * 0.25, level - 4, 12],
    [-w * 0.05, level + 40, 4],
  ]
    .map(
      ([x, y, angle]) =>
        `<rect x="${n((x as number) - 30)}" y="${n((y as number) - 30)}" width="60" height="60" rx="10" fill="#ffffff" opacity="0.5" transform="rotate(${angle} ${n(x as number)} ${n(y as number)})"/>`,
    )
    .join('');
  const markup = [
    groundShadow(defs, width),
    `<path d="${outline}" fill="#f4f6f2" opacity="0.5"/>`,
    `<g clip-path="${clip}"><rect x="${n(-w)}" y="${n(level)}" width="${n(width)}" height="${n(-level)}" fill="${amber}" opacity="0.8"/>${ice}<rect x="${n(-w)}" y="-14" width="${n(width)}" height="14" fill="#ffffff" opacity="0.45"/></g>`,
    `<path d="${outline}" fill="none" stroke="#ffffff" stroke-opacity="0.8" stroke-width="3"/>`,
    `<rect x="${n(-w * 0.7)}" y="${n(-height * 0.92)}" width="8" height="${n(height * 0.75)}" rx="4" fill="#ffffff" opacity="0.5"/>`,
  ].join('');
  return { markup, width, height, focus: { x: 0, y: -height / 2 } };
}

const CANISTER_FINISHES = [
  { body: '#b8bcbd', lid: '#a6abad' },
  { body: '#b5673d', lid: '#a65a33' },
  { body: '#2c2826', lid: '#1f1c1b' },
  { body: '#8c2f2a', lid: '#7a2823' },
  { body: '#3f5c49', lid: '#344d3d' },
] as const;

/** A cylindrical tea canister with a washi wrap, lying leaves around it. */
export function paintTeaCanister(ctx: PaintContext): Drawing {
  const { defs, random, palette } = ctx;
  const width = random.range(200, 240);
  const height = random.range(290, 330);
  const lidHeight = height * 0.22;
  const w = width / 2;
  const ry = width * 0.12;
  const bodyTop = -(height - lidHeight);
  const finish = random.pick(CANISTER_FINISHES);
  const arcBand = (y1: number, y2: number, half: number): string =>
    `M${n(-half)} ${n(y1)} A${n(half)} ${n(ry)} 0 0 0 ${n(half)} ${n(y1)} L${n(half)} ${n(y2)} A${n(half)} ${n(ry)} 0 0 1 ${n(-half)} ${n(y2)} Z`;
  const body = `M${n(-w)} ${n(bodyTop)} L${n(-w)} 0 A${n(w)} ${n(ry)} 0 0 0 ${n(w)} 0 L${n(w)} ${n(bodyTop)} Z`;
  const wrapTop = bodyTop * 0.86;
  const wrapBottom = bodyTop * 0.12;
  const wrapFill = registerPattern(defs, random.pick(['asanoha', 'seigaiha', 'same-komon', 'kikko'] as const), {
    ink: darken(palette.accent, 0.1),
    paper: lighten(palette.accentSoft, 0.35),
    scale: 0.32,
  });
  const label = { x: -w * 0.34, y: wrapTop + 12, width: w * 0.68, height: wrapBottom - wrapTop - 4 };
  const lidW = w + 4;
  const leaves = [0, 1, 2, 3].map((i) => {
    const x = (i % 2 === 0 ? -1 : 1) * random.range(w * 0.75, w * 1.45);
    const y = random.range(-6, 18);
    const angle = random.range(-170, 10);
    const green = random.pick(['#5b7d36', '#6e8f3f', '#4d6b2f'] as const);
    return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">${leaf(green, lighten(green, 0.35), random.range(46, 62))}</g>`;
  });
  const markup = [
    groundShadow(defs, width * 1.1),
    `<path d="${body}" fill="${defs.cylinder(finish.body, 0.8)}"/>`,
    `<path d="${arcBand(wrapTop, wrapBottom, w + 1)}" fill="${wrapFill}"/>`,
    paperLabel(ctx, label),
    `<path d="${body}" fill="${defs.roundShade(0.7)}"/>`,
    `<path d="${arcBand(-height + 2, bodyTop + 6, lidW)}" fill="${defs.cylinder(finish.lid, 0.9)}"/>`,
    `<path d="M${n(-lidW)} ${n(bodyTop + 6)} A${n(lidW)} ${n(ry)} 0 0 0 ${n(lidW)} ${n(bodyTop + 6)}" fill="none" stroke="${darken(finish.lid, 0.4)}" stroke-width="3"/>`,
    `<ellipse cx="0" cy="${n(-height + 2)}" rx="${n(lidW)}" ry="${n(ry)}" fill="${lighten(finish.lid, 0.22)}"/>`,
    `<ellipse cx="${n(-lidW * 0.25)}" cy="${n(-height)}" rx="${n(lidW * 0.45)}" ry="${n(ry * 0.4)}" fill="#ffffff" opacity="0.18"/>`,
    ...leaves,
  ].join('');
  return { markup, width: width * 1.6, height: height + ry, focus: { x: 0, y: (wrapTop + wrapBottom) / 2 } };
}

/** A yunomi of green tea with steam rising. */
export function paintTeaCup(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(140, 160);
  const height = width * random.range(0.95, 1.1);
  const w = width / 2;
  const ry = width * 0.14;
  const glaze = random.pick(['#d9cdb5', '#8a9a80', '#5b4a3c', '#e8e2d4', '#6a7f93'] as const);
  const tea = random.pick(['#a7b14a', '#c2b15a', '#9a6a3c'] as const);
  const body = `M${n(-w)} ${n(-height)} L${n(-w * 0.86)} -6 Q${n(-w * 0.84)} 0 ${n(-w * 0.74)} 0 L${n(w * 0.74)} 0 Q${n(w * 0.84)} 0 ${n(w * 0.86)} -6 L${n(w)} ${n(-height)} Z`;
  const steam = [-0.3, 0.1, 0.45]
    .map(
      (x, i) =>
        `<path d="M${n(w * x)} ${n(-height - 20)} c-18 -30 18 -50 0 -80 c-14 -22 10 -40 4 -60" stroke="#ffffff" stroke-opacity="${0.55 - i * 0.1}" stroke-width="7" fill="none" stroke-linecap="round"/>`,
    )
    .join('');
  const markup = [
    groundShadow(defs, width),
    `<path d="${body}" fill="${defs.cylinder(glaze)}"/>`,
    `<path d="M${n(-w * 0.98)} ${n(-height * 0.35)} L${n(w * 0.98)} ${n(-height * 0.35)}" stroke="${darken(glaze, 0.25)}" stroke-width="3" opacity="0.5"/>`,
    `<ellipse cx="0" cy="${n(-height)}" rx="${n(w)}" ry="${n(ry)}" fill="${lighten(glaze, 0.25)}"/>`,
    `<ellipse cx="0" cy="${n(-height + 3)}" rx="${n(w * 0.88)}" ry="${n(ry * 0.78)}" fill="${defs.radial([
      [0, lighten(tea, 0.3)],
      [1, tea],
    ])}"/>`,
    steam,
  ].join('');
  return { markup, width, height: height + 160, focus: { x: 0, y: -height / 2 } };
}

/** The red-capped tabletop soy sauce dispenser, or a tall bottle with a paper label. */
export function paintSoyBottle(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const liquid = random.pick(['#3b1c10', '#4a2412', '#6b3a17', '#2a1610'] as const);
  if (random.chance(0.45)) {
    const width = random.range(150, 175);
    const height = random.range(300, 330);
    const w = width / 2;
    const neckY = -height * 0.66;
    const body = `M${n(-w * 0.78)} 0 C${n(-w * 1.15)} ${n(-height * 0.05)} ${n(-w * 1.1)} ${n(-height * 0.38)} ${n(-w * 0.7)} ${n(-height * 0.5)} C${n(-w * 0.45)} ${n(-height * 0.58)} ${n(-w * 0.32)} ${n(neckY + 10)} ${n(-w * 0.32)} ${n(neckY)} L${n(w * 0.32)} ${n(neckY)} C${n(w * 0.32)} ${n(neckY + 10)} ${n(w * 0.45)} ${n(-height * 0.58)} ${n(w * 0.7)} ${n(-height * 0.5)} C${n(w * 1.1)} ${n(-height * 0.38)} ${n(w * 1.15)} ${n(-height * 0.05)} ${n(w * 0.78)} 0 Z`;
    const clip = defs.clip(`<path d="${body}"/>`);
    const cap = random.pick(['#b3362b', '#c2402f', '#2f2b28'] as const);
    const capTop = -height;
    const markup = [
      groundShadow(defs, width),
      `<path d="${body}" fill="#edf1ee" opacity="0.5"/>`,
      `<g clip-path="${clip}"><rect x="${n(-width)}" y="${n(-height * 0.42)}" width="${n(width * 2)}" height="${n(height)}" fill="${defs.cylinder(liquid, 0.6)}"/></g>`,
      `<path d="${body}" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="3"/>`,
      `<ellipse cx="${n(-w * 0.45)}" cy="${n(-height * 0.25)}" rx="${n(w * 0.12)}" ry="${n(height * 0.12)}" fill="#ffffff" opacity="0.35"/>`,
      `<path d="M${n(-w * 0.42)} ${n(neckY + 4)} L${n(-w * 0.46)} ${n(capTop + 40)} Q0 ${n(capTop + 4)} ${n(w * 0.46)} ${n(capTop + 40)} L${n(w * 0.42)} ${n(neckY + 4)} Z" fill="${defs.cylinder(cap)}"/>`,
      `<path d="M${n(-w * 0.12)} ${n(capTop + 18)} L${n(-w * 0.62)} ${n(capTop - 8)} L${n(-w * 0.6)} ${n(capTop + 4)} L${n(-w * 0.06)} ${n(capTop + 30)} Z" fill="${darken(cap, 0.1)}"/>`,
    ].join('');
    return { markup, width, height, focus: { x: 0, y: -height * 0.45 } };
  }
  const width = random.range(120, 140);
  const height = random.range(470, 520);
  const shape: BottleShape = {
    width,
    height: height - 36,
    bodyHeight: height * 0.6,
    shoulder: height * 0.15,
    neckWidth: width * 0.36,
  };
  const outline = bottlePath(shape);
  const labelTop = -shape.bodyHeight * 0.86;
  const labelHeight = shape.bodyHeight * 0.62;
  const markup = [
    groundShadow(defs, width),
    `<path d="${outline}" fill="${defs.cylinder(liquid, 0.7)}"/>`,
    glassHighlights(shape),
    paperLabel(ctx, { x: -width * 0.42, y: labelTop, width: width * 0.84, height: labelHeight }),
    `<path d="${outline}" fill="${defs.roundShade(0.5)}"/>`,
    capMarkup(ctx, { neckWidth: shape.neckWidth, top: -height, height: 40 }),
  ].join('');
  return { markup, width, height, focus: { x: 0, y: labelTop + labelHeight / 2 } };
}

/** A small dish with a pool of soy sauce. */
export function paintSoyDish(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(210, 240);
  const w = width / 2;
  const glaze = random.pick(['#f1ece2', '#dfe6ea', '#c9d3bf', '#e8dccb'] as const);
  const markup = [
    groundShadow(defs, width),
    `<path d="M${n(-w)} -26 Q${n(-w * 0.9)} 0 ${n(-w * 0.5)} 0 L${n(w * 0.5)} 0 Q${n(w * 0.9)} 0 ${n(w)} -26 Z" fill="${defs.cylinder(glaze, 0.7)}"/>`,
    `<ellipse cx="0" cy="-26" rx="${n(w)}" ry="${n(w * 0.26)}" fill="${lighten(glaze, 0.3)}"/>`,
    `<ellipse cx="0" cy="-24" rx="${n(w * 0.8)}" ry="${n(w * 0.19)}" fill="${darken(glaze, 0.06)}"/>`,
    `<ellipse cx="${n(w * 0.05)}" cy="-22" rx="${n(w * 0.5)}" ry="${n(w * 0.11)}" fill="#3a1b0f"/>`,
    `<ellipse cx="${n(-w * 0.12)}" cy="-25" rx="${n(w * 0.18)}" ry="${n(w * 0.03)}" fill="#ffffff" opacity="0.35"/>`,
    `<path d="M${n(w * 0.45)} -30 q14 -16 30 -6 q6 10 -8 12 q-18 4 -22 -6 Z" fill="#8fb05a"/>`,
  ].join('');
  return { markup, width, height: 60, focus: { x: 0, y: -24 } };
}
