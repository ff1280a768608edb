import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { foldForSearch } from './search-text.js';

/**
 * Product readings (よみ): how a name is read aloud, in hiragana, so a
 * customer who types かな or romaji finds a name written in kanji. Made at
 * write time by kuromoji (IPADIC, shipped inside the package, read offline)
 * and stored; staff may correct it.
 *
 * The dictionary costs ~2.4 s and ~340 MB to load on this machine, so it is
 * loaded on the first write that needs it, never by a request that only
 * reads, and let go after a minute without use (a CSV import is one use).
 */

/**
 * Trade words IPADIC reads wrongly (純米 as ジュンベイ, "America rice"),
 * read before the analyser sees the rest. Longest first, so 大吟醸 wins over 吟醸.
 */
const glossary: readonly (readonly [word: string, reading: string])[] = (
  [
    ['純米', 'じゅんまい'],
    ['大吟醸', 'だいぎんじょう'],
    ['吟醸', 'ぎんじょう'],
    ['本醸造', 'ほんじょうぞう'],
    ['生酛', 'きもと'],
    ['山廃', 'やまはい'],
    ['米麹', 'こめこうじ'],
    ['麹', 'こうじ'],
    ['糀', 'こうじ'],
    ['甘酒', 'あまざけ'],
    ['本みりん', 'ほんみりん'],
    ['焙じ茶', 'ほうじちゃ'],
    ['ほうじ茶', 'ほうじちゃ'],
    ['玄米茶', 'げんまいちゃ'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);

const idleMs = 60_000;
let tokenizer: Promise<Tokenizer<IpadicFeatures>> | undefined;
let idleTimer: NodeJS.Timeout | undefined;

function loadTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    tokenizer = undefined;
  }, idleMs);
  idleTimer.unref();
  tokenizer ??= (async () => {
    const require = createRequire(import.meta.url);
    const { default: kuromoji } = await import('kuromoji');
    const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
    return new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
      kuromoji.builder({ dicPath }).build((err, built) => (err ? reject(err) : resolve(built)));
    });
  })();
  // A failed load is not kept: the next write tries again.
  tokenizer.catch(() => {
    tokenizer = undefined;
  });
  return tokenizer;
}

/** The hiragana readings of several names, in order; loads the analyser only when a name has kanji. */
export async function readingsOf(names: readonly string[]): Promise<string[]> {
  const needAnalyser = names.some((name) => /\p{Script=Han}/u.test(name));
  const analyser = needAnalyser ? await loadTokenizer() : undefined;
  return names.map((name) => readingWith(analyser, name));
}

export async function readingOf(name: string): Promise<string> {
  const [reading] = await readingsOf([name]);
  return reading ?? '';
}

function readingWith(analyser: Tokenizer<IpadicFeatures> | undefined, name: string): string {
  const normalized = name.normalize('NFKC');
  let out = '';
  let rest = normalized;
  while (rest.length > 0) {
    const next = nextGlossaryWord(rest);
    const before = next ? rest.slice(0, next.at) : rest;
    out += analyse(analyser, before);
    if (!next) break;
    out += next.reading;
    rest = rest.slice(next.at + next.word.length);
  }
  return foldForSearch(out);
}

function nextGlossaryWord(text: string) {
  let best: { at: number; word: string; reading: string } | undefined;
  for (const [word, reading] of glossary) {
    const at = text.indexOf(word);
    if (at >= 0 && (!best || at < best.at)) best = { at, word, reading };
  }
  return best;
}

/** Each token's reading (katakana in IPADIC); words it does not know (Latin, numbers) stay as written. */
function analyse(analyser: Tokenizer<IpadicFeatures> | undefined, text: string): string {
  if (!analyser || !/\p{Script=Han}/u.test(text)) return text;
  return analyser
    .tokenize(text)
    .map((token) => (token.reading && token.reading !== '*' ? token.reading : token.surface_form))
    .join('');
}
