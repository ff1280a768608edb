import type { IllustrationMotif } from './demo-types.js';
import { Defs, type Drawing, darken, lighten, n, type PaintContext, type Palette } from './illustration-kit.js';
import { paintKnifeBoard, paintTableware, paintVegetables } from './illustration-motifs-crafts.js';
import {
  paintRocksGlass,
  paintSakeBottle,
  paintSakeCup,
  paintShochuBottle,
  paintSoyBottle,
  paintSoyDish,
  paintTeaCanister,
  paintTeaCup,
} from './illustration-motifs-drinks.js';
import {
  paintDriedGoods,
  paintMatchaBowl,
  paintMisoJar,
  paintPicklesJar,
  paintPicklesPlate,
  paintRiceBag,
  paintRiceBowl,
  paintSoupBowl,
  paintWagashiPlate,
} from './illustration-motifs-food.js';
import { PATTERN_NAMES, registerPattern } from './illustration-patterns.js';
import { createRandom, hashSeed, type Random } from './prng.js';

export const WIDTH = 1200;
export const HEIGHT = 900;

type Painter = (ctx: PaintContext) => Drawing;

/** The product itself, and what stands beside it in the third view. */
const MOTIFS: Record<IllustrationMotif, { object: Painter; companion: Painter }> = {
  'sake-bottle': { object: paintSakeBottle, companion: paintSakeCup },
  'shochu-bottle': { object: paintShochuBottle, companion: paintRocksGlass },
  tea: { object: paintTeaCanister, companion: paintTeaCup },
  'miso-jar': { object: paintMisoJar, companion: paintSoupBowl },
  'soy-bottle': { object: paintSoyBottle, companion: paintSoyDish },
  'dried-goods': { object: paintDriedGoods, companion: paintSoupBowl },
  'rice-bag': { object: paintRiceBag, companion: paintRiceBowl },
  pickles: { object: paintPicklesJar, companion: paintPicklesPlate },
  wagashi: { object: paintWagashiPlate, companion: paintMatchaBowl },
  knife: { object: paintKnifeBoard, companion: paintVegetables },
  tableware: { object: paintTableware, companion: paintTeaCup },
};

export const ILLUSTRATION_MOTIFS = Object.keys(MOTIFS) as IllustrationMotif[];

/** Muted traditional colour sets: kinari, ai, matcha, sakura, nezumi, yamabuki, fuji, sabi. */
const PALETTES: readonly Palette[] = [
  {
    background: '#f1e8d8',
    backgroundDeep: '#e2d3ba',
    patternInk: '#d6c4a4',
    surface: '#b98f63',
    surfaceDeep: '#94704b',
    accent: '#8e3b2f',
    accentSoft: '#d9a88f',
    ink: '#2b2520',
  },
  {
    background: '#e3e8ec',
    backgroundDeep: '#c9d3dc',
    patternInk: '#b3c1ce',
    surface: '#5c6f82',
    surfaceDeep: '#3f5062',
    accent: '#2f4b6e',
    accentSoft: '#9fb3c8',
    ink: '#1e2a36',
  },
  {
    background: '#e8ecdc',
    backgroundDeep: '#d3dbbf',
    patternInk: '#c1cca4',
    surface: '#a58a63',
    surfaceDeep: '#806744',
    accent: '#5d7436',
    accentSoft: '#b7c592',
    ink: '#27301c',
  },
  {
    background: '#f4e6e2',
    backgroundDeep: '#e9cfc8',
    patternInk: '#e0bdb5',
    surface: '#c9a78e',
    surfaceDeep: '#a5846c',
    accent: '#b0525a',
    accentSoft: '#e3aab0',
    ink: '#3a2326',
  },
  {
    background: '#e7e5e1',
    backgroundDeep: '#d2cec7',
    patternInk: '#c3beb6',
    surface: '#77706a',
    surfaceDeep: '#57514c',
    accent: '#3f3a36',
    accentSoft: '#b3aca4',
    ink: '#24211f',
  },
  {
    background: '#f3e9cf',
    backgroundDeep: '#e7d4a6',
    patternInk: '#dcc48e',
    surface: '#9c7a4f',
    surfaceDeep: '#785c39',
    accent: '#c08a1e',
    accentSoft: '#e7c77e',
    ink: '#3a2e18',
  },
  {
    background: '#e9e4ee',
    backgroundDeep: '#d5cde0',
    patternInk: '#c7bdd6',
    surface: '#8c7d8f',
    surfaceDeep: '#6b5e6e',
    accent: '#6c4f86',
    accentSoft: '#bba8cc',
    ink: '#2c2433',
  },
  {
    background: '#e5ebe6',
    backgroundDeep: '#ccd8cf',
    patternInk: '#b9cabe',
    surface: '#8b6e58',
    surfaceDeep: '#6a523f',
    accent: '#3e6b5a',
    accentSoft: '#a5c2b4',
    ink: '#1f2e28',
  },
];

const SURFACE_TOP = 610;
const GROUND = 810;

/**
 * A product illustration as a self-contained SVG document: no text, fonts, images,
 * links or scripts, so it can be served as an image as-is. The same seed always gives the
 * same product (colours, shape, label); `view` 0 is the front, 1 a close-up, 2 the product
 * with something to eat or drink it from.
 */
