/**
 * Rendition sizes and time for one photo-like original: a 2400×1600 gradient
 * with per-pixel noise (noise is what makes photos expensive to compress).
 * `texture` adds noise at 8, 32 and 128 px scales too, detail that survives
 * downscaling the way a photo's does; plain per-pixel noise averages away.
 * Usage: node --import tsx bench/renditions.ts [runs] [plain|texture]
 */
import sharp from 'sharp';
import { decodeImage, renderRenditions } from '../src/modules/catalog/images/image-renditions.js';

const runs = Number(process.argv[2] ?? 7);
const texture = process.argv[3] === 'texture';
/** Deterministic noise in [-1, 1] for a cell of a grid. */
const cellNoise = (cx: number, cy: number, c: number, scale: number) => {
  const h = Math.imul((cx * 73856093) ^ (cy * 19349663) ^ (c * 83492791) ^ scale, 2654435761) >>> 0;
  return (h % 2001) / 1000 - 1;
};
const width = 2400;
const height = 1600;
const pixels = Buffer.alloc(width * height * 3);
let state = 42;
for (let i = 0; i < pixels.length; i += 3) {
  const x = (i / 3) % width;
  const y = Math.floor(i / 3 / width);
  for (let c = 0; c < 3; c++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const base = c === 0 ? (x / width) * 220 : c === 1 ? (y / height) * 180 + 30 : ((x + y) / (width + height)) * 200;
    const detail = texture
      ? [8, 32, 128].reduce(
          (sum, scale) => sum + cellNoise(Math.floor(x / scale), Math.floor(y / scale), c, scale) * 28,
          0,
        )
      : 0;
    pixels[i + c] = Math.max(0, Math.min(255, Math.round(base + detail + (state % 48) - 24)));
  }
}
const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
  .png()
  .toBuffer();
console.log(
  `original (${texture ? 'texture' : 'plain'}): ${width}×${height} PNG, ${png.length} bytes; sharp concurrency ${sharp.concurrency()}`,
);

const times: number[] = [];
let sizes: string[] = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const decoded = await decodeImage(png);
  const renditions = await renderRenditions(png, decoded.width);
  times.push(performance.now() - started);
  sizes = renditions.map((r) => `${r.width}×${r.height}: ${r.body.length} bytes`);
}
console.log(sizes.join('\n'));
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `decode + 3 renditions, ${runs} runs: median ${sorted[Math.floor(runs / 2)]?.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
);
