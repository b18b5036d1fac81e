// probe-image-size ships no types for its browser-safe synchronous entry; @types/probe-image-size
// describes the Node entry (streams, needle). This is the part the calculator uses.
declare module 'probe-image-size/sync.js' {
  /** What probe-image-size reads from an image header. */
  interface ProbeSyncResult {
    /** Stored width in pixels (before EXIF orientation). */
    readonly width: number;
    /** Stored height in pixels (before EXIF orientation). */
    readonly height: number;
    /** Format name, e.g. `jpg`, `png`, `webp`, `avif`. */
    readonly type: string;
    /** MIME type from the magic bytes, e.g. `image/jpeg`. */
    readonly mime: string;
    /** EXIF orientation (JPEG) or HEIF/AVIF `irot`/`imir` as 1..8, when present. */
    readonly orientation?: number;
  }

  /** Reads the size of an image from its bytes; `null` when the format is not recognised. */
  function probeImageSizeSync(data: Uint8Array): ProbeSyncResult | null;
  export default probeImageSizeSync;
}
