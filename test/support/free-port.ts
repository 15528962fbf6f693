export { freePort } from '../../src/storage/embedded-mongo.js';
