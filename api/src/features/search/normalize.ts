/**
 * Search keys: lower case, no diacritics, so "dvorak" finds "Dvořák", "lodz" finds "Łódź" and
 * "stefanescu" finds "Ștefănescu". NFD splits most accented letters into base + mark; the
 * letters below have no decomposition and are mapped by hand.
 */
const special: Record<string, string> = {
  ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ı: 'i', ħ: 'h', ŧ: 't',
};

export function normalizeText(value: string): string {
  return value
    .replace(/[łŁđĐøØßæÆœŒıħŧ]/g, (c) => special[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** The words of a text as search terms: letters and digits only, each at most 100 characters. */
export function searchWords(value: string | null | undefined): string[] {
  if (!value) return [];
  return normalizeText(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.slice(0, 100));
}
