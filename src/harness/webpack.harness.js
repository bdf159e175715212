/**
 * Builds the demo's Outlook stand-in page and the Office stand-in script, apart from the
 * pane's own build (webpack.config.js), into dist-harness/:
 *   index.html + harness.[hash].js   the stand-in page, served at "/"
 *   office-stand-in.js               Office.js's stand-in, loaded by the demo build's taskpane.html
 *
 * Usage: npx webpack --config src/harness/webpack.harness.js [--mode development]
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.resolve(__dirname, "../..");

module.exports = (_env, argv) => {
  const mode = argv.mode ?? "production";
  return {
    mode,
    context: root,
    entry: {
      harness: "./src/harness/page/index.tsx",
      "office-stand-in": "./src/harness/office-stand-in.entry.ts",
    },
    output: {
      path: path.join(root, "dist-harness"),
      // Relative to the page ("/" or a base path such as "/gal/"), where /harness/ is served.
      publicPath: "harness/",
      // The stand-in keeps a fixed name: the pane's demo taskpane.html refers to it.
      filename: (pathData) =>
        pathData.chunk?.name === "office-stand-in" ? "[name].js" : "[name].[contenthash:12].js",
      clean: true,
    },
    devtool: mode === "production" ? false : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(root, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: mode !== "production" },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/harness/page/index.html",
        filename: "index.html",
        chunks: ["harness"],
      }),
    ],
    performance: { hints: false },
  };
};
