export * from './bot-api-stand-in.js';
