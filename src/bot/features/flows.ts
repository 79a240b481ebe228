import { conversations, createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { decodeAction, type Flow } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { enterFlow } from "../flows/enter-flow.js";
import { createMonitorFlow, createPlanFlow } from "../flows/monitor.js";
import { createShareFlow } from "../flows/share.js";

/**
 * Bump when a flow's questions change shape: conversations stored by an older version are then
 * dropped instead of replayed against code they no longer match.
 */
const FLOWS_VERSION = 5;
const KEY_PREFIX = "flow:";

/** What the conversations plugin stores per chat: its version pair and the active flows. */
interface StoredFlows {
  version?: [number, string | number];
  state?: Record<string, unknown[]>;
}

/** Plain words that ask for a flow, in the three languages. */
const INTENTS: [Flow, RegExp][] = [
  [
    "share",
    /(选|選|揀|挑|choose|pick|recommend|find).{0,10}(共享|分享|方案|办法|辦法|workaround|sharing)|共享方案/i,
  ],
  [
    "monitor",
    /(设置|設定|设定|set ?up|create|start).{0,12}(提醒|提示|警报|警報|alert|监控|監察|monitor|tracker|追踪)/i,
  ],
];

/** The guided flows (/share, /monitor), entered by command, button, deep link or plain words. */
export function flowsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // Flows stored by an older release are dropped on read; their chat hears why, once.
  const outdated = new Set<string>();
  const storage = deps.storage.conversations;
  feature.use(
    conversations({
      storage: {
        type: "key",
        version: FLOWS_VERSION,
        // The prefix is ours to add: the plugin would turn a missing chat (inline mode) into
        // one key, "flow:undefined", shared by every user.
        getStorageKey: (ctx) => (ctx.chatId === undefined ? undefined : KEY_PREFIX + ctx.chatId),
        adapter: {
          read: async (key) => {
            const stored = (await storage.read(key)) as StoredFlows | undefined;
            if (!stored || stored.version?.[1] === FLOWS_VERSION) return stored as never;
            if (Object.values(stored.state ?? {}).some((flows) => flows.length > 0))
              outdated.add(key);
            await storage.delete(key);
            return undefined;
          },
          write: (key, state) => storage.write(key, state),
          delete: (key) => storage.delete(key),
        },
      },
    }),
  );
  feature.use(async (ctx, next) => {
    if (outdated.delete(`${KEY_PREFIX}${ctx.chatId}`)) await ctx.reply(ctx.t("flow-outdated"));
    await next();
  });
  feature.use(createConversation(createShareFlow(deps), "share"));
  feature.use(createConversation(createMonitorFlow(deps), "monitor"));
  feature.use(createConversation(createPlanFlow(deps), "plan"));

  const privateChat = feature.chatType("private");
  privateChat.command("share", (ctx) => enterFlow(ctx, "share"));
  privateChat.command("monitor", (ctx) => enterFlow(ctx, "monitor"));
  feature.on("callback_query:data", async (ctx, next) => {
    const action = decodeAction(ctx.callbackQuery.data);
    if (action?.kind !== "go") return next();
    await enterFlow(ctx, action.flow);
  });
  privateChat.on("message:text", async (ctx, next) => {
    const flow = INTENTS.find(([, pattern]) => pattern.test(ctx.msg.text))?.[0];
    if (flow) await enterFlow(ctx, flow);
    else await next();
  });
  return feature;
}
