/**
 * National company-id checksums and EU VAT id formats, checked before any registry is asked
 * (a bad id answers 422 at once). Each returns null when valid, or the reason.
 */
const digits = (s: string) => s.replace(/\s+/g, '');

export function czIcoProblem(raw: string): string | null {
  const ico = digits(raw);
  if (!/^\d{8}$/.test(ico)) return 'An IČO has exactly 8 digits';
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * Number(ico[i]), 0);
  const r = sum % 11;
  const check = r === 0 ? 1 : r === 1 ? 0 : 11 - r;
  return check === Number(ico[7]) ? null : 'The IČO check digit does not match (weighted mod 11)';
}

export function plNipProblem(raw: string): string | null {
  const nip = raw.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(nip)) return 'A NIP has exactly 10 digits';
  const r = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * Number(nip[i]), 0) % 11;
  return r !== 10 && r === Number(nip[9]) ? null : 'The NIP check digit does not match (weighted mod 11)';
}

export function roCuiProblem(raw: string): string | null {
  const cui = digits(raw).replace(/^RO/i, '');
  if (!/^\d{2,10}$/.test(cui)) return 'A CUI has 2 to 10 digits';
  const body = cui.slice(0, -1).padStart(9, '0');
  const r = ([7, 5, 3, 2, 1, 7, 5, 3, 2].reduce((s, w, i) => s + w * Number(body[i]), 0) * 10) % 11;
  return (r === 10 ? 0 : r) === Number(cui.at(-1)) ? null : 'The CUI check digit does not match (key 753217532)';
}

/** VAT id formats by member state (the number after the country prefix). */
const vatFormats: Record<string, RegExp> = {
  AT: /^U\d{8}$/, BE: /^[01]\d{9}$/, BG: /^\d{9,10}$/, CY: /^\d{8}[A-Z]$/, CZ: /^\d{8,10}$/, DE: /^\d{9}$/, DK: /^\d{8}$/, EE: /^\d{9}$/,
  EL: /^\d{9}$/, ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/, FI: /^\d{8}$/, FR: /^[A-Z0-9]{2}\d{9}$/, HR: /^\d{11}$/, HU: /^\d{8}$/, IE: /^\d{7}[A-Z]{1,2}$|^\d[A-Z+*]\d{5}[A-Z]$/,
  IT: /^\d{11}$/, LT: /^(\d{9}|\d{12})$/, LU: /^\d{8}$/, LV: /^\d{11}$/, MT: /^\d{8}$/, NL: /^\d{9}B\d{2}$/, PL: /^\d{10}$/, PT: /^\d{9}$/,
  RO: /^\d{2,10}$/, SE: /^\d{12}$/, SI: /^\d{8}$/, SK: /^\d{10}$/, XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

export function euVatProblem(country: string, raw: string): string | null {
  const format = vatFormats[country];
  if (!format) return `${country} is not an EU member state code for VIES (Greece is EL, Northern Ireland XI)`;
  const number = raw.replace(/[\s.-]/g, '').toUpperCase().replace(new RegExp(`^${country}`), '');
  return format.test(number) ? null : `Not a ${country} VAT number format`;
}

export const euVatNumber = (country: string, raw: string) => raw.replace(/[\s.-]/g, '').toUpperCase().replace(new RegExp(`^${country}`), '');
