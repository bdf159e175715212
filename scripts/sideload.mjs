#!/usr/bin/env node
// npm start / npm stop: sideload the add-in into Outlook for development with Microsoft's
// office-addin-debugging (starts the dev server, registers manifest.xml; `stop` undoes it).
// It is an optional dependency: its keytar dependency is a native module that cannot be
// built everywhere (on Linux it needs libsecret), and npm skips an optional dependency that
// fails to install. When it is missing, say how to get it instead of failing obscurely.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const command = process.argv[2];
if (command !== "start" && command !== "stop") {
  console.error("Usage: node scripts/sideload.mjs start|stop");
  process.exit(2);
}

const require = createRequire(import.meta.url);
let cli;
try {
  cli = path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
} catch {
  console.error(
    [
      "office-addin-debugging is not installed (it is optional: its keytar dependency needs a native build).",
      "",
      "  Windows, macOS:  npm install office-addin-debugging",
      "  Linux:           sudo apt-get install libsecret-1-dev   (Fedora: libsecret-devel)",
      "                   npm install office-addin-debugging",
      "",
      "Without it: run `npm run dev-server` and sideload manifest.xml yourself",
      "(Outlook on the web: Get Add-ins > My add-ins > Add a custom add-in > Add from file).",
    ].join("\n"),
  );
  process.exit(1);
}

const args = [cli, command, "manifest.xml"];
if (command === "start") args.push("--dev-server", "npm run dev-server", "--dev-server-port", "3000");
const result = spawnSync(process.execPath, args, { stdio: "inherit" });
process.exit(result.status ?? 1);
