/**
 * The Fluent UI names the pane imports, read from its sources with the TypeScript parser
 * (so formatting, comments and `type` imports cannot fool it). The floor page is built
 * from this list, so it follows the pane as components are added or removed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const FLUENT_PACKAGE = "@fluentui/react-components";

/** Sources that never reach the bundle. */
const NOT_BUNDLED = /\.test\.tsx?$|\.d\.ts$/;
const NOT_BUNDLED_DIRECTORIES = new Set(["test-support", "__fixtures__", "__mocks__"]);

/** Value (non-type) names imported from `packageName` in one source text. */
export function importedValueNames(sourceText: string, fileName: string, packageName: string): string[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if (!ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== packageName)
      continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) {
      throw new Error(
        `${fileName}: a default import from ${packageName} cannot be mirrored by the floor page`,
      );
    }
    const bindings = clause.namedBindings;
    if (!bindings) continue;
    if (ts.isNamespaceImport(bindings)) {
      throw new Error(`${fileName}: import * from ${packageName} cannot be mirrored by the floor page`);
    }
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      // `import { Button as FluentButton }`: the exported name is what gets bundled.
      names.push((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory).sort()) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) {
      if (!NOT_BUNDLED_DIRECTORIES.has(entry)) files.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry) && !NOT_BUNDLED.test(entry)) {
      files.push(full);
    }
  }
  return files;
}

/** Every Fluent UI value the pane's sources under `paneDirectory` import, sorted, each once. */
export function paneFluentImports(paneDirectory: string): string[] {
  const names = new Set<string>();
  for (const file of sourceFiles(paneDirectory)) {
    for (const name of importedValueNames(readFileSync(file, "utf8"), file, FLUENT_PACKAGE)) names.add(name);
  }
  return [...names].sort();
}
