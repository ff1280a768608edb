import {
  type Drawing,
  darken,
  groundShadow,
  inkGlyph,
  lighten,
  n,
  type PaintContext,
  paintBowlBody,
} from './illustration-kit.js';
import type { Random } from './prng.js';

type KnifeShape = 'santoku' | 'gyuto' | 'nakiri' | 'yanagiba' | 'deba';

/** Blade outline from the heel (x = 0, edge at y = 0) to the tip at x = length. */
function bladePath(shape: KnifeShape, length: number, height: number): string {
  const L = length;
  const H = height;
  switch (shape) {
    case 'santoku':
      return `M0 0 L${n(L * 0.78)} 0 Q${n(L * 0.95)} -2 ${n(L)} ${n(-H * 0.12)} Q${n(L * 0.86)} ${n(-H * 0.98)} ${n(L * 0.58)} ${n(-H)} L0 ${n(-H)} Z`;
    case 'nakiri':
      return `M0 0 L${n(L)} 0 L${n(L)} ${n(-H + 14)} Q${n(L)} ${n(-H)} ${n(L - 14)} ${n(-H)} L0 ${n(-H)} Z`;
    case 'yanagiba':
      return `M0 0 L${n(L * 0.75)} 0 Q${n(L * 0.96)} ${n(-H * 0.1)} ${n(L)} ${n(-H * 0.72)} Q${n(L * 0.86)} ${n(-H * 0.96)} ${n(L * 0.62)} ${n(-H)} L0 ${n(-H)} Z`;
    case 'deba':
      return `M0 0 Q${n(L * 0.6)} 4 ${n(L * 0.8)} ${n(-H * 0.2)} Q${n(L * 0.95)} ${n(-H * 0.4)} ${n(L)} ${n(-H * 0.62)} Q${n(L * 0.7)} ${n(-H * 0.95)} ${n(L * 0.4)} ${n(-H)} L0 ${n(-H)} Z`;
    default:
      return `M0 0 L${n(L * 0.62)} 0 Q${n(L * 0.92)} ${n(-H * 0.04)} ${n(L)} ${n(-H * 0.52)} Q${n(L * 0.8)} ${n(-H * 0.86)} ${n(L * 0.5)} ${n(-H * 0.96)} L0 ${n(-H)} Z`;
  }
}

function paintKnife(ctx: PaintContext, shape: KnifeShape): { markup: string; length: number; height: number } {
  const { defs, random } = ctx;
  const length = { santoku: 330, gyuto: 380, nakiri: 320, yanagiba: 450, deba: 300 }[shape] * random.range(0.95, 1.05);
  const height = { santoku: 96, gyuto: 88, nakiri: 100, yanagiba: 66, deba: 104 }[shape];
  const blade = bladePath(shape, length, height);
  const steel = defs.linear([
    [0, '#7f8a91'],
    [0.35, '#c9d1d6'],
    [0.8, '#e9eef1'],
    [1, '#ffffff'],
  ]);
  const clip = defs.clip(`<path d="${blade}"/>`);
  let kurouchi = '';
  if (random.chance(0.45)) {
    let d = `M-10 ${n(-height - 10)} L${n(length + 10)} ${n(-height - 10)} L${n(length + 10)} ${n(-height * 0.62)}`;
    for (let x = length; x > -20; x -= 30)
      d += ` Q${n(x - 15)} ${n(-height * random.range(0.5, 0.6))} ${n(x - 30)} ${n(-height * 0.62)}`;
    kurouchi = `<path d="${d} Z" fill="#34373a" clip-path="${clip}"/>`;
  }
  let hamon = `M4 ${n(-height * 0.28)}`;
  for (let x = 4; x < length * 0.9; x += 24)
    hamon += ` Q${n(x + 12)} ${n(-height * random.range(0.22, 0.36))} ${n(x + 24)} ${n(-height * 0.28)}`;
  const handleLength = 190;
  const handleHeight = 38;
  const handleY = -height + 4;
  const handleWood = random.pick(['#c9b48a', '#7a5234', '#b8925e', '#5a3b28'] as const);
  const ferrule = random.pick(['#2b2623', '#e8e0d0', '#6b4a3a'] as const);
  const markup = [
    `<path d="${blade}" fill="${steel}"/>`,
    kurouchi,
    `<path d="${hamon}" stroke="#ffffff" stroke-opacity="0.65" stroke-width="3" fill="none" clip-path="${clip}"/>`,
    `<path d="M2 -2 L${n(length * 0.7)} -2" stroke="#ffffff" stroke-width="3" opacity="0.9"/>`,
    `<path d="${blade}" fill="none" stroke="#6f7a80" stroke-width="2"/>`,
    `<g opacity="0.55">${inkGlyph(random, { x: 22, y: -height * 0.82, size: 30, color: '#2d3033' })}</g>`,
    `<rect x="-40" y="${n(handleY)}" width="42" height="${handleHeight}" rx="4" fill="${ferrule}"/>`,
    `<rect x="${-40 - handleLength}" y="${n(handleY)}" width="${handleLength + 2}" height="${handleHeight}" rx="8" fill="${defs.linear(
      [
        [0, lighten(handleWood, 0.2)],
        [0.5, handleWood],
        [1, darken(handleWood, 0.3)],
      ],
    )}"/>`,
    `<path d="M${-34 - handleLength} ${n(handleY + 12)} H-44 M${-34 - handleLength} ${n(handleY + 27)} H-44" stroke="${darken(handleWood, 0.2)}" stroke-width="2" opacity="0.5"/>`,
    `<rect x="-40" y="${n(handleY)}" width="42" height="${handleHeight}" rx="4" fill="none" stroke="#000000" stroke-opacity="0.15" stroke-width="2"/>`,
  ].join('');
  return { markup, length: length + handleLength + 40, height };
}

