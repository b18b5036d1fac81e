// Public API of the files domain. Every export is named explicitly.
export { resolveInsideDirectory } from './resolve-inside-directory';
export { safeFileName, type SafeFileNameOptions } from './safe-file-name';
