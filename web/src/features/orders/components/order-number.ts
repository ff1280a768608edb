/** The order number people say and search for ("order 1042"); the same in the back office and on pack tasks. */
export function orderNumber(order: { number: number }): string {
  return String(order.number);
}
