/** Today in Jakarta, the way agenda numbers spell it (…/IV/2027). */

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function jakartaPart(part: 'year' | 'month'): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', [part]: 'numeric' }).format(new Date()),
  );
}

export function jakartaYear(): number {
  return jakartaPart('year');
}

/** This month in Jakarta as a Roman numeral. */
export function romanMonth(): string {
  return ROMAN_MONTHS[jakartaPart('month') - 1] ?? '';
}
