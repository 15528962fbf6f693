/**
 * The fonts embedded in every generated PDF: DejaVu Sans (Bitstream Vera licence with DejaVu changes in
 * the public domain; free to embed and redistribute), from the `dejavu-fonts-ttf` package. It covers
 * Indonesian text and every Latin diacritic, and has the ✓ and ☐ glyphs the forms use. pdfkit embeds
 * only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
  condensedItalic: 'DejaVuSansCondensed-Oblique.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

const require = createRequire(import.meta.url);
let cache: Record<FontName, Buffer> | undefined;

/** The font files' bytes, read once. */
export function fontBytes(): Record<FontName, Buffer> {
  if (!cache) {
    const read = (file: string): Buffer => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    cache = {
      regular: read(FONT_FILES.regular),
      bold: read(FONT_FILES.bold),
      italic: read(FONT_FILES.italic),
      condensed: read(FONT_FILES.condensed),
      condensedBold: read(FONT_FILES.condensedBold),
      condensedItalic: read(FONT_FILES.condensedItalic),
    };
  }
  return cache;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, bytes] of Object.entries(fontBytes())) doc.registerFont(name, bytes);
  doc.font('regular');
}
