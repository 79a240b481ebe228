/**
 * Numbers as people type them: digits ("1,500", "2.5"), Chinese numerals (二百, 一千五, 兩個半,
 * 兩點五, 廿五) and English words ("twenty five", "two and a half", "half").
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
const CHINESE_UNITS: Record<string, number> = {
  十: 10,
  廿: 20,
  百: 100,
  千: 1000,
  万: 10_000,
  萬: 10_000,
};

const ENGLISH_ONES: Record<string, number> = {
  zero: 0,
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const ONES = Object.keys(ENGLISH_ONES).join("|");
const TENS = Object.keys(ENGLISH_TENS).join("|");
const ENGLISH_WHOLE = `(?:(?:${TENS})(?:[- ](?:${ONES}))?|${ONES})(?: hundred)?`;
const CHINESE =
  "[零〇一二两兩三四五六七八九十廿百千万萬]+(?:[点點][零〇一二三四五六七八九]+)?(?:[个個]半)?";

/**
 * A number in a regular expression: digits, a Chinese numeral, or English words. Use it with
 * the `u` flag; callers add their own boundaries.
 */
export const NUMBER = `(?:\\d+(?:\\.\\d+)?(?:[个個]半)?|\\.\\d+|${CHINESE}|[个個]?半|${ENGLISH_WHOLE}(?: and a half| point \\w+)?|half(?: an?)?)`;

/** The value of one NUMBER match; undefined for text that is not one. */
export function numberValue(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(trimmed)) return Number(trimmed);
  // "1個半" is one and a half, and so is "個半" on its own; "半" is a half.
  const andAHalf = trimmed.match(/^(\d+(?:\.\d+)?)?[个個]半$/u);
  if (andAHalf) return Number(andAHalf[1] ?? 1) + 0.5;
  if (/^half( an?)?$/.test(trimmed) || trimmed === "半") return 0.5;
  const english = englishNumber(trimmed);
  if (english !== undefined) return english;
  return chineseNumber(trimmed);
}

function englishNumber(text: string): number | undefined {
  const half = text.match(/^(.+) and a half$/);
  if (half) {
    const whole = englishNumber(half[1] ?? "");
    return whole === undefined ? undefined : whole + 0.5;
  }
  const point = text.match(/^(.+) point (\w+)$/);
  if (point) {
    const whole = englishNumber(point[1] ?? "");
    const tenth = ENGLISH_ONES[point[2] ?? ""];
    return whole === undefined || tenth === undefined || tenth > 9 ? undefined : whole + tenth / 10;
  }
  const hundred = text.match(/^(.+) hundred$/);
  if (hundred) {
    const count = englishNumber(hundred[1] ?? "");
    return count === undefined ? undefined : count * 100;
  }
  const [tens, ones] = text.split(/[- ]/);
  if (ones === undefined) return ENGLISH_ONES[tens ?? ""] ?? ENGLISH_TENS[tens ?? ""];
  const tensValue = ENGLISH_TENS[tens ?? ""];
  const onesValue = ENGLISH_ONES[ones];
  return tensValue !== undefined && onesValue !== undefined && onesValue < 10
    ? tensValue + onesValue
    : undefined;
}

/**
 * A Chinese numeral: 三, 十五, 二百, 一百零五, 一千五 (1500: a digit after a unit counts in the
 * next unit down), 兩萬, 廿五, 兩點五 (2.5), 兩個半 (2.5).
 */
export function chineseNumber(text: string): number | undefined {
  // 兩個半 is two and a half; 一半 is "half", a share, not a number.
  const half = text.match(/^(.+?)[个個]半$/u);
  if (half) {
    const whole = chineseNumber(half[1] ?? "");
    return whole === undefined ? undefined : whole + 0.5;
  }
  const [whole = "", fraction] = text.split(/[点點]/u);
  const integer = chineseInteger(whole);
  if (integer === undefined) return undefined;
  if (fraction === undefined) return integer;
  const digits = [...fraction].map((character) => CHINESE_DIGITS[character]);
  if (digits.some((digit) => digit === undefined)) return undefined;
  return Number(`${integer}.${digits.join("")}`);
}

function chineseInteger(text: string): number | undefined {
  if (text === "") return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let afterZero = false;
  for (const character of text) {
    const value = CHINESE_DIGITS[character];
    if (value !== undefined) {
      if (digit !== undefined) {
        // Digits read one by one (一二三) are not a numeral people type for an amount.
        if (value !== 0 && !afterZero) return undefined;
      }
      if (value === 0) afterZero = true;
      else digit = value;
      continue;
    }
    const unit = CHINESE_UNITS[character];
    if (unit === undefined) return undefined;
    if (unit === 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else if (unit === 20) {
      section += 20;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
    afterZero = false;
    lastUnit = unit === 20 ? 10 : unit;
  }
  if (digit !== undefined) {
    // 一千五 is 1500 and 兩萬五 is 25000; 一百零五 (after a zero) is 105.
    section += !afterZero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  }
  return total + section;
}
