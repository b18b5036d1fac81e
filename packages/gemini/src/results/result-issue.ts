import type { ParseIssue, Size } from '@gemini-vision/core';

import type { SentImage } from '../inputs/prepare-image-input';

/**
 * An image with an EXIF rotation was sent as stored, not upright, so the result's coordinates
 * (and `imageSize`) refer to its **stored pixel grid**, not to the image as people see it.
 *
 * @remarks
 * This happens without an `imagePreparer`, or when the preparer cannot decode the file (HEIC or
 * HEIF without an HEVC decoder, sent unchanged). Whether Gemini applies EXIF orientation itself
 * is not documented, so the coordinates are mapped as they came, on the grid that was sent. To get
 * displayed pixels, configure an `imagePreparer`: it turns such images upright before sending.
 *
 * @example
 * ```ts
 * const { issues } = await vision.detect('IMG_0001.jpg');
 * const sideways = issues.find((issue): issue is OrientationNotAppliedIssue => issue.code === 'orientation-not-applied');
 * if (sideways) console.warn(sideways.message); // boxes are on the stored 4032×3024 grid
 * ```
 */
export interface OrientationNotAppliedIssue {
  /** Discriminant. */
  readonly code: 'orientation-not-applied';
  /** Always `warning`: the items are kept, on the stored grid. */
  readonly severity: 'warning';
  /** One line for people: the orientation, both sizes, and how to get displayed pixels. */
  readonly message: string;
  /** Position of the image in the request (0-based). */
  readonly imageIndex: number;
  /** The EXIF orientation that was not applied, 2..8. */
  readonly orientation: number;
  /** The stored size, in pixels: the grid the coordinates refer to (equal to `imageSize`). */
  readonly storedSize: Size;
  /** The size as displayed (after the orientation), in pixels. */
  readonly displayedSize: Size;
  /** Not about one item. */
  readonly itemIndex?: undefined;
}

/**
 * One issue of a spatial result: core's parse issues (from the model's text), or an issue about
 * the image the coordinates refer to.
 *
 * @example
 * ```ts
 * for (const issue of result.issues) if (issue.severity !== 'info') console.warn(issue.code, issue.message);
 * ```
 */
export type ResultIssue = ParseIssue | OrientationNotAppliedIssue;

/**
 * The `orientation-not-applied` issues of the images of a request: one per image whose EXIF
 * orientation is not 1 but was not applied before sending (the transform carries none).
 */
export function findOrientationIssues(images: readonly Pick<SentImage, 'index' | 'original' | 'transform'>[]): OrientationNotAppliedIssue[] {
  const issues: OrientationNotAppliedIssue[] = [];
  for (const { index, original, transform } of images) {
    if (original.orientation === 1 || (transform.orientation ?? 1) !== 1) continue;
    const storedSize: Size = { width: original.width, height: original.height };
    const displayedSize: Size = { width: original.displayWidth, height: original.displayHeight };
    issues.push({
      code: 'orientation-not-applied',
      severity: 'warning',
      message:
        `Image ${index} has EXIF orientation ${original.orientation} but was sent as stored, so coordinates refer to its stored ` +
        `${storedSize.width}×${storedSize.height} pixel grid, not to the ${displayedSize.width}×${displayedSize.height} image as displayed. ` +
        'Configure an `imagePreparer` to send it upright.',
      imageIndex: index,
      orientation: original.orientation,
      storedSize,
      displayedSize,
    });
  }
  return issues;
}
