// Public API of the ports: interfaces that adapter packages implement.
export type { ImageInfo, ImageProber } from './image-prober';
export type { ImagePreparer, ImagePreparerOptions, ImagePreparerResult } from './image-preparer';
export type { MaskDecoder } from './mask-decoder';
