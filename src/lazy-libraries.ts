import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type * as Echarts from 'echarts';
import type * as ResvgJs from '@resvg/resvg-js';

/**
 * The heavy libraries, loaded the first time they are used instead of when the service starts:
 * charts, spreadsheets, PDFs, QR codes and the holiday rules are needed for a report, a PPK list or
 * a letter, not to answer a tap, and together they cost the start-up about a hundred megabytes and
 * over a second (docs/benchmarks.md, start-up). Node caches each after its first load.
 */
const requireHere = createRequire(import.meta.url);

function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

export const excelJs = async () => (await import('exceljs')).default;
export const pdfKit = async () => (await import('pdfkit')).default;
export const qrCode = async () => (await import('qrcode')).default;

/** For code that renders synchronously (charts, due-time arithmetic). */
export const echartsLibrary = onFirstUse(() => requireHere('echarts') as typeof Echarts);
export const resvgLibrary = onFirstUse(() => requireHere('@resvg/resvg-js') as typeof ResvgJs);
export const holidaysLibrary = onFirstUse(() => requireHere('date-holidays') as typeof Holidays);
