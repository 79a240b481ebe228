import { Composer } from "grammy";
import { FLOWS } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flows/enter-flow.js";
import { sendEntry } from "../question-reply.js";
import { sendView } from "../reply.js";
import { trackerOfferView } from "../tracker-views.js";
import { replyWithUsageChart } from "../usage-chart-reply.js";
import { reportUsage } from "../usage-reports.js";
import { amountOfPayload, topicsView, welcomeView } from "../views.js";

const SAMPLE_COUNT = 3;
/** `/start faq_<entry id>`: the deep link inline results and group answers open. */
const FAQ_PAYLOAD = /^faq_([a-z0-9-]+)$/;

export const startFeature = new Composer<BotContext>();
const privateChat = startFeature.chatType("private");

privateChat.command("start", async (ctx) => {
  const { kb } = ctx.deps.knowledge();
  const flow = FLOWS.find((name) => name === ctx.match);
  if (flow) return enterFlow(ctx, flow);
  // `/start used_2p3gb`, from "/used 2.3GB" in a group: recorded here.
  const amount = amountOfPayload(ctx.match);
  if (amount !== undefined) {
    if (!(await reportUsage(ctx, amount))) await sendView(ctx, trackerOfferView(ctx.t.bind(ctx)));
    return;
  }
  // `/start usage`, from a group's link: the tracker, as /usage shows it.
  if (ctx.match === "usage") {
    const record = await ctx.deps.storage.trackers.get(ctx.from.id);
    if (record) await replyWithUsageChart(ctx, record, ctx.deps.clock.now());
    else await sendView(ctx, trackerOfferView(ctx.t.bind(ctx)));
    return;
  }
  const linked = ctx.match.match(FAQ_PAYLOAD)?.[1];
  if (linked !== undefined) {
    const entry = kb.entryById.get(linked);
    // A link to an entry removed since opens the topic menu instead.
    if (entry) await sendEntry(ctx, entry);
    else await sendView(ctx, topicsView(kb, ctx.language, ctx.t.bind(ctx)));
    return;
  }
  const mostAsked = await ctx.deps.storage.mostAsked(SAMPLE_COUNT);
  const samples = [...mostAsked.flatMap((id) => kb.entryById.get(id) ?? []), ...kb.entries]
    .filter((entry, index, all) => all.indexOf(entry) === index)
    .slice(0, SAMPLE_COUNT);
  await sendView(ctx, welcomeView(samples, ctx.language, ctx.t.bind(ctx)));
});

privateChat.command("help", (ctx) => ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));
