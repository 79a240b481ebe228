import type { Elsewhere } from "../../reading/reading.js";
import { classifySmallTalk } from "../../text/small-talk.js";
import { escapeHtml } from "../html.js";
import { replyToQuestion } from "../question-reply.js";
import { isTelegramFailure } from "../telegram-fetch.js";
import { reportUsage } from "../usage-reports.js";
import type { FlowContext, FlowRuntime } from "./flow-runtime.js";

/**
 * Text typed midway that answers no question of the flow, handled where it belongs: a usage
 * report is recorded (or the user told it waits for a tracker), small talk replied to in kind,
 * and a question answered (or offered as "did you mean" buttons that keep the flow). The flow
 * then asks its question again.
 */
export async function replyToTypedMidway(
  runtime: FlowRuntime,
  ctx: FlowContext,
  text: string,
  what: Elsewhere,
): Promise<void> {
  const { conversation, deps, t } = runtime;
  switch (what) {
    case "usage": {
      // Stored before it is shown: a failed reply loses no reading, and ends no flow.
      const reported = await conversation.external((outer) =>
        reportUsage(outer, text).catch((error: unknown) => {
          if (!isTelegramFailure(error)) throw error;
          outer.deps.logger.warn({ description: error.message }, "usage reply not delivered");
          return true;
        }),
      );
      if (!reported) await runtime.send(ctx, { text: escapeHtml(t("flow-usage-later")) });
      return;
    }
    case "chat": {
      const talk = classifySmallTalk(text) ?? "greeting";
      await runtime.send(ctx, { text: escapeHtml(t(`small-talk-${talk}`)) });
      return;
    }
    case "question": {
      const { view, asked } = replyToQuestion(deps.knowledge(), text, runtime.language, t, {
        inFlow: true,
      });
      await conversation.external(() =>
        deps.storage.recordQuestion({ ...asked, at: deps.clock.now() }),
      );
      await runtime.live.retire(ctx);
      await runtime.send(ctx, view);
      return;
    }
  }
}
