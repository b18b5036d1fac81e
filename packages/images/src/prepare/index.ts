// Public API of the prepare domain. Every export is named explicitly.
export {
  prepareImage,
  type PreparedImage,
  type PreparedImageFormat,
  type PrepareImageOptions,
} from './prepare-image';
