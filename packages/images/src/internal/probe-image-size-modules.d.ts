// Typings for the internal modules of probe-image-size 7.5 this package uses
// (`lib/formats/*.js`, `lib/common/exif_orientation_parser.js`); @types/probe-image-size describes
// only the public entry points. Each module is CommonJS with one named export, `Parser`.
// Ambient module declarations cannot import a relative module, hence the inline `import()` types.
/* eslint-disable @typescript-eslint/consistent-type-imports */
declare module 'probe-image-size/lib/formats/jpeg.js' {
  export const Parser: new () => import('./probe-image-size-parsers').IncrementalParser;
}
declare module 'probe-image-size/lib/formats/png.js' {
  export const Parser: new () => import('./probe-image-size-parsers').IncrementalParser;
}
declare module 'probe-image-size/lib/formats/gif.js' {
  export const Parser: new () => import('./probe-image-size-parsers').IncrementalParser;
}
declare module 'probe-image-size/lib/formats/webp.js' {
  export const Parser: new () => import('./probe-image-size-parsers').IncrementalParser;
}
declare module 'probe-image-size/lib/common/exif_orientation_parser.js' {
  export const Parser: new () => import('./probe-image-size-parsers').ExifOrientationParser;
}
