import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Some tests start the bot as a process, or wait for a reload: on a busy 2-core CI machine
    // the default 5 s is too tight. Tests that need longer say so themselves.
    testTimeout: 20_000,
    // One worker more than cores: the end-to-end files spend most of their time waiting on child
    // processes, and a spare worker fills that time (on 2 cores: 45 s against 70 s by default).
    maxWorkers: availableParallelism() + 1,
    // Test files share their worker's modules instead of importing grammY, OpenCC and the
    // shipped knowledge base afresh each: import was most of the suite's time (72 s against
    // 40 s here). Every file builds its own bot, storage and fake Telegram, and restores the
    // clocks it fakes, so nothing of one file's state reaches another.
    isolate: false,
  },
});
