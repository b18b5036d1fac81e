// Public API of the settings domain: where the key and base URL come from.
export { API_KEY_VARIABLES, BASE_URL_VARIABLE } from './resolve-api-key';
