#!/usr/bin/env node
// Fails when an export of a package entry point lacks TSDoc: every exported symbol needs a summary
// and an @example; every property of an exported interface needs its own comment.
// Usage: node tooling/scripts/check-tsdoc.mjs packages/core/src/index.ts [more entry points]
import { resolve } from 'node:path';

import ts from 'typescript';

const entries = process.argv.slice(2).map((entry) => resolve(entry));
const program = ts.createProgram(entries, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['@gemini-vision/source'],
  allowJs: false,
  noEmit: true,
  types: [],
});
const checker = program.getTypeChecker();
const problems = [];

for (const entry of entries) {
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`Cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    const where = `${exported.name} (${relative(declaration)})`;
    const docs = ts.getJSDocCommentsAndTags(declarationWithDocs(declaration));
    const text = docs.map((doc) => doc.getText()).join('\n');
    if (docs.length === 0 || !/\/\*\*\s*\n?\s*\*?\s*\S/.test(text)) {
      problems.push(`${where}: no TSDoc comment`);
      continue;
    }
    if (!/@example/.test(text)) problems.push(`${where}: no @example`);
    if (ts.isInterfaceDeclaration(declaration)) {
      for (const member of declaration.members) {
        if (ts.getJSDocCommentsAndTags(member).length === 0) {
          problems.push(`${where}: member \`${member.name?.getText() ?? '?'}\` has no comment`);
        }
      }
    }
  }
}

function declarationWithDocs(declaration) {
  // `export const x = …` keeps its comment on the variable statement.
  if (ts.isVariableDeclaration(declaration)) return declaration.parent.parent;
  return declaration;
}

function relative(declaration) {
  const file = declaration.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
  return `${file.fileName.replace(`${process.cwd()}/`, '')}:${line + 1}`;
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} documentation problem(s).`);
  process.exit(1);
}
console.log(`TSDoc complete for ${entries.length} entry point(s).`);
