#!/usr/bin/env node
// Renders the add-in's PNG icons from their SVG sources in assets/ with rsvg-convert
// (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg).
// Small sizes have their own drawings: detail that reads at 128 px turns to mush at 16 px.
// The PNGs are committed, so building never needs this script; run it after editing an SVG.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** Output size in px → SVG source drawn for it. */
const ICON_SOURCES = {
  16: "icon-16.svg",
  32: "icon-32.svg",
  64: "icon.svg",
  80: "icon.svg",
  128: "icon.svg",
};

try {
  execFileSync("rsvg-convert", ["--version"], { stdio: "ignore" });
} catch {
  console.error(
    "rsvg-convert not found. Install librsvg2-bin (Debian/Ubuntu) or librsvg (Homebrew) and run again.",
  );
  process.exit(1);
}

for (const [size, source] of Object.entries(ICON_SOURCES)) {
  const output = path.join(assets, `icon-${size}.png`);
  execFileSync("rsvg-convert", ["-w", size, "-h", size, path.join(assets, source), "-o", output]);
  console.log(`assets/icon-${size}.png  ←  assets/${source}`);
}
