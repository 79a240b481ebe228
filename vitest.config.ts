import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Some tests start the bot as a process, or wait for a reload: on a busy 2-core CI machine
    // the default 5 s is too tight. Tests that need longer say so themselves.
    testTimeout: 20_000,
  },
});
