/**
 * The hour of a daily check-in, as typed: "21:00", "9pm", "晚上9點", "朝早八點", "noon", or a
 * bare "9" that could be morning or evening. Whole hours only: a half hour asks which hour.
 */
import { NUMBER, numberValue } from "./numbers.js";
import { fromReadings, type Reading, refused, sure, unreadable } from "./reading.js";

const EVENING =
  /(?<=\d\s?)(?:pm|p\.m)|晚上|夜晚|夜晚黑|晚黑|夜|晚|下午|傍晚|黃昏|黄昏|evening|night|tonight|afternoon/u;
const MORNING = /(?<=\d\s?)(?:am|a\.m)|早上|早晨|朝早|朝|上午|早|morning|凌晨/u;
const NOON = /中午|晏晝|晏昼|noon|lunch ?time|lunch/u;
const MIDNIGHT = /半夜|午夜|midnight/u;

const CLOCK = /\b(\d{1,2})\s*[:.：]\s*(\d{2})(?!\d)|^([01]\d|2[0-3])([0-5]\d)$/u;
const SPOKEN = new RegExp(
  `(${NUMBER})\\s*(?:[點点時时]|o'?clock|oclock|am|a\\.m\\.?|pm|p\\.m\\.?|in the (?:morning|evening|afternoon)|at night|tonight|this (?:morning|evening))\\s*(半|(\\d{1,2}|${NUMBER})\\s*分?)?`,
  "u",
);
/** "晚上7", "朝早8": the part of the day first, the hour after it with no 點. */
const PERIOD_FIRST = new RegExp(
  `(?:晚上|夜晚|晚黑|早上|朝早|上午|下午|凌晨|(?:every |each )?(?:evening|night|morning|afternoon)(?: at| around| about)?)\\s*(${NUMBER})(?![\\d點点時时]|\\s*(?:gb?|mb?|%|日|天|號|号|days?))`,
  "u",
);
const BARE = new RegExp(`^(${NUMBER})$`, "u");
/** A part of the day with no hour: the check-in button of that part, asked. */
const MORNING_ALONE = /早上|早晨|朝早|上午|morning/u;
const EVENING_ALONE = /晚上|夜晚|晚黑|夜|evening|night|tonight/u;

/** The part of the day a text names ("晚上", "pm"), to carry into a correction: "9點，唔係，10點". */
export function partOfDay(text: string): string | undefined {
  return text.match(EVENING)?.[0] ?? text.match(MORNING)?.[0];
}

export interface HourFind {
  reading: Reading<number>;
  /** The figure the hour was read from ("7 at night", "21:00"), to judge what is left over. */
  figure: RegExp[];
  /** The words about the part of the day ("晚上", "morning"), taken out after other words. */
  spans: RegExp[];
}

/** The check-in hour a prepared text names, or undefined when it names no time at all. */
export function findHour(text: string): HourFind | undefined {
  const midnight = MIDNIGHT.test(text);
  const noon = NOON.test(text);
  const evening = !midnight && EVENING.test(text);
  const morning = !midnight && MORNING.test(text);
  const spans = [
    MIDNIGHT,
    NOON,
    EVENING,
    MORNING,
    /every ?day|daily|每日|每天|each day|\bat\b|around|在|喺|左右/gu,
  ].map((pattern) => new RegExp(pattern.source, "gu"));
  const clock = text.match(CLOCK);
  const spoken = clock ? undefined : text.match(SPOKEN);
  const first = clock || spoken ? undefined : text.match(PERIOD_FIRST);
  const bare = clock || spoken || first ? undefined : text.match(BARE);
  const hourText = clock?.[1] ?? clock?.[3] ?? spoken?.[1] ?? first?.[1] ?? bare?.[1];
  if (hourText === undefined) {
    if (midnight) return { reading: sure(0), figure: [], spans };
    if (noon) return { reading: sure(12), figure: [], spans };
    const alone = MORNING_ALONE.test(text) ? 9 : EVENING_ALONE.test(text) ? 21 : undefined;
    if (alone !== undefined && morning !== evening) {
      return { reading: { kind: "ask", options: [alone] }, figure: [], spans };
    }
    return undefined;
  }
  const hour = numberValue(hourText);
  const minuteText = clock?.[2] ?? clock?.[4] ?? (spoken?.[2] === "半" ? "30" : spoken?.[3]);
  const minutes = minuteText === undefined ? 0 : (numberValue(minuteText) ?? Number.NaN);
  const used = [CLOCK, SPOKEN, PERIOD_FIRST, BARE].map(
    (pattern) => new RegExp(pattern.source, "gu"),
  );
  const find = (reading: Reading<number>): HourFind => ({ reading, figure: used, spans });
  if (hour === undefined || !Number.isInteger(hour) || !(minutes >= 0 && minutes < 60)) {
    return find(unreadable);
  }
  if (hour > 23 || (hour > 12 && morning)) {
    return find(refused("out-of-range"));
  }
  // Which hours the words allow: a clock time ("9:00", "21:00") is read as written.
  let hours: number[];
  if (midnight && hour === 12) hours = [0];
  else if (noon && hour === 12) hours = [12];
  else if (hour >= 13 || hour === 0 || (clock && !evening && !morning)) hours = [hour];
  else if (evening && morning) hours = [hour, hour + 12];
  else if (evening) hours = [hour === 12 ? 12 : hour + 12];
  else if (morning) hours = [hour === 12 ? 0 : hour];
  else hours = hour === 12 ? [12, 0] : [hour, hour + 12];
  if (minutes === 0) return find(fromReadings(hours));
  // Check-ins are on the hour: a half hour asks for the hours either side of it.
  const only = hours.length === 1 ? (hours[0] as number) : undefined;
  return find(
    only === undefined ? fromReadings(hours) : { kind: "ask", options: [only, (only + 1) % 24] },
  );
}
