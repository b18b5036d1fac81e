// Public API of the prompts domain: verbatim default prompts and the prompt builder.
export { DEFAULT_MAX_ITEMS, DEFAULT_PROMPTS } from './default-prompts';
export {
  buildTaskPrompt,
  type ReplyKind,
  type TaskPrompt,
  type TaskPromptOptions,
  type VisionTask,
} from './build-task-prompt';
