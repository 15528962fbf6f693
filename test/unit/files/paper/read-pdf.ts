/**
 * Reads a generated PDF back with pdf.js: its text as lines (items grouped by their baseline, left to
 * right), its metadata, and the payload of every QR code image on its pages, decoded with jsQR from the
 * image pdf.js decoded out of the file.
 */
import jsQRModule from 'jsqr';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pageCount: number;
  /** Text lines of each page, top to bottom. */
  pages: string[][];
  /** Every line of every page. */
  lines: string[];
  /** The label beside each ✓ (a ticked box), in page order. */
  ticked: string[];
  text: string;
  info: {
    Title?: string;
    Author?: string;
    Subject?: string;
    Keywords?: string;
    Custom?: Record<string, string>;
  };
  qrPayloads: string[];
}

interface TextItem {
  str: string;
  transform: number[];
}

interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8ClampedArray | Uint8Array;
}

function toRgba(image: DecodedImage): Uint8ClampedArray {
  const { width, height, data, kind } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    let r: number;
    let g: number;
    let b: number;
    if (kind === pdfjs.ImageKind.RGBA_32BPP) {
      [r, g, b] = [data[pixel * 4] ?? 0, data[pixel * 4 + 1] ?? 0, data[pixel * 4 + 2] ?? 0];
    } else if (kind === pdfjs.ImageKind.RGB_24BPP) {
      [r, g, b] = [data[pixel * 3] ?? 0, data[pixel * 3 + 1] ?? 0, data[pixel * 3 + 2] ?? 0];
    } else {
      // GRAYSCALE_1BPP: rows of packed bits, 1 = white.
      const rowBytes = Math.ceil(width / 8);
      const x = pixel % width;
      const y = Math.floor(pixel / width);
      const bit = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      r = g = b = bit ? 255 : 0;
    }
    rgba.set([r, g, b, 255], pixel * 4);
  }
  return rgba;
}

async function pageImages(page: pdfjs.PDFPageProxy): Promise<DecodedImage[]> {
  const operators = await page.getOperatorList();
  const names = operators.fnArray.flatMap((fn, index) =>
    fn === pdfjs.OPS.paintImageXObject ? [String((operators.argsArray[index] as unknown[])[0])] : [],
  );
  return Promise.all(
    names.map(
      (name) =>
        new Promise<DecodedImage>((resolve) => {
          page.objs.get(name, (image: unknown) => resolve(image as DecodedImage));
        }),
    ),
  );
}

interface Placed {
  x: number;
  y: number;
  str: string;
}

function placed(items: readonly TextItem[]): Placed[] {
  return items
    .filter((item) => item.str.trim() !== '')
    .map((item) => ({ x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, str: item.str }));
}

/** Items whose baselines are within 2.5 pt form one line. */
function textLines(items: readonly Placed[]): string[] {
  const rows: Array<{ y: number; parts: Placed[] }> = [];
  for (const item of [...items].sort((a, b) => b.y - a.y)) {
    const row = rows.find((candidate) => Math.abs(candidate.y - item.y) <= 2.5);
    if (row) row.parts.push(item);
    else rows.push({ y: item.y, parts: [item] });
  }
  return rows.map(({ parts: row }) =>
    row
      .sort((a, b) => a.x - b.x)
      .map((part) => part.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** For each ✓, the nearest text to its right on (nearly) the same baseline. */
function tickedLabels(items: readonly Placed[]): string[] {
  return items
    .filter((item) => item.str.trim() === '✓')
    .flatMap((tick) => {
      const label = items
        .filter(
          (item) =>
            item !== tick && item.x > tick.x && item.x - tick.x < 30 && Math.abs(item.y - tick.y) <= 4,
        )
        .sort((a, b) => a.x - b.x)[0];
      return label ? [label.str.trim()] : [];
    });
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
  });
  try {
    const pdf = await task.promise;
    const pages: string[][] = [];
    const ticked: string[] = [];
    const qrPayloads: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = placed(content.items.filter((item): item is TextItem & typeof item => 'str' in item));
      pages.push(textLines(items));
      ticked.push(...tickedLabels(items));
      for (const image of await pageImages(page)) {
        const code = jsQRModule.default(toRgba(image), image.width, image.height);
        if (code) qrPayloads.push(code.data);
      }
    }
    const { info } = await pdf.getMetadata();
    const lines = pages.flat();
    return {
      pageCount: pdf.numPages,
      pages,
      lines,
      ticked,
      text: lines.join('\n'),
      info,
      qrPayloads,
    };
  } finally {
    await task.destroy();
  }
}
