/** Formats an agenda number from the flow's pattern, e.g. `001/ND-M/PUSDATINKOMTEL/XI/2026`. */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function formatAgendaNumber(
  format: string,
  values: { seq: number; book: 'incoming' | 'outgoing'; month: number; year: number; klasifikasi?: string },
): string {
  return format.replace(
    /\{(seq(?::(\d+))?|book|monthRoman|month|year|klasifikasi)\}/g,
    (_whole, token: string, width?: string) => {
      // The letter's klasifikasi arsip code, when a feature knows it (else a dash).
      if (token === 'klasifikasi') return values.klasifikasi?.trim() || '-';
      if (token.startsWith('seq')) return String(values.seq).padStart(width ? Number(width) : 1, '0');
      if (token === 'book') return values.book === 'incoming' ? 'M' : 'K';
      if (token === 'monthRoman') return ROMAN[values.month - 1] ?? String(values.month);
      if (token === 'month') return String(values.month);
      return String(values.year);
    },
  );
}
