export type { Texts } from '../../chat/port.js';
