import { InlineKeyboard } from "grammy";
import {
  recommendSharing,
  type SharingAnswers,
  type Stay,
  type Use,
  WORKAROUND_ENTRIES,
} from "../../sharing/recommend.js";
import { readCount, readDays } from "../../tracker/amounts.js";
import { encodeAction } from "../callback-data.js";
import { escapeHtml } from "../html.js";
import { defineFlow, yesNoQuestion } from "./flow-kit.js";

const MAX_PEOPLE = 20;

/** /share: five questions the family-sharing article weighs, then a workaround and its reasons. */
export const createShareFlow = defineFlow(async ({ kit, ctx, deps }) => {
  const { t } = kit;
  await ctx.reply(t("share-intro"));
  const answers = await kit.steps<SharingAnswers>(ctx, {
    people: () => ({
      prompt: t("share-people"),
      choices: [1, 2, 3, 4, 5].map((n) => ({ value: n, label: n === 5 ? "5+" : String(n) })),
      parse: (text) => readCount(text, 1, MAX_PEOPLE),
      expected: t("share-people-expected", { max: MAX_PEOPLE }),
    }),
    stay: () => ({
      prompt: t("share-stay"),
      choices: [
        { value: "trip" as Stay, label: t("share-stay-trip") },
        { value: "regular" as Stay, label: t("share-stay-regular") },
      ],
      // A number of days is a trip; "always", "live" and the like are regular.
      parse: (text) =>
        /常|住|經常|经常|regular|live|often|every/i.test(text)
          ? "regular"
          : readDays(text) !== undefined
            ? "trip"
            : undefined,
      expected: t("share-stay-expected"),
    }),
    together: () =>
      yesNoQuestion(
        t("share-together"),
        { yes: t("share-together-yes"), no: t("share-together-no") },
        t("flow-yes-no"),
      ),
    use: () => ({
      prompt: t("share-use"),
      choices: [
        { value: "light" as Use, label: t("share-use-light") },
        { value: "medium" as Use, label: t("share-use-medium") },
        { value: "heavy" as Use, label: t("share-use-heavy") },
      ],
      parse: (text) =>
        /light|少|轻|輕|聊天|地图|地圖|map/i.test(text)
          ? "light"
          : /heavy|video|视频|影片|工作|work|多/i.test(text)
            ? "heavy"
            : /medium|photo|social|相|社交|中/i.test(text)
              ? "medium"
              : undefined,
      expected: t("share-use-expected"),
    }),
    occasional: () =>
      yesNoQuestion(
        t("share-occasional"),
        { yes: t("share-occasional-yes"), no: t("share-occasional-no") },
        t("flow-yes-no"),
      ),
  });

  const workaround = recommendSharing(answers);
  const { kb } = deps.knowledge();
  const keyboard = new InlineKeyboard();
  for (const id of WORKAROUND_ENTRIES[workaround]) {
    const entry = kb.entryById.get(id);
    if (entry)
      keyboard.text(entry.title[kit.language], encodeAction({ kind: "ask", entryId: id })).row();
  }
  await ctx.reply(
    [
      `<b>${escapeHtml(t(`share-result-${workaround}`))}</b>`,
      "",
      escapeHtml(t(`share-why-${workaround}`)),
      "",
      `⚠️ ${escapeHtml(t(`share-caveat-${workaround}`))}`,
    ].join("\n"),
    { parse_mode: "HTML", reply_markup: keyboard },
  );
});
