import type { Random } from './prng.js';

/** Rounds coordinates so documents stay small and byte-identical across runs. */
export function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function parseHex(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function mix(from: string, to: string, amount: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  const channel = (i: 0 | 1 | 2): string =>
    Math.round(a[i] + (b[i] - a[i]) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

export const lighten = (color: string, amount: number): string => mix(color, '#ffffff', amount);
export const darken = (color: string, amount: number): string => mix(color, '#000000', amount);

export type Stop = readonly [offset: number, color: string, opacity?: number];

/** Collects gradients and patterns; ids carry a per-document prefix so inlined SVGs never clash. */
export class Defs {
  private readonly parts: string[] = [];
  private count = 0;

  constructor(private readonly prefix: string) {}

  nextId(): string {
    this.count += 1;
    return `${this.prefix}${this.count}`;
  }

  add(markup: string): void {
    this.parts.push(markup);
  }

  /** Direction in objectBoundingBox units; the default runs top to bottom. */
  linear(
    stops: readonly Stop[],
    direction: { x1: number; y1: number; x2: number; y2: number } = { x1: 0, y1: 0, x2: 0, y2: 1 },
  ): string {
    const id = this.nextId();
    const { x1, y1, x2, y2 } = direction;
    this.parts.push(
      `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${renderStops(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  /** Left-to-right shading for round things: dark rim, soft highlight left of centre. */
  cylinder(color: string, strength = 1): string {
    return this.linear(
      [
        [0, darken(color, 0.32 * strength)],
        [0.28, lighten(color, 0.14 * strength)],
        [0.5, color],
        [1, darken(color, 0.4 * strength)],
      ],
      { x1: 0, y1: 0, x2: 1, y2: 0 },
    );
  }

  /** Registers a clip path from shapes in the user space of whatever will use it. */
  clip(shapes: string): string {
    const id = this.nextId();
    this.parts.push(`<clipPath id="${id}">${shapes}</clipPath>`);
    return `url(#${id})`;
  }

  /** Transparent shading laid over a finished round object so labels and bands curve with it. */
  roundShade(strength = 1): string {
    return this.linear(
      [
        [0, '#000000', 0.28 * strength],
        [0.25, '#ffffff', 0.16 * strength],
        [0.5, '#ffffff', 0],
        [0.82, '#000000', 0.12 * strength],
        [1, '#000000', 0.34 * strength],
      ],
      { x1: 0, y1: 0, x2: 1, y2: 0 },
    );
  }

  radial(stops: readonly Stop[], focus: { cx?: number; cy?: number; r?: number } = {}): string {
    const id = this.nextId();
    const { cx = 0.5, cy = 0.5, r = 0.5 } = focus;
    this.parts.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${renderStops(stops)}</radialGradient>`);
    return `url(#${id})`;
  }

  toString(): string {
    return `<defs>${this.parts.join('')}</defs>`;
  }
}

function renderStops(stops: readonly Stop[]): string {
  return stops
    .map(
      ([offset, color, opacity]) =>
        `<stop offset="${offset}" stop-color="${color}"${opacity === undefined ? '' : ` stop-opacity="${opacity}"`}/>`,
    )
    .join('');
}

/** Everything a motif painter needs: where to register gradients, its random source and the scene colours. */
export type PaintContext = {
  defs: Defs;
  random: Random;
  palette: Palette;
};

export type Palette = {
  background: string;
  backgroundDeep: string;
  patternInk: string;
  surface: string;
  surfaceDeep: string;
  accent: string;
  accentSoft: string;
  ink: string;
};

/** A drawing in local coordinates: origin on the ground at the object's centre, y grows downwards. */
export type Drawing = {
  markup: string;
  width: number;
  height: number;
  /** Point that the close-up view centres on, usually the label. */
  focus: { x: number; y: number };
};

export const WASHI = ['#f6f0e2', '#f1e6cf', '#faf6ee', '#efe4d2'] as const;
export const INK = '#26221f';
export const SEAL_RED = '#b8392f';

/** Soft contact shadow, cheaper than a blur filter. */
export function groundShadow(defs: Defs, width: number, opacity = 0.28): string {
  const fill = defs.radial([
    [0, '#000000', opacity],
    [0.6, '#000000', opacity * 0.45],
    [1, '#000000', 0],
  ]);
  return `<ellipse cx="0" cy="4" rx="${n(width * 0.62)}" ry="${n(width * 0.09 + 8)}" fill="${fill}"/>`;
}

/** A tapered brush stroke from (x0,y0) to (x1,y1), heavy where the brush lands. */
function brushStroke(x0: number, y0: number, x1: number, y1: number, weight: number, bend: number): string {
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  const nx = -(y1 - y0) / length;
  const ny = (x1 - x0) / length;
  const mx = (x0 + x1) / 2 + nx * bend;
  const my = (y0 + y1) / 2 + ny * bend;
  const side = (sign: number, w0: number, w1: number, w2: number): [string, string, string] => [
    `${n(x0 + nx * w0 * sign)} ${n(y0 + ny * w0 * sign)}`,
    `${n(mx + nx * w1 * sign)} ${n(my + ny * w1 * sign)}`,
    `${n(x1 + nx * w2 * sign)} ${n(y1 + ny * w2 * sign)}`,
  ];
  const [a0, a1, a2] = side(1, weight * 0.5, weight * 0.55, weight * 0.18);
  const [b0, b1, b2] = side(-1, weight * 0.5, weight * 0.55, weight * 0.18);
  return `M${a0} Q${a1} ${a2} L${b2} Q${b1} ${b0} Z`;
}

/**
 * An abstract calligraphic mark in a square box: a few strokes arranged like a kanji,
 * so labels read as Japanese without containing any text.
 */
export function inkGlyph(random: Random, box: { x: number; y: number; size: number; color: string }): string {
  const { x, y, size, color } = box;
  const weight = size * 0.16;
  const at = (u: number, v: number): [number, number] => [x + u * size, y + v * size];
  const strokes: string[] = [];
  const count = random.int(4, 6);
  for (let i = 0; i < count; i += 1) {
    // Every glyph gets a horizontal and a vertical stroke, the backbone of most kanji.
    const kind =
      i === 0
        ? 'horizontal'
        : i === 1
          ? 'vertical'
          : random.pick(['horizontal', 'vertical', 'falling-left', 'falling-right', 'dot'] as const);
    const u = random.range(0.12, 0.7);
    const v = random.range(0.12, 0.75);
    let from: [number, number];
    let to: [number, number];
    if (kind === 'horizontal') [from, to] = [at(random.range(0.08, 0.3), v), at(random.range(0.7, 0.95), v - 0.04)];
    else if (kind === 'vertical')
      [from, to] = [at(u + 0.1, random.range(0.05, 0.25)), at(u + 0.1, random.range(0.72, 0.96))];
    else if (kind === 'falling-left') [from, to] = [at(u + 0.2, v - 0.1), at(u - 0.1, Math.min(0.95, v + 0.35))];
    else if (kind === 'falling-right') [from, to] = [at(u, v), at(Math.min(0.95, u + 0.35), Math.min(0.95, v + 0.3))];
    else [from, to] = [at(u, v), at(u + 0.08, v + 0.1)];
    strokes.push(
      brushStroke(
        from[0],
        from[1],
        to[0],
        to[1],
        kind === 'dot' ? weight * 1.4 : weight,
        random.range(-2, 2) * (size / 40),
      ),
    );
  }
  return `<path d="${strokes.join(' ')}" fill="${color}"/>`;
}

/** A column of glyphs, as on a sake label or a shop curtain. */
export function inkColumn(
  random: Random,
  column: { x: number; y: number; size: number; count: number; color: string },
): string {
  let markup = '';
  for (let i = 0; i < column.count; i += 1) {
    markup += inkGlyph(random, {
      x: column.x - column.size / 2,
      y: column.y + i * column.size * 1.08,
      size: column.size,
      color: column.color,
    });
  }
  return markup;
}

/** A red seal with a carved geometric design instead of characters. */
export function hanko(random: Random, seal: { x: number; y: number; size: number }): string {
  const { x, y, size } = seal;
  const round = random.chance(0.35);
  const inner = size * 0.62;
  const lines = [0.3, 0.5, 0.7]
    .map((t) => `M${n(x - inner / 2)} ${n(y - inner / 2 + inner * t)} h${n(inner * random.range(0.45, 1))}`)
    .join(' ');
  const frame = round
    ? `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size / 2)}" fill="${SEAL_RED}"/>`
    : `<rect x="${n(x - size / 2)}" y="${n(y - size / 2)}" width="${n(size)}" height="${n(size)}" rx="${n(size * 0.12)}" fill="${SEAL_RED}"/>`;
  return `${frame}<path d="${lines} M${n(x)} ${n(y - inner / 2)} v${n(inner)}" stroke="#f7e9e1" stroke-width="${n(size * 0.08)}" stroke-linecap="round" fill="none"/>`;
}

/** A washi label with a coloured band, a column of brush glyphs and a seal. */
export function paperLabel(
  ctx: PaintContext,
  label: { x: number; y: number; width: number; height: number; paper?: string; band?: string },
): string {
  const { random, palette } = ctx;
  const { x, y, width, height } = label;
  const paper = label.paper ?? random.pick(WASHI);
  const dark = paper === INK || paper === '#1f2a3a';
  const inkColor = dark ? '#e9d9a6' : INK;
  const band = label.band ?? palette.accent;
  const bandWidth = width * 0.16;
  const glyphSize = Math.min(width * 0.42, height / 3.6);
  const glyphCount = Math.max(2, Math.min(4, Math.floor((height * 0.78) / (glyphSize * 1.08))));
  return [
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="3" fill="${paper}"/>`,
    `<rect x="${n(x + width - bandWidth - width * 0.06)}" y="${n(y)}" width="${n(bandWidth)}" height="${n(height)}" fill="${band}" opacity="0.9"/>`,
    `<rect x="${n(x + 5)}" y="${n(y + 5)}" width="${n(width - 10)}" height="${n(height - 10)}" rx="2" fill="none" stroke="${inkColor}" stroke-opacity="0.25" stroke-width="1.5"/>`,
    inkColumn(random, {
      x: x + width * 0.42,
      y: y + height * 0.1,
      size: glyphSize,
      count: glyphCount,
      color: inkColor,
    }),
    hanko(random, { x: x + width * 0.2, y: y + height * 0.84, size: Math.min(width * 0.2, 30) }),
  ].join('');
}

/** A small curled tea leaf, drawn pointing right from its stem at the origin. */
export function leaf(fill: string, vein: string, length: number): string {
  const w = length * 0.34;
  return `<path d="M0 0 C${n(length * 0.25)} ${n(-w)} ${n(length * 0.75)} ${n(-w)} ${n(length)} 0 C${n(length * 0.75)} ${n(w * 0.9)} ${n(length * 0.25)} ${n(w * 0.9)} 0 0 Z" fill="${fill}"/><path d="M${n(length * 0.05)} 0 Q${n(length * 0.5)} ${n(-w * 0.12)} ${n(length * 0.92)} 0" stroke="${vein}" stroke-width="${n(Math.max(1.2, length * 0.03))}" fill="none" stroke-linecap="round"/>`;
}

export type BowlOptions = { width: number; height: number; outside: string; inside: string; foot?: number };
export type Bowl = { markup: string; outline: string; rimY: number; rimRx: number; rimRy: number };

/** A bowl seen slightly from above; the caller paints the contents on the returned rim. */
export function paintBowlBody(defs: Defs, options: BowlOptions): Bowl {
  const { width, height, outside, inside } = options;
  const w = width / 2;
  const f = (options.foot ?? 0.36) * w;
  const rimRy = w * 0.24;
  const footTop = -height * 0.1;
  const body = `M${n(-w)} ${n(-height)} C${n(-w)} ${n(-height * 0.3)} ${n(-f * 1.5)} ${n(footTop - 4)} ${n(-f)} ${n(footTop)} L${n(f)} ${n(footTop)} C${n(f * 1.5)} ${n(footTop - 4)} ${n(w)} ${n(-height * 0.3)} ${n(w)} ${n(-height)} Z`;
  const markup = [
    `<path d="M${n(-f)} ${n(footTop)} L${n(-f * 0.94)} 0 L${n(f * 0.94)} 0 L${n(f)} ${n(footTop)} Z" fill="${darken(outside, 0.25)}"/>`,
    `<path d="${body}" fill="${defs.cylinder(outside, 0.9)}"/>`,
    `<ellipse cx="0" cy="${n(-height)}" rx="${n(w)}" ry="${n(rimRy)}" fill="${defs.linear([
      [0, darken(inside, 0.3)],
      [1, lighten(inside, 0.15)],
    ])}"/>`,
    `<ellipse cx="0" cy="${n(-height)}" rx="${n(w)}" ry="${n(rimRy)}" fill="none" stroke="${lighten(outside, 0.35)}" stroke-width="3"/>`,
  ].join('');
  return { markup, outline: body, rimY: -height, rimRx: w, rimRy };
}
