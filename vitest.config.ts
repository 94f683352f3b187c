import { defineConfig } from "vitest/config";

/**
 * Unit tests: pure rules, no database. Integration tests (*.int.test.ts): real embedded
 * PostgreSQL started once by the global setup, each test file in its own process (forks),
 * each test in its own workspace.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["apps/*/src/**/*.test.ts", "packages/*/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["apps/server/src/**/*.int.test.ts"],
          globalSetup: ["apps/server/src/test/global-setup.ts"],
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
        },
      },
    ],
  },
});
