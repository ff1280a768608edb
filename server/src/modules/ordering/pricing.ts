/** Consumption tax rates in percent, by the catalog's tax class. */
export const taxRates = { standard: 10, reduced: 8 } as const;
export type TaxClassName = keyof typeof taxRates;

export type PricedLine = { unitPrice: number; quantity: number; taxRate: number };

export type Totals = {
  /** Integer yen, tax included. */
  subtotal: number;
  /** Per rate, highest rate first: the tax-inclusive amount and the tax it includes. */
  taxes: { rate: number; amount: number; tax: number }[];
  total: number;
};

/**
 * Prices are tax-inclusive (Japanese retail display), so the tax is the part
 * of the price that is tax. The qualified-invoice rule (適格請求書, インボイス制度)
 * allows rounding once per invoice per rate, never per line: sum the
 * tax-inclusive amounts of each rate, then tax = floor(sum × rate / (100 + rate)).
 * Three ¥108 lines at 10 % include ¥29 of tax, not 3 × ¥9 = ¥27.
 */
export function computeTotals(lines: readonly PricedLine[]): Totals {
  const byRate = new Map<number, number>();
  for (const line of lines) {
    byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + line.unitPrice * line.quantity);
  }
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, amount]) => ({ rate, amount, tax: Math.floor((amount * rate) / (100 + rate)) }));
  const subtotal = taxes.reduce((sum, entry) => sum + entry.amount, 0);
  return { subtotal, taxes, total: subtotal };
}
