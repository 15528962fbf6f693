/**
 * Personal data (NIP, phone, email) for people who may not see it: enough left to recognise a
 * record, not enough to use it.
 */
const DOT = '•';

export function maskNip(nip: string): string {
  return nip.length <= 6
    ? DOT.repeat(nip.length)
    : `${nip.slice(0, 4)}${DOT.repeat(nip.length - 6)}${nip.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return DOT.repeat(3);
  return `${email.slice(0, 1)}${DOT.repeat(3)}${email.slice(at)}`;
}

/** Takes the phone as shown (08…). */
export function maskPhone(phone: string): string {
  return phone.length <= 7
    ? DOT.repeat(phone.length)
    : `${phone.slice(0, 4)}${DOT.repeat(phone.length - 7)}${phone.slice(-3)}`;
}
