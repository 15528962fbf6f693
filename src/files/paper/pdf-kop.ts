/** The kop (letterhead): the issuing unit's names from the ministry down, centred, over a double rule. */
export interface Kop {
  /** Unit names from the top, e.g. Kementerian Dalam Negeri, Sekretariat Jenderal, Pusat Data …. */
  units: readonly string[];
  /** Address, telephone, web site: one small line under the names. */
  address?: string;
}

export function kopAuthor(kop: Kop): string {
  return kop.units[kop.units.length - 1] ?? '';
}

/** Draws the kop from `top`; returns the y below it. */
export function drawKop(
  doc: PDFKit.PDFDocument,
  kop: Kop,
  place: { left: number; width: number; top: number },
): number {
  let y = place.top;
  kop.units.forEach((unit, index) => {
    const last = index === kop.units.length - 1;
    const size = index === 0 ? 14 : last ? 12.5 : 12;
    doc
      .font(index === 0 || last ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor('black')
      .text(unit.toUpperCase(), place.left, y, { width: place.width, align: 'center' });
    y = doc.y + 1;
  });
  if (kop.address) {
    doc
      .font('regular')
      .fontSize(8)
      .text(kop.address, place.left, y + 1, { width: place.width, align: 'center' });
    y = doc.y;
  }
  y += 4;
  doc
    .moveTo(place.left, y)
    .lineTo(place.left + place.width, y)
    .lineWidth(2)
    .strokeColor('black')
    .stroke();
  doc
    .moveTo(place.left, y + 3)
    .lineTo(place.left + place.width, y + 3)
    .lineWidth(0.6)
    .stroke();
  return y + 10;
}
