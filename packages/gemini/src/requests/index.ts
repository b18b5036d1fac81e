// Public API of the requests domain: transport and text placement settings.
export type { TransportSetting } from './choose-transports';
export type { TextPlacement } from './request-spec';