export function renderIllustration(options: { motif: IllustrationMotif; seed: number; view: number }): string {
  const { motif, seed, view } = options;
  const art = MOTIFS[motif];
  const layout = ((Math.trunc(view) % 3) + 3) % 3;
  const sceneKey = hashSeed(motif, seed);
  const scene = createRandom(sceneKey);
  const palette = scene.pick(PALETTES);
  const pattern = scene.pick(PATTERN_NAMES);
  const defs = new Defs(`k${sceneKey.toString(36)}v${layout}-`);
  // The product is painted from its own stream, so it looks the same in every view.
  const object = art.object({ defs, random: createRandom(hashSeed('object', motif, seed)), palette });
  const backdrop = createRandom(hashSeed('backdrop', motif, seed, view));

  let foreground: string;
  let surfaceTop = SURFACE_TOP;
  if (layout === 0) {
    const scale = Math.min(1.7, 640 / object.height, 980 / object.width);
    foreground = place(object, 600, GROUND, scale);
  } else if (layout === 1) {
    const scale = 1.6 * Math.min(1.7, 640 / object.height, 980 / object.width);
    const x = 600 - object.focus.x * scale + backdrop.range(-60, 60);
    const y = 470 - object.focus.y * scale;
    surfaceTop = y - (GROUND - SURFACE_TOP) * scale;
    foreground = place(object, x, y, scale);
  } else {
    const companion = art.companion({ defs, random: createRandom(hashSeed('companion', motif, seed)), palette });
    const scale = Math.min(1.4, 580 / object.height, 640 / object.width);
    // Companions are drawn a little larger than life so a sake cup still reads beside a big bottle.
    const companionScale = Math.min(scale * 1.5, 420 / companion.width, 440 / companion.height);
    const gap = 40;
    const total = object.width * scale + gap + companion.width * companionScale;
    const start = 600 - total / 2;
    foreground =
      place(object, start + (object.width * scale) / 2, GROUND - 20, scale) +
      place(
        companion,
        start + object.width * scale + gap + (companion.width * companionScale) / 2,
        GROUND + 40,
        companionScale,
      );
  }

  const background = paintBackground({ defs, random: backdrop, palette, pattern, surfaceTop, layout });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${defs.toString()}${background}${foreground}</svg>`;
}

function place(drawing: Drawing, x: number, y: number, scale: number): string {
  return `<g transform="translate(${n(x)} ${n(y)}) scale(${Math.round(scale * 1000) / 1000})">${drawing.markup}</g>`;
}

function paintBackground(scene: {
  defs: Defs;
  random: Random;
  palette: Palette;
  pattern: (typeof PATTERN_NAMES)[number];
  surfaceTop: number;
  layout: number;
}): string {
  const { defs, random, palette, pattern, surfaceTop, layout } = scene;
  const wall = defs.linear([
    [0, palette.background],
    [1, palette.backgroundDeep],
  ]);
  const patternFill = registerPattern(defs, pattern, {
    ink: palette.patternInk,
    paper: palette.background,
    scale: layout === 1 ? random.range(1.3, 1.6) : random.range(0.85, 1.15),
  });
  const glow = defs.radial([
    [0, lighten(palette.background, 0.55), 0.95],
    [0.55, lighten(palette.background, 0.3), 0.6],
    [1, palette.background, 0],
  ]);
  const vignette = defs.radial(
    [
      [0.55, palette.backgroundDeep, 0],
      [1, darken(palette.backgroundDeep, 0.25), 0.55],
    ],
    { r: 0.75 },
  );
  const discX = 600 + random.range(-240, 240);
  const disc = `<circle cx="${n(discX)}" cy="${n(random.range(300, 380))}" r="${n(random.range(230, 290))}" fill="${palette.accentSoft}" opacity="${n(random.range(0.3, 0.45))}"/>`;
  const parts = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${wall}"/>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${patternFill}" opacity="0.5"/>`,
    `<ellipse cx="600" cy="420" rx="560" ry="420" fill="${glow}"/>`,
    layout === 1 ? '' : disc,
  ];
  if (surfaceTop < HEIGHT) {
    const top = Math.max(0, surfaceTop);
    const surface = defs.linear([
      [0, palette.surface],
      [1, palette.surfaceDeep],
    ]);
    parts.push(`<rect y="${n(top)}" width="${WIDTH}" height="${n(HEIGHT - top)}" fill="${surface}"/>`);
    parts.push(`<rect y="${n(top)}" width="${WIDTH}" height="6" fill="${lighten(palette.surface, 0.25)}"/>`);
    parts.push(surfaceTexture(random, palette, top));
  }
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="${vignette}"/>`);
  return parts.join('');
}

/** Wood grain or woven-mat lines on the table, kept faint. */
function surfaceTexture(random: Random, palette: Palette, top: number): string {
  const height = HEIGHT - top;
  if (height < 20) return '';
  const stroke = darken(palette.surface, 0.18);
  if (random.chance(0.5)) {
    let d = '';
    for (let i = 0; i < 7; i += 1) {
      const y = top + 18 + random.range(0, height - 18);
      d += `M0 ${n(y)} C300 ${n(y + random.range(-14, 14))} 800 ${n(y + random.range(-14, 14))} 1200 ${n(y + random.range(-8, 8))} `;
    }
    return `<path d="${d}" stroke="${stroke}" stroke-width="2" fill="none" opacity="0.35"/>`;
  }
  let d = '';
  for (let y = top + 14; y < HEIGHT; y += 14) d += `M0 ${n(y)} H1200 `;
  return `<path d="${d}" stroke="${stroke}" stroke-width="1.5" opacity="0.25"/>`;
}
