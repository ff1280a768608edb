import { describe, expect, it } from 'vitest';
import { demoCategories } from './catalog-data.js';
import { ILLUSTRATION_MOTIFS, renderIllustration } from './illustrations.js';

/**
 * A small well-formedness check (Node has no DOMParser): every tag closes in order,
 * attributes are quoted, and nothing but whitespace sits outside the root element.
 */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let position = 0;
  let rootClosed = false;
  while (position < xml.length) {
    const next = xml.indexOf('<', position);
    const between = xml.slice(position, next === -1 ? xml.length : next);
    if (between.trim() !== '' && (stack.length === 0 || /[<>&]/.test(between))) {
      throw new Error(`Unexpected text at ${position}: ${between.slice(0, 40)}`);
    }
    if (next === -1) break;
    if (rootClosed) throw new Error(`Content after the root element at ${next}`);
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) throw new Error(`Malformed tag at ${next}: ${xml.slice(next, next + 60)}`);
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${next}`);
      if (stack.length === 0) rootClosed = true;
    } else if (!selfClosing) {
      stack.push(name as string);
    } else if (stack.length === 0) {
      rootClosed = true;
    }
    position = tag.lastIndex;
  }
  if (stack.length > 0) throw new Error(`Unclosed <${stack.join('>, <')}>`);
  if (!rootClosed) throw new Error('No root element');
}

describe('assertWellFormed', () => {
  it('rejects broken documents, so the checks below can fail', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><rect width=3/></svg>')).toThrow();
    expect(() => assertWellFormed('<svg></svg><svg></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><g/></svg>')).not.toThrow();
  });
});

describe('renderIllustration', () => {
  it('covers every motif used by a category', () => {
    for (const category of demoCategories) expect(ILLUSTRATION_MOTIFS).toContain(category.motif);
  });

  it.each(ILLUSTRATION_MOTIFS)('renders %s in every view as a well-formed 1200×900 SVG', (motif) => {
    for (let seed = 1; seed <= 12; seed += 1) {
      for (const view of [0, 1, 2]) {
        const svg = renderIllustration({ motif, seed, view });
        expect(
          svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900" viewBox="0 0 1200 900">'),
        ).toBe(true);
        assertWellFormed(svg);
        expect(svg).not.toMatch(/NaN|undefined|Infinity/);
        expect(svg.length).toBeLessThan(200_000);
      }
    }
  });

  it('is safe to serve as an image: no text, scripts, links, external resources or event handlers', () => {
    for (const motif of ILLUSTRATION_MOTIFS) {
      for (let seed = 1; seed <= 12; seed += 1) {
        for (const view of [0, 1, 2]) {
          const svg = renderIllustration({ motif, seed, view });
          expect(svg).not.toMatch(/<(text|tspan|textPath|script|image|foreignObject|use|a|style|font)[\s>/]/i);
          expect(svg).not.toMatch(/\shref=|xlink:/i);
          expect(svg).not.toMatch(/\son[a-z]+=/i);
          expect(svg).not.toMatch(/url\((?!#)/);
          expect(svg).not.toMatch(/javascript:|data:|@import/i);
          expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
        }
      }
    }
  });

  it('is deterministic for the same inputs', () => {
    for (const motif of ILLUSTRATION_MOTIFS) {
      expect(renderIllustration({ motif, seed: 42, view: 1 })).toBe(renderIllustration({ motif, seed: 42, view: 1 }));
    }
  });

  it('differs across seeds and views', () => {
    for (const motif of ILLUSTRATION_MOTIFS) {
      const bySeed = new Set(Array.from({ length: 20 }, (_, seed) => renderIllustration({ motif, seed, view: 0 })));
      expect(bySeed.size, motif).toBe(20);
      const byView = new Set([0, 1, 2].map((view) => renderIllustration({ motif, seed: 7, view })));
      expect(byView.size, motif).toBe(3);
    }
  });

  it('only references gradients, patterns and clip paths it defines', () => {
    for (const motif of ILLUSTRATION_MOTIFS) {
      const svg = renderIllustration({ motif, seed: 3, view: 2 });
      const defined = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const referenced = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(referenced.length).toBeGreaterThan(0);
      for (const id of referenced) expect(defined.has(id), `${motif}: #${id}`).toBe(true);
      expect(defined.size).toBe([...svg.matchAll(/\sid="/g)].length);
    }
  });
});
