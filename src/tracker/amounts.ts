/**
 * Reading what people type for amounts of data, days and counts: "10GB", "500 mb", "1.5 G",
 * "１０Ｇ" (full width), "三個", "7天", "three". Pure: no Telegram, no storage.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ENGLISH_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** A Chinese numeral up to 99 (三, 十, 十五, 二十, 三十) as a number, or undefined. */
function chineseNumber(text: string): number | undefined {
  const match = text.match(/^([一二两兩三四五六七八九])?(十)?([一二三四五六七八九])?$/u);
  if (!match || text === "") return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

/** Full-width digits and punctuation to ASCII, lower case, trimmed. */
function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

/** The first number in a text: digits (with decimals), a Chinese numeral, or an English word. */
export function readNumber(text: string): number | undefined {
  const folded = fold(text);
  const digits = folded.match(/\d+(?:\.\d+)?/);
  if (digits) return Number(digits[0]);
  const chinese = folded.match(/[零〇一二两兩三四五六七八九十]+/u);
  if (chinese) return chineseNumber(chinese[0]);
  const word = folded.match(/[a-z]+/g)?.find((w) => w in ENGLISH_NUMBERS);
  return word ? ENGLISH_NUMBERS[word] : undefined;
}

/** A whole number between min and max, as typed ("3个人", "三個", "three"), or undefined. */
export function readCount(text: string, min: number, max: number): number | undefined {
  const value = readNumber(text);
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;
}

export const MB_PER_GB = 1024;

/**
 * An amount of data in MB: "10GB", "500MB", "1.5 G", "2.3g", "300M", "１０Ｇ", "三G". A bare number
 * is read as GB, the unit plans are sold in. Negative amounts are not amounts.
 */
export function readDataAmount(text: string): number | undefined {
  const folded = fold(text).replace(/,/g, "");
  if (/-\s*\d/.test(folded)) return undefined;
  const value = readNumber(folded);
  if (value === undefined) return undefined;
  const unit = folded.match(/(gb|g|gib|mb|m|mib|千兆|兆)(?![a-z])/u)?.[1];
  const megabytes =
    unit === "mb" || unit === "m" || unit === "mib" || unit === "兆" ? value : value * MB_PER_GB;
  return Math.round(megabytes * 100) / 100;
}

/** A number of days: "7天", "30 days", "一星期"/"a week" (7), "一個月"/"a month" (30). */
export function readDays(text: string): number | undefined {
  const folded = fold(text);
  const count = readNumber(folded) ?? (/\ba\b|\ban\b/.test(folded) ? 1 : undefined);
  if (/星期|週|周|week/u.test(folded)) return count === undefined ? undefined : count * 7;
  if (/月|month/u.test(folded)) return count === undefined ? undefined : count * 30;
  return count !== undefined && Number.isInteger(count) ? count : undefined;
}

/** An amount as people say it: 512 MB, 1.5 GB, 10 GB. */
export function formatData(megabytes: number): string {
  if (Math.abs(megabytes) < MB_PER_GB) return `${Math.round(megabytes)} MB`;
  const gigabytes = megabytes / MB_PER_GB;
  return `${Number.isInteger(gigabytes) ? gigabytes : gigabytes.toFixed(gigabytes < 10 ? 2 : 1)} GB`;
}
