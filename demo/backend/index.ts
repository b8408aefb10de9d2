// The in-browser Open311 GeoReport v2 mock server: catalogue, request store and msw handlers.
export * from './catalogue';
export * from './store';
export * from './handlers';
export * from './media';
export * from './geocoder';