/** A knife resting on a hinoki board, with a few slices of vegetable. */
export function paintKnifeBoard(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(740, 800);
  const depth = random.range(185, 205);
  const w = width / 2;
  const wood = random.pick(['#e6cd9f', '#dcbc86', '#c99d66', '#e9d6b0'] as const);
  const top = -40 - depth;
  let grain = '';
  for (let i = 0; i < 9; i += 1) {
    const y = top + 14 + random.range(0, depth - 28);
    grain += `M${n(-w + 20)} ${n(y)} C${n(-w * 0.3)} ${n(y + random.range(-10, 10))} ${n(w * 0.3)} ${n(y + random.range(-10, 10))} ${n(w - 20)} ${n(y + random.range(-6, 6))} `;
  }
  const shape = random.pick(['santoku', 'gyuto', 'nakiri', 'yanagiba', 'deba'] as const);
  const knife = paintKnife(ctx, shape);
  const knifeX = -knife.length * 0.42 + 190;
  const knifeY = top + depth * 0.62;
  const angle = random.range(-6, -2);
  const slices = [0, 1, 2, 3]
    .map((i) => {
      const x = w * 0.55 + i * 26 + random.range(-4, 4);
      const y = top + depth * 0.74 + (i % 2) * 8;
      return random.chance(0.5) || i > 0
        ? `<ellipse cx="${n(x)}" cy="${n(y)}" rx="30" ry="22" fill="#4f7a33"/><ellipse cx="${n(x)}" cy="${n(y)}" rx="25" ry="18" fill="#c8dc92"/><ellipse cx="${n(x)}" cy="${n(y)}" rx="10" ry="7" fill="#e4edc4"/>`
        : '';
    })
    .join('');
  const markup = [
    groundShadow(defs, width, 0.22),
    `<rect x="${n(-w)}" y="${n(top + 40)}" width="${n(width)}" height="${n(depth)}" rx="18" fill="${darken(wood, 0.25)}"/>`,
    `<rect x="${n(-w)}" y="${n(top)}" width="${n(width)}" height="${n(depth)}" rx="18" fill="${defs.linear([
      [0, lighten(wood, 0.12)],
      [1, wood],
    ])}"/>`,
    `<path d="${grain}" stroke="${darken(wood, 0.18)}" stroke-width="2" fill="none" opacity="0.45"/>`,
    `<rect x="${n(-w + 6)}" y="${n(top + 4)}" width="${n(width - 12)}" height="6" rx="3" fill="#ffffff" opacity="0.35"/>`,
    slices,
    `<g transform="translate(${n(knifeX + 8)} ${n(knifeY + 14)}) rotate(${n(angle)})" opacity="0.2"><path d="${bladePath(shape, knife.length - 230, knife.height)}" fill="#000000"/><rect x="-230" y="${n(-knife.height + 4)}" width="232" height="38" rx="8" fill="#000000"/></g>`,
    `<g transform="translate(${n(knifeX)} ${n(knifeY)}) rotate(${n(angle)})">${knife.markup}</g>`,
  ].join('');
  return {
    markup,
    width,
    height: depth + 60,
    focus: { x: knifeX + (knife.length - 230) * 0.4, y: knifeY - knife.height * 0.6 },
  };
}

