import { formatAgendaNumber } from '../../../src/core/service/agenda-number.js';

describe('formatAgendaNumber', () => {
  const values = { seq: 7, book: 'incoming' as const, month: 11, year: 2026 };

  it('prints the letter’s klasifikasi code where the format asks for it', () => {
    expect(
      formatAgendaNumber('{seq:3}/{klasifikasi}/ND-{book}/{monthRoman}/{year}', {
        ...values,
        klasifikasi: '027.1',
      }),
    ).toBe('007/027.1/ND-M/XI/2026');
  });

  it('prints a dash when no klasifikasi is known, and leaves formats without it unchanged', () => {
    expect(formatAgendaNumber('{seq:3}/{klasifikasi}/{year}', values)).toBe('007/-/2026');
    expect(formatAgendaNumber('{seq:3}/ND-{book}/{year}', { ...values, klasifikasi: '027.1' })).toBe(
      '007/ND-M/2026',
    );
  });
});
