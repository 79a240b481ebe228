import { type Language, languageOfText } from "../../text/language.js";

/**
 * The language a flow should switch to for a text typed in it, if the script makes it plain:
 * Chinese text in an English flow, English words (two or more, no digits) in a Chinese one,
 * Traditional in a Simplified one. Undefined to stay: "10GB" or "ok" in a Chinese flow stays.
 */
export function languageToFollow(text: string, current: Language): Language | undefined {
  const written = languageOfText(text);
  if (!written || written === current) return undefined;
  const englishWords = (text.match(/[a-z]{2,}/gi) ?? []).length >= 2 && !/\d/.test(text);
  const plain =
    (written !== "en" && current === "en") ||
    (written === "en" && englishWords) ||
    (written === "zh-Hant" && current === "zh-Hans");
  return plain ? written : undefined;
}
