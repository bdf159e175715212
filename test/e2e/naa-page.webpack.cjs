// Builds nested-app-auth.e2e.ts's page with the pane's own resolve and loader rules (the alias under test).
const pane = require("../../webpack.config.js");

module.exports = async (env) => {
  const { context, resolve, module } = await pane({}, { mode: "development" });
  return {
    mode: "production",
    context,
    devtool: false,
    entry: "./test/e2e/naa-page.ts",
    output: { path: env.out, publicPath: "auto", filename: "naa-page.js", chunkFilename: "[name].js" },
    resolve,
    module,
  };
};
