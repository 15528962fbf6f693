/** Rupiah amounts as Indonesians write them: "Rp 1.500.000.000" (dot as the thousands separator). */
export function formatRupiah(amount: number | bigint): string {
  const value = typeof amount === 'bigint' ? amount : BigInt(Math.trunc(amount));
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp ${grouped}`;
}
