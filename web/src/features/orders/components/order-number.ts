/** A short, readable order number for people: the first eight characters of its id, upper case. */
export function orderNumber(id: string): string {
  return id.slice(0, 8).toUpperCase();
}
