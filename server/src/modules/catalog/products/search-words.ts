import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { searchWords } from '../schema.js';
import { searchWords as wordsOf } from './search-text.js';

/** Replaces the typo index's words of these products with the words of their search names now. */
export async function replaceSearchWords(
  db: DatabaseOrTransaction,
  rows: readonly { id: string; searchName: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.delete(searchWords).where(
    inArray(
      searchWords.productId,
      rows.map((row) => row.id),
    ),
  );
  const words = rows.flatMap((row) => wordsOf(row.searchName).map((word) => ({ word, productId: row.id })));
  for (let start = 0; start < words.length; start += 5000) {
    await db
      .insert(searchWords)
      .values(words.slice(start, start + 5000))
      .onConflictDoNothing();
  }
}
