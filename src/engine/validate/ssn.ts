/**
 * US Social Security number (9 digits, written ddd-dd-dddd) under the SSA's rules: the area
 * is never 000, 666 or 900–999, the group never 00, the serial never 0000. A few numbers
 * published as examples (Woolworth's wallet card, advertising) are refused too.
 */
export function isUsSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9") return false;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return false;
  if (digits === "078051120" || digits === "219099999" || digits === "123456789") return false;
  return true;
}
