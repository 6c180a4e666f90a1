// Builds the portal into dist/, which the gateway serves at `/`; prints the gzipped weight of
// the JS + CSS and fails the build when it passes the budget of issue 6.
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const BUDGET_BYTES = 150 * 1024;

function bundleBudget(): Plugin {
  return {
    name: "bundle-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      let total = 0;
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(file.fileName)) continue;
        const source = file.type === "chunk" ? file.code : file.source;
        total += gzipSync(source, { level: 9 }).length;
      }
      const kib = (total / 1024).toFixed(1);
      const line = `portal JS + CSS: ${kib} KiB gzipped (budget ${BUDGET_BYTES / 1024} KiB)`;
      if (total > BUDGET_BYTES) this.error(line);
      this.info(line);
    },
  };
}

export default defineConfig({
  plugins: [bundleBudget()],
  build: { target: "es2022", sourcemap: false, assetsInlineLimit: 0 },
  // `npm run dev` beside `make run`: the API answers through the gateway.
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
