export * from './web-api-stand-in.js';
export * from './signed-requests.js';
