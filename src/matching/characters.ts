/** The character classes the normalizer reads text by. */

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Whether text holds a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Whether text is one or more Han characters and nothing else. */
export function isHan(text: string): boolean {
  return HAN_ONLY.test(text);
}

/** Whether text is one Han character: a segment the segmenter found no word in. */
export function isSingleHan(text: string | undefined): boolean {
  return text !== undefined && text.length === 1 && HAN.test(text);
}

/** Whether text[at] is a-z or 0-9: phrases of those match whole words only. */
export function isLatinOrDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** The characters `\s` matches, all of them in the Basic Multilingual Plane: what separates words. */
export const WHITESPACE_CHARACTERS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
/** 1 for each UTF-16 code unit of whitespace. */
const IS_WHITESPACE = new Uint8Array(0x10000);
for (const space of WHITESPACE_CHARACTERS) IS_WHITESPACE[space.charCodeAt(0)] = 1;

/** Whether text[at] is whitespace: a table lookup, as the numbering tests every character. */
export function isWhitespaceAt(text: string, at: number): boolean {
  return IS_WHITESPACE[text.charCodeAt(at)] === 1;
}
