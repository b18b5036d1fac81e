// Public API of the overlay domain. Every export is named explicitly.
export {
  renderOverlay,
  type OverlayDrawing,
  type OverlayGrid,
  type OverlayItem,
  type PlacedMask,
  type RenderOverlayOptions,
} from './render-overlay';
