import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/**", "node_modules/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2021, globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // src/lib/backend/ is the one doorway to the Tauri core.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@tauri-apps/api/core", message: "Call the core through src/lib/backend/ only." },
            { name: "@tauri-apps/plugin-dialog", message: "Use pickFolder() / pickBackupFile() from src/lib/backend/." },
          ],
        },
      ],
    },
  },
  {
    // Inside the doorway: only transport.ts calls invoke, only dialogs.ts opens pickers.
    files: ["src/lib/backend/**"],
    ignores: ["src/lib/backend/transport.ts", "src/lib/backend/dialogs.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@tauri-apps/api/core", message: "Only transport.ts calls invoke: use call() from ./transport." },
            { name: "@tauri-apps/plugin-dialog", message: "The native pickers live in dialogs.ts." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/lib/backend/transport.ts", "src/lib/backend/dialogs.ts", "test/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["*.js"],
    languageOptions: { globals: globals.node },
  },
);
