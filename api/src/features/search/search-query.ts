import { searchWords } from './normalize.js';

/**
 * What a person typed → the terms to look up. Something that looks like a phone number
 * becomes one run of digits ("+420 777 123 456" → "420777123456"); otherwise its words.
 */
export function searchQueryWords(q: string): string[] {
  const trimmed = q.trim();
  if (/^[+\d][\d\s()./-]{3,}$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '').replace(/^00/, '');
    if (digits.length >= 4) return [digits];
  }
  // Longest first: the rarest word drives the index scan.
  return searchWords(trimmed).sort((a, b) => b.length - a.length).slice(0, 5);
}
