#!/usr/bin/env node
// Renders the add-in's PNG icons from their SVG sources in assets/ with rsvg-convert
// (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg).
// Small sizes have their own drawings: detail that reads at 128 px turns to mush at 16 px.
// The PNGs are committed, so building never needs this script; run it after editing an SVG.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "assets");

/**
 * Output file → [size in px, SVG source drawn for it]. Sizes: desktop buttons 16/20/24/32/40/48/80;
 * Outlook mobile's 25/32/48 px at scale 1, 2 and 3 (25, 50, 75, 32, 64, 96, 48, 96, 144);
 * IconUrl 64, HighResolutionIconUrl 128; the unified manifest's color 192 and outline 32.
 */
const ICONS = {
  "icon-16.png": [16, "icon-16.svg"],
  "icon-20.png": [20, "icon-16.svg"],
  "icon-24.png": [24, "icon-32.svg"],
  "icon-25.png": [25, "icon-32.svg"],
  "icon-32.png": [32, "icon-32.svg"],
  "icon-40.png": [40, "icon-32.svg"],
  "icon-48.png": [48, "icon-32.svg"],
  "icon-50.png": [50, "icon-32.svg"],
  "icon-64.png": [64, "icon.svg"],
  "icon-75.png": [75, "icon.svg"],
  "icon-80.png": [80, "icon.svg"],
  "icon-96.png": [96, "icon.svg"],
  "icon-128.png": [128, "icon.svg"],
  "icon-144.png": [144, "icon.svg"],
  "icon-192.png": [192, "icon.svg"],
  "icon-outline-32.png": [32, "icon-outline.svg"],
};

try {
  execFileSync("rsvg-convert", ["--version"], { stdio: "ignore" });
} catch {
  console.error(
    "rsvg-convert not found. Install librsvg2-bin (Debian/Ubuntu) or librsvg (Homebrew) and run again.",
  );
  process.exit(1);
}

for (const [file, [size, source]] of Object.entries(ICONS)) {
  const px = String(size);
  execFileSync("rsvg-convert", [
    "-w",
    px,
    "-h",
    px,
    path.join(assets, source),
    "-o",
    path.join(assets, file),
  ]);
  console.log(`assets/${file}  ←  assets/${source}`);
}
