// @ts-check
// Resolves `{@link X}` between workspace packages after TypeDoc merges them ("packages" strategy).
//
// TypeDoc converts each package on its own, so a link in `@gemini-vision/images` to a class of
// `@gemini-vision/core` (`@throws {@link InvalidArgumentError} …`) finds no target: TypeScript does
// not resolve links inside `@throws {…}`, and the name-based fallback only searches the package's
// own module. Once the projects are merged the target exists, so this plugin (running before
// TypeDoc's own link resolution) points such a link at the one export of another package with that
// name. A TypeScript-resolved link to a symbol that has no page of its own (a property of one
// member of a union type) is pointed at its nearest documented parent. Links that match nothing,
// or more than one export, are left alone, so TypeDoc's `invalidLink` validation still fails the
// build on them. Every link changed here is listed at log level Verbose and counted at Info.
import { Application, Reflection, ReflectionKind, ReflectionSymbolId } from 'typedoc';

const LINK_TAGS = new Set(['@link', '@linkcode', '@linkplain']);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** @param {Application} app */
export function load(app) {
  app.on(Application.EVENT_PROJECT_REVIVE, (project) => {
    /** @type {Map<string, Reflection[]>} exports of every package module, by name */
    const exportsByName = new Map();
    for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
      for (const child of module.children ?? []) {
        const list = exportsByName.get(child.name) ?? [];
        list.push(child);
        exportsByName.set(child.name, list);
      }
    }

    let crossPackage = 0;
    let toParent = 0;
    /**
     * @param {readonly import('typedoc').CommentDisplayPart[]} parts
     * @param {Reflection} owner
     */
    const fix = (parts, owner) => {
      for (const part of parts) {
        if (part.kind !== 'inline-tag' || !LINK_TAGS.has(part.tag)) continue;
        const text = part.text.trim();
        if (part.target === undefined && IDENTIFIER.test(text)) {
          const ownModule = moduleOf(owner);
          const candidates = (exportsByName.get(text) ?? []).filter((candidate) => moduleOf(candidate) !== ownModule);
          if (candidates.length === 1 && candidates[0] !== undefined) {
            part.target = candidates[0];
            crossPackage += 1;
            app.logger.verbose(`cross-package link: "${text}" in ${owner.getFriendlyFullName()} → ${candidates[0].getFriendlyFullName()}`);
          }
        } else if (part.target instanceof ReflectionSymbolId && project.getReflectionFromSymbolId(part.target) === undefined) {
          const parent = nearestDocumentedParent(moduleOf(owner), text);
          if (parent !== undefined) {
            part.target = parent;
            toParent += 1;
            app.logger.verbose(
              `link to an undocumented member: "${text}" in ${owner.getFriendlyFullName()} → ${parent.getFriendlyFullName()}`,
            );
          }
        }
      }
    };

    for (const reflection of Object.values(project.reflections)) {
      const comment = reflection.comment;
      if (comment !== undefined) {
        fix(comment.summary, reflection);
        for (const tag of comment.blockTags) fix(tag.content, reflection);
      }
      if (reflection.isDeclaration() && reflection.type?.type === 'union' && reflection.type.elementSummaries) {
        for (const summary of reflection.type.elementSummaries) fix(summary, reflection);
      }
    }
    if (crossPackage + toParent > 0) {
      app.logger.info(
        `cross-package-links: resolved ${crossPackage} link(s) across packages and pointed ${toParent} link(s) to an undocumented member at its parent (--logLevel Verbose lists them)`,
      );
    }
  }, 100);
}

/** @param {Reflection} reflection */
function moduleOf(reflection) {
  /** @type {Reflection | undefined} */
  let current = reflection;
  while (current !== undefined && !current.kindOf(ReflectionKind.Module)) current = current.parent;
  return current;
}

/**
 * The reflection of the longest documented prefix of a dotted link text in the owner's module:
 * `ParseIssue.code` (a property inside one member of a union) → `ParseIssue`.
 *
 * @param {Reflection | undefined} module
 * @param {string} text
 */
function nearestDocumentedParent(module, text) {
  if (module === undefined) return undefined;
  const names = text.split('.');
  for (let length = names.length - 1; length > 0; length -= 1) {
    /** @type {Reflection | undefined} */
    let current = module;
    for (const name of names.slice(0, length)) {
      current = current?.isDeclaration() || current?.isProject() ? current.getChildByName(name) : undefined;
    }
    if (current !== undefined) return current;
  }
  return undefined;
}
