import { Counter, Histogram, Registry } from "prom-client";

/** What /metrics reports, in Prometheus' text format. No label carries user data. */
export interface Metrics {
  registry: Registry;
  /** Updates handled, by type (message, callback_query, inline_query …). */
  updates: Counter<"type">;
  /** Matcher decisions: answer, suggest, none. */
  decisions: Counter<"decision">;
  /** Time from receiving an update to finishing it, by type. */
  handlerSeconds: Histogram<"type">;
  /** Errors caught at the bot's boundary, by kind (telegram, network, other). */
  errors: Counter<"kind">;
  /** Owed messages Telegram accepted, by kind (alert, check-in, plan-ended …). */
  owedSent: Counter<"kind">;
  /** Calls to Telegram tried again, by method and why (flood, server, network). */
  telegramRetries: Counter<"method" | "reason">;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    updates: new Counter({
      name: "bot_updates_total",
      help: "Updates handled, by type",
      labelNames: ["type"],
      registers: [registry],
    }),
    decisions: new Counter({
      name: "bot_decisions_total",
      help: "Matcher decisions, by decision",
      labelNames: ["decision"],
      registers: [registry],
    }),
    handlerSeconds: new Histogram({
      name: "bot_update_duration_seconds",
      help: "Time to handle one update, by type",
      labelNames: ["type"],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: "bot_errors_total",
      help: "Errors caught while handling updates, by kind",
      labelNames: ["kind"],
      registers: [registry],
    }),
    owedSent: new Counter({
      name: "bot_owed_messages_sent_total",
      help: "Owed messages (alerts, reminders, prompts) Telegram accepted, by kind",
      labelNames: ["kind"],
      registers: [registry],
    }),
    telegramRetries: new Counter({
      name: "bot_telegram_retries_total",
      help: "Calls to Telegram tried again, by method and reason",
      labelNames: ["method", "reason"],
      registers: [registry],
    }),
  };
}
