/**
 * The parts paper forms are made of, for pdfkit: label–value fields with aligned colons, ruled boxes
 * and tick boxes. Each part can be measured before it is drawn, so a row's cells share one height.
 */
export const FORM_FONT_SIZE = 9.5;
const CHECKBOX = 8;
const PAD = 5;

export interface Box {
  x: number;
  y: number;
  width: number;
}

export function cellPadding(): number {
  return PAD;
}

/** Height of `label : value` in a cell `width` wide (padding included). */
export function measureField(
  doc: PDFKit.PDFDocument,
  value: string,
  width: number,
  labelWidth: number,
): number {
  doc.font('condensed').fontSize(FORM_FONT_SIZE);
  const valueWidth = width - 2 * PAD - labelWidth - 8;
  return Math.max(doc.heightOfString(value || '-', { width: valueWidth }), FORM_FONT_SIZE + 2) + 2 * PAD;
}

export function drawField(
  doc: PDFKit.PDFDocument,
  box: Box,
  label: string,
  value: string,
  labelWidth: number,
): void {
  const x = box.x + PAD;
  const y = box.y + PAD;
  doc
    .font('condensedBold')
    .fontSize(FORM_FONT_SIZE)
    .fillColor('black')
    .text(label, x, y, { width: labelWidth, lineBreak: false });
  doc.font('condensed').text(':', x + labelWidth, y, { lineBreak: false });
  doc.text(value || '-', x + labelWidth + 8, y, { width: box.width - 2 * PAD - labelWidth - 8 });
}

/** A ruled rectangle. */
export function drawBox(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  height: number,
  fill?: string,
): void {
  doc.save();
  if (fill) doc.rect(x, y, width, height).fillColor(fill).fill();
  doc.rect(x, y, width, height).lineWidth(0.8).strokeColor('black').stroke();
  doc.restore();
}

/** Height of one tick box line with its label. */
export function measureCheckbox(doc: PDFKit.PDFDocument, label: string, width: number): number {
  doc.font('condensed').fontSize(FORM_FONT_SIZE);
  return Math.max(doc.heightOfString(label, { width: width - CHECKBOX - 6 }), CHECKBOX) + 3;
}

/**
 * A tick box and its label; a ticked box holds a ✓ (a real glyph, so the tick is in the PDF's text).
 * Returns the height used.
 */
export function drawCheckbox(doc: PDFKit.PDFDocument, place: Box, label: string, checked: boolean): number {
  const boxY = place.y + 1.5;
  doc.save();
  doc.rect(place.x, boxY, CHECKBOX, CHECKBOX).lineWidth(0.7).strokeColor('black').stroke();
  doc.restore();
  if (checked) {
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('black')
      .text('✓', place.x + 0.4, boxY - 2.6, { lineBreak: false });
  }
  doc
    .font(checked ? 'condensedBold' : 'condensed')
    .fontSize(FORM_FONT_SIZE)
    .fillColor('black')
    .text(label, place.x + CHECKBOX + 6, place.y, { width: place.width - CHECKBOX - 6 });
  return measureCheckbox(doc, label, place.width);
}

/**
 * Tick boxes side by side (sifat, derajat), `columns` to a line; each column is as wide as its longest
 * label (the spare width goes between them). Returns the height used.
 */
export function drawCheckboxRow(
  doc: PDFKit.PDFDocument,
  place: Box,
  options: ReadonlyArray<{ label: string; checked: boolean }>,
  columns: number,
): number {
  doc.font('condensedBold').fontSize(FORM_FONT_SIZE);
  const natural = Array.from({ length: columns }, (_, column) =>
    Math.max(
      0,
      ...options
        .filter((_, index) => index % columns === column)
        .map((option) => doc.widthOfString(option.label) + CHECKBOX + 10),
    ),
  );
  const spare = Math.max(0, place.width - natural.reduce((sum, width) => sum + width, 0));
  const widths = natural.map((width) => width + spare / columns);
  let y = place.y;
  let rowHeight = 0;
  options.forEach((option, index) => {
    const column = index % columns;
    if (column === 0 && index > 0) {
      y += rowHeight;
      rowHeight = 0;
    }
    const x = place.x + widths.slice(0, column).reduce((sum, width) => sum + width, 0);
    const used = drawCheckbox(doc, { x, y, width: widths[column] ?? 0 }, option.label, option.checked);
    rowHeight = Math.max(rowHeight, used);
  });
  return y + rowHeight - place.y;
}

/** The width a column of labels needs (bold form font) plus a little air. */
export function labelColumnWidth(doc: PDFKit.PDFDocument, labels: readonly string[]): number {
  doc.font('condensedBold').fontSize(FORM_FONT_SIZE);
  return Math.max(...labels.map((label) => doc.widthOfString(label))) + 4;
}
