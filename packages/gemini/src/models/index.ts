// Public API of the models domain: the capability table.
export { resolveModelProfile, type ModelProfile, type ThinkingControl } from './resolve-model-profile';
