import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Clock } from "../clock.js";
import type { ServedKnowledge } from "../knowledge.js";
import type { Logger } from "../logger.js";
import type { Decision } from "../matching/matcher.js";
import type { Metrics } from "../metrics.js";
import type { SessionData, Storage } from "../storage/storage.js";
import type { Language } from "../text/language.js";

export type ReloadResult = { ok: true; entries: number } | { ok: false; problems: string[] };

/** What the bot is built from; the entry points supply it. */
export interface BotDeps {
  /** The knowledge currently served: read it per update, so that a reload takes effect at once. */
  knowledge: () => ServedKnowledge;
  /** Loads the knowledge base again; an invalid one leaves the current one serving. */
  reloadKnowledge?: () => Promise<ReloadResult>;
  storage: Storage;
  logger: Logger;
  metrics: Metrics;
  adminIds: ReadonlySet<number>;
  clock: Clock;
  /** The translations, for what is said outside an update (reminders, the command menu). */
  i18n: I18n<BotContext>;
}

export interface BotFlavor {
  deps: BotDeps;
  /** The language of this update's replies, settled before any feature runs. */
  language: Language;
  /** What the matcher decided for this update, for the update's log line. */
  decision?: Decision;
}

export type BotContext = ConversationFlavor<
  Context & SessionFlavor<SessionData> & I18nFlavor & BotFlavor
>;
