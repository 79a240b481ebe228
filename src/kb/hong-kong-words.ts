/**
 * Hong Kong written Chinese from converted text: OpenCC gives Hong Kong character forms but
 * keeps Mainland words (運營商, 流量, 短信), so a table of those words, kept as data in
 * knowledge/hong-kong-words.yaml, puts the Hong Kong word in their place, longest first.
 */
export interface HongKongWords {
  /** Text in Traditional characters, with every Mainland word of the table replaced. */
  replace(text: string): string;
  /** The Mainland words a text still holds, each once, with the Hong Kong word for it. */
  find(text: string): { word: string; hongKong: string }[];
}

export function hongKongWords(table: Readonly<Record<string, string>>): HongKongWords {
  // Longest first, so that 流量卡 becomes 數據卡 before 流量 alone is looked at.
  const words = Object.keys(table).sort((a, b) => b.length - a.length);
  const pattern = words.length > 0 ? new RegExp(words.map(escapeRegExp).join("|"), "g") : /$^/g;
  return {
    replace: (text) => text.replace(pattern, (word) => table[word] ?? word),
    find: (text) =>
      [...new Set(text.match(pattern) ?? [])].map((word) => ({
        word,
        hongKong: table[word] ?? word,
      })),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
