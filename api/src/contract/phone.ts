import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * A phone number as typed → E.164 ("+420777123456"), reading national numbers in the record's
 * country (Czech by default, the seed's home). Returns null when it cannot be a phone number.
 */
export function normalizePhone(input: string, country?: string | null): string | null {
  const parsed = parsePhoneNumberFromString(input, ((country ?? 'CZ').toUpperCase() as CountryCode));
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** Digits a person might type to find the number: international and national forms. */
export function phoneSearchForms(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const digits = e164.replace(/\D/g, '');
  return parsed ? [digits, parsed.nationalNumber] : [digits];
}
