/**
 * A typed answer made ready to read: full width folded (NFKC), lower case, emoji and chat
 * punctuation gone, thousands separators dropped, spaces collapsed. Keeps what carries meaning
 * in an answer: digits, units, ":" in times, "/" and "-" in dates, "%", "+", "-" and "?".
 */
export function prepare(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/[~!。,;…、"“”‘’()[\]【】「」『』*_=|\\^`]+/g, " ")
    .replace(/([a-z])'(?=[a-z])/g, "$1\u2019")
    .replace(/'/g, " ")
    .replace(/\u2019/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Where in a prepared text a reading was found. */
export interface Span {
  index: number;
  length: number;
}

/** The text with the spans read turned to spaces, so that the other spans keep their places. */
export function blank(text: string, spans: readonly Span[]): string {
  let blanked = text;
  for (const { index, length } of spans) {
    blanked = blanked.slice(0, index) + " ".repeat(length) + blanked.slice(index + length);
  }
  return blanked;
}

/**
 * What is left of a text once the given patterns are taken out: the words a reader did not
 * account for. Patterns are matched in turn; each match is replaced by a space.
 */
export function leftover(text: string, patterns: readonly RegExp[]): string {
  let rest = text;
  for (const pattern of patterns) rest = rest.replace(pattern, " ");
  return rest
    .replace(/[\s:?,/-]+|(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Words that carry no answer of their own in any step: hedges, particles, politeness, "I".
 * A reading whose leftover holds only these is sure.
 */
export const FILLERS: readonly RegExp[] = [
  /\b(?:i think|i guess|i believe|i reckon|probably|maybe|perhaps|about|around|roughly|approx(?:imately)?|approximately|like|um+|uh+|er+m*|hmm+|so|just|well|oh|ah|ok(?:ay)?|yeah|lol|haha+|please|pls|plz|thanks?|thank you|thx|ty|i'?m|i|we|we'?re|it'?s|its|it|is|was|be|the|my|our|me|mine|for|in|at|on|of|la|lah|leh|ar|wor|ga|ge|lo|bah|ba|ya|yah|hehe+|hoho)\b/g,
  /(?:我哋|我們|我们|我|大概|大約|大约|約|约|左右|差唔多|差不多|應該|应该|可能|估計|估计|好似|好像|即係|即是|就係|就是|其實|其实|唔該|唔该|謝謝|谢谢|多謝|多谢|麻煩|麻烦|吧|啦|喇|嘞|呀|啊|吖|囉|啰|咯|嘅|的|嗯|哦|噢|喔|呢|嘛|咧|嚟|喎|先|都|就|咋|而已|㗎|囉|啩|係|是|吓|下|咁|啲|得)/gu,
];
