// ESLint flat config: the Office add-ins React rules (which bring their own typescript-eslint
// and prettier plugins), extended to .tsx files, which their TypeScript block does not match.
// The plugin's own parser import resolves to undefined (an ESM/CJS default-export mismatch in
// eslint-plugin-office-addins 4.0.10), so the TypeScript parser is set here explicitly.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const officeReact = officeAddins.configs.react;
const typescriptBlock = officeReact.find((block) => block.plugins && block.plugins["@typescript-eslint"]);

export default [
  {
    ignores: [
      "dist/",
      "node_modules/",
      "coverage/",
      "bench/results/",
      "docs/screenshots/",
      "**/*.js",
      "**/*.cjs",
    ],
  },
  ...officeReact,
  {
    files: ["**/*.tsx"],
    plugins: typescriptBlock.plugins,
    rules: typescriptBlock.rules,
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: "19" } },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      // TypeScript checks undefined names itself (and knows the DOM, Node and jest globals).
      "no-undef": "off",
      // React 19's automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React import.
      "react/react-in-jsx-scope": "off",
      // Formatting is prettier's job (`prettier --check` in `npm run lint`, with .prettierrc.json);
      // the plugin's rule would apply the office-addin preset instead of the project's settings.
      "prettier/prettier": "off",
    },
  },
  {
    // Layering: the domain and the pane see backends only through ContactDirectory and
    // DirectoryError (src/contacts/). The composition root (src/composition/) is the one
    // place that imports a backend; test/lint/layering.test.ts proves this rule bites.
    files: ["src/contacts/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)(admin-api|exchange-rest)(/|$)",
              message:
                "src/contacts/ and src/taskpane/ use the ContactDirectory seam (src/contacts/directory.ts); only src/composition/ wires a backend in.",
            },
          ],
        },
      ],
    },
  },
];
