// The bundle budget, checked by size-limit (@size-limit/file: gzip level 9 of the built files,
// KB = 1000 bytes). `npm run size` weighs dist/ (after `npm run build`); the budget test
// (test/bundle/bundle-budget.test.ts) and `npm run bench` weigh their own builds through
// SIZE_LIMIT_DIR, and add the floor (SIZE_LIMIT_FLOOR_DIR) for the initial weight's 1.25× rule.
const path = require("node:path");
const { checks } = require("./bench/budget.cjs");

module.exports = checks(
  process.env.SIZE_LIMIT_DIR ?? path.join(__dirname, "dist"),
  process.env.SIZE_LIMIT_FLOOR_DIR,
);
