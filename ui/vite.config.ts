/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Everything is bundled: the desktop app never loads remote content.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    target: ["es2021", "safari15"],
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ["react", "react-dom", "react-router-dom"],
          antd: ["antd", "@ant-design/icons", "dayjs"],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./test/setup.ts"],
    include: ["test/**/*.test.{ts,tsx}"],
    css: false,
    // antd screens rendered in jsdom take ~1 s each on an idle 2-core box and several times
    // that when the machine is busy building; a timeout is a hang guard, not a speed check.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