/** A daikon with its leaves and a carrot, for the cutting board's company. */
export function paintVegetables(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const length = random.range(300, 340);
  const daikon = `M0 -40 C${n(length * 0.3)} -52 ${n(length * 0.8)} -30 ${n(length)} -14 C${n(length * 0.8)} -2 ${n(length * 0.3)} 6 0 0 Q-10 -20 0 -40 Z`;
  let leaves = '';
  for (let i = 0; i < 5; i += 1) {
    const a = -150 - i * 12 + random.range(-4, 4);
    leaves += `<g transform="translate(0 -40) rotate(${n(a)}) scale(1.3)"><path d="M0 0 C40 -18 100 -10 150 0 C100 12 40 16 0 0 Z" fill="${i % 2 ? '#5b8a3a' : '#4a7a30'}"/><path d="M0 0 L140 0" stroke="#a7c77a" stroke-width="3"/></g>`;
  }
  const carrot = `<g transform="translate(${n(length * 0.25)} 30) rotate(-6) scale(1.1 1.5)"><path d="M0 -16 C60 -16 130 -8 170 0 C130 8 60 16 0 16 Q-8 0 0 -16 Z" fill="#e07b2d"/><path d="M30 -8 h14 M70 6 h16 M110 -4 h12" stroke="#b95e1c" stroke-width="3" stroke-linecap="round"/><path d="M0 0 q-30 -26 -52 -20 M0 0 q-34 -6 -54 8" stroke="#6b9a3a" stroke-width="6" fill="none" stroke-linecap="round"/></g>`;
  const parts = [
    `<g transform="translate(${n(length / 2)} 0)">${groundShadow(defs, length, 0.22)}</g>`,
    leaves,
    // The outline is drawn slim and stretched here, which keeps the control points readable.
    `<g transform="scale(1 1.8)"><path d="${daikon}" fill="${defs.linear([
      [0, '#ffffff'],
      [1, '#e3e0d4'],
    ])}"/>`,
    `<path d="M20 -34 C${n(length * 0.3)} -42 ${n(length * 0.6)} -30 ${n(length * 0.8)} -22" stroke="#d6d9c4" stroke-width="2" fill="none"/>`,
    `<path d="M0 -40 Q-10 -20 0 0 Q10 -20 0 -40 Z" fill="#b9d38a"/></g>`,
    carrot,
  ];
  // Drawn from the leaves at x = 0 rightwards; shift so the pile is centred like every other drawing.
  const markup = `<g transform="translate(${n(-length * 0.4)} 0)">${parts.join('')}</g>`;
  return { markup, width: length + 200, height: 160, focus: { x: 0, y: -20 } };
}

type Decoration = 'sometsuke' | 'mizutama' | 'tokusa' | 'shinogi' | 'oribe';

