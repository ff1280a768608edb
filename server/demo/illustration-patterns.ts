import { type Defs, n } from './illustration-kit.js';

export type PatternName = 'seigaiha' | 'asanoha' | 'ichimatsu' | 'kikko' | 'shippo' | 'same-komon';
export const PATTERN_NAMES: readonly PatternName[] = [
  'seigaiha',
  'asanoha',
  'ichimatsu',
  'kikko',
  'shippo',
  'same-komon',
];

type PatternStyle = { ink: string; paper: string; scale: number };

/** Registers a repeating traditional pattern and returns its fill reference. */
export function registerPattern(defs: Defs, name: PatternName, style: PatternStyle): string {
  const { width, height, body } = TILES[name](style);
  const id = defs.nextId();
  defs.add(
    `<pattern id="${id}" width="${n(width)}" height="${n(height)}" patternUnits="userSpaceOnUse">${body}</pattern>`,
  );
  return `url(#${id})`;
}

type Tile = { width: number; height: number; body: string };

const TILES: Record<PatternName, (style: PatternStyle) => Tile> = {
  /** Overlapping fans of concentric arcs; rows are painted top to bottom so each hides the one behind. */
  seigaiha: ({ ink, paper, scale }) => {
    const r = 36 * scale;
    let body = `<rect width="${n(2 * r)}" height="${n(r)}" fill="${paper}"/>`;
    for (let row = -1; row <= 3; row += 1) {
      const cy = (row * r) / 2;
      const centres = row % 2 === 0 ? [0, 2 * r] : [-r, r, 3 * r];
      for (const cx of centres) {
        body += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${paper}" stroke="${ink}" stroke-width="${n(2 * scale)}"/>`;
        for (const k of [0.76, 0.52, 0.28]) {
          body += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * k)}" fill="none" stroke="${ink}" stroke-width="${n(2 * scale)}"/>`;
        }
      }
    }
    return { width: 2 * r, height: r, body };
  },

  /** Hemp leaf: a triangle grid with every triangle's corners joined to its centre. */
  asanoha: ({ ink, paper, scale }) => {
    const s = 64 * scale;
    const h = (s * Math.sqrt(3)) / 2;
    const segments: string[] = [];
    const triangle = (p: [number, number], q: [number, number], r: [number, number]): void => {
      const cx = (p[0] + q[0] + r[0]) / 3;
      const cy = (p[1] + q[1] + r[1]) / 3;
      segments.push(`M${n(p[0])} ${n(p[1])}L${n(q[0])} ${n(q[1])}L${n(r[0])} ${n(r[1])}Z`);
      for (const v of [p, q, r]) segments.push(`M${n(v[0])} ${n(v[1])}L${n(cx)} ${n(cy)}`);
    };
    for (let row = -1; row <= 2; row += 1) {
      for (let col = -1; col <= 1; col += 1) {
        const x0 = col * s + (Math.abs(row) % 2 === 1 ? s / 2 : 0);
        const y0 = row * h;
        const y1 = y0 + h;
        triangle([x0, y0], [x0 + s, y0], [x0 + s / 2, y1]);
        triangle([x0 + s / 2, y1], [x0 + 1.5 * s, y1], [x0 + s, y0]);
      }
    }
    return {
      width: s,
      height: 2 * h,
      body: `<rect width="${n(s)}" height="${n(2 * h)}" fill="${paper}"/><path d="${segments.join('')}" stroke="${ink}" stroke-width="${n(1.6 * scale)}" fill="none" stroke-linejoin="round"/>`,
    };
  },

  ichimatsu: ({ ink, paper, scale }) => {
    const a = 54 * scale;
    return {
      width: 2 * a,
      height: 2 * a,
      body: `<rect width="${n(2 * a)}" height="${n(2 * a)}" fill="${paper}"/><path d="M0 0h${n(a)}v${n(a)}h${n(a)}v${n(a)}h${n(-a)}v${n(-a)}h${n(-a)}Z" fill="${ink}" opacity="0.55"/>`,
    };
  },

  /** Tortoiseshell hexagons with a smaller hexagon inside each. */
  kikko: ({ ink, paper, scale }) => {
    const r = 34 * scale;
    const w = Math.sqrt(3) * r;
    const hexagon = (cx: number, cy: number, radius: number): string => {
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const angle = (Math.PI / 3) * i + Math.PI / 6;
        return `${n(cx + radius * Math.cos(angle))} ${n(cy + radius * Math.sin(angle))}`;
      });
      return `M${pts.join('L')}Z`;
    };
    const centres: [number, number][] = [
      [0, 0],
      [w, 0],
      [w / 2, 1.5 * r],
      [-w / 2, 1.5 * r],
      [1.5 * w, 1.5 * r],
      [0, 3 * r],
      [w, 3 * r],
    ];
    const d = centres.map(([x, y]) => hexagon(x, y, r) + hexagon(x, y, r * 0.72)).join('');
    return {
      width: w,
      height: 3 * r,
      body: `<rect width="${n(w)}" height="${n(3 * r)}" fill="${paper}"/><path d="${d}" stroke="${ink}" stroke-width="${n(1.8 * scale)}" fill="none"/>`,
    };
  },

  /** Seven treasures: interlocking circles. */
  shippo: ({ ink, paper, scale }) => {
    const r = 34 * scale;
    const circles = [
      [0, 0],
      [2 * r, 0],
      [0, 2 * r],
      [2 * r, 2 * r],
      [r, r],
    ]
      .map(([x, y]) => `<circle cx="${n(x as number)}" cy="${n(y as number)}" r="${n(r)}"/>`)
      .join('');
    return {
      width: 2 * r,
      height: 2 * r,
      body: `<rect width="${n(2 * r)}" height="${n(2 * r)}" fill="${paper}"/><g stroke="${ink}" stroke-width="${n(1.8 * scale)}" fill="none">${circles}</g>`,
    };
  },

  /** Shark-skin komon: tiny dots laid out in overlapping arcs. */
  'same-komon': ({ ink, paper, scale }) => {
    const r = 30 * scale;
    let dots = '';
    for (const [cx, cy] of [
      [0, r],
      [2 * r, r],
      [r, 0],
      [r, 2 * r],
    ] as const) {
      for (const ring of [0.45, 0.75, 1]) {
        const count = Math.round(10 * ring);
        for (let i = 0; i <= count; i += 1) {
          const angle = Math.PI + (Math.PI * i) / count;
          dots += `<circle cx="${n(cx + Math.cos(angle) * r * ring)}" cy="${n(cy + Math.sin(angle) * r * ring)}" r="${n(2.2 * scale)}"/>`;
        }
      }
    }
    return {
      width: 2 * r,
      height: 2 * r,
      body: `<rect width="${n(2 * r)}" height="${n(2 * r)}" fill="${paper}"/><g fill="${ink}">${dots}</g>`,
    };
  },
};
