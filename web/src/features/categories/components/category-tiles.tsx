import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Skeleton } from '@/components/skeleton';
import type { Schemas } from '@/lib/api/client';
import { pickText } from '@/lib/i18n/languages';

type CategoryTilesProps = { categories: Schemas['Category'][] };

/**
 * One kanji of the Japanese name, drawn large, stands in for a picture: the first,
 * or, when an earlier tile already shows it (日本酒, 日本茶), the last one of the
 * name's first part, which in a Japanese compound is usually its head noun.
 */
export function pickGlyphs(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const first = name.slice(0, 1);
    const head = (name.split('・')[0] ?? name).slice(-1);
    const glyph = used.has(first) && head ? head : first;
    used.add(glyph);
    return glyph;
  });
}

export function CategoryTiles({ categories }: CategoryTilesProps) {
  const { t, i18n } = useTranslation();
  const glyphs = pickGlyphs(categories.map((category) => category.name.ja));
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {categories.map((category, index) => (
        <li key={category.id}>
          <Link
            to={`/categories/${category.slug}`}
            className="group flex h-full items-center gap-3 rounded-lg border border-washi-300 bg-white/70 p-3 hover:border-ai-700 hover:bg-white"
          >
            <span
              aria-hidden="true"
              className="flex size-11 shrink-0 items-center justify-center rounded-md bg-ai-900 font-serif text-xl text-washi-50"
            >
              {glyphs[index]}
            </span>
            <span className="min-w-0">
              <span className="block font-medium text-sumi-900 group-hover:underline">
                {pickText(category.name, i18n.language)}
              </span>
              <span className="block text-xs text-sumi-600">
                {t('home.categoryCount', { count: category.productCount })}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function CategoryTilesSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {Array.from({ length: 10 }, (_, index) => (
        <Skeleton key={index} className="h-[70px]" />
      ))}
    </div>
  );
}