function bowlDecoration(kind: Decoration, random: Random, size: { w: number; h: number }): string {
  const { w, h } = size;
  if (kind === 'sometsuke') {
    let d = '';
    for (let x = -w; x < w; x += 60) {
      const y = -h * 0.55;
      d += `M${n(x)} ${n(y)} c10 -24 40 -24 44 0 c2 14 -14 18 -20 8 `;
    }
    return `<path d="M${n(-w)} ${n(-h * 0.85)} H${n(w)} M${n(-w)} ${n(-h * 0.25)} H${n(w)}" stroke="#2d4f8a" stroke-width="4"/><path d="${d}" stroke="#2d4f8a" stroke-width="5" fill="none" stroke-linecap="round"/>`;
  }
  if (kind === 'mizutama') {
    const color = random.pick(['#2d4f8a', '#b8392f', '#3f6b4a'] as const);
    let dots = '';
    for (let row = 0; row < 3; row += 1) {
      for (let x = -w + (row % 2) * 30; x < w; x += 60)
        dots += `<circle cx="${n(x)}" cy="${n(-h * (0.8 - row * 0.25))}" r="11" fill="${color}"/>`;
    }
    return dots;
  }
  if (kind === 'tokusa') {
    let d = '';
    for (let x = -w; x < w; x += 22) d += `M${n(x)} ${n(-h)} V0 `;
    return `<path d="${d}" stroke="${random.pick(['#6b3a2a', '#2d4f8a', '#3a3532'] as const)}" stroke-width="6" opacity="0.8"/>`;
  }
  if (kind === 'shinogi') {
    let d = '';
    for (let x = -w; x < w; x += 18) d += `M${n(x)} ${n(-h)} Q${n(x * 0.8)} ${n(-h * 0.4)} ${n(x * 0.5)} 0 `;
    return `<path d="${d}" stroke="#ffffff" stroke-width="4" opacity="0.35" fill="none"/>`;
  }
  let drip = `M${n(-w)} ${n(-h * 1.1)} H${n(w)} V${n(-h * 0.6)}`;
  for (let x = w; x > -w; x -= 40)
    drip += ` Q${n(x - 20)} ${n(-h * random.range(0.25, 0.45))} ${n(x - 40)} ${n(-h * 0.6)}`;
  return `<path d="${drip} Z" fill="#3f6b3a" opacity="0.9"/><path d="M${n(-w * 0.3)} ${n(-h * 0.35)} q20 -20 40 0 t40 0" stroke="#4a3b2c" stroke-width="5" fill="none"/>`;
}

const BOWL_GLAZES: Record<Decoration, readonly string[]> = {
  sometsuke: ['#f5f3ee', '#eef1f2'],
  mizutama: ['#f4efe4', '#e9e4d8'],
  tokusa: ['#efe6d3', '#e6dfd0'],
  shinogi: ['#6f8ea3', '#b5573a', '#8a9a6a', '#3a3f44'],
  oribe: ['#e6dccb', '#d9cdb4'],
};

/** A hand-decorated bowl with a smaller dish leaning behind it. */
export function paintTableware(ctx: PaintContext): Drawing {
  const { defs, random } = ctx;
  const width = random.range(320, 360);
  const height = width * random.range(0.5, 0.58);
  const kind = random.pick(['sometsuke', 'mizutama', 'tokusa', 'shinogi', 'oribe'] as const);
  const glaze = random.pick(BOWL_GLAZES[kind]);
  const bowl = paintBowlBody(defs, { width, height, outside: glaze, inside: lighten(glaze, 0.3) });
  const clip = defs.clip(`<path d="${bowl.outline}"/>`);
  const plateGlaze = random.pick(['#2e4a6e', '#8a5a3a', '#c9b28c', '#5e7a4a'] as const);
  const plateR = width * 0.42;
  const plate = `<g transform="translate(${n(width * 0.36)} ${n(-plateR * 0.92 - 16)}) rotate(8)"><ellipse cx="0" cy="0" rx="${n(plateR)}" ry="${n(plateR * 0.92)}" fill="${darken(plateGlaze, 0.2)}"/><ellipse cx="-6" cy="-4" rx="${n(plateR * 0.95)}" ry="${n(plateR * 0.87)}" fill="${defs.radial(
    [
      [0, lighten(plateGlaze, 0.2)],
      [1, plateGlaze],
    ],
  )}"/> <ellipse cx="-6" cy="-4" rx="${n(plateR * 0.62)}" ry="${n(plateR * 0.56)}" fill="none" stroke="${lighten(plateGlaze, 0.3)}" stroke-width="4" opacity="0.6"/></g>`;
  const markup = [
    groundShadow(defs, width * 1.2),
    plate,
    bowl.markup,
    `<g clip-path="${clip}">${bowlDecoration(kind, random, { w: width / 2, h: height })}</g>`,
    `<path d="${bowl.outline}" fill="${defs.roundShade(0.55)}"/>`,
    `<ellipse cx="0" cy="${n(-height)}" rx="${n(width / 2)}" ry="${n(bowl.rimRy)}" fill="none" stroke="${lighten(glaze, 0.5)}" stroke-width="4"/>`,
  ].join('');
  return { markup, width: width * 1.5, height: plateR * 1.84 + 16, focus: { x: 0, y: -height * 0.55 } };
}
