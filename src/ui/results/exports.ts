/**
 * Downloads from the report view: files built in the page (no server, no outside request), and
 * charts as standalone SVG (computed styles copied onto the elements, so the file looks the same
 * anywhere) or PNG (the SVG drawn onto a canvas through an image). The page's content security
 * policy allows neither style attributes nor blob: images, so styles are copied as presentation
 * attributes and the image is read from a data: URL.
 */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** Properties that decide how chart elements look (all SVG presentation attributes). */
const INLINE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

/** A standalone copy of a chart: namespace, size, a white ground and every style on its element. */
export function serializeSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const copies = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    for (const property of INLINE_PROPERTIES) {
      copies[i].setAttribute(property, computed.getPropertyValue(property));
    }
    copies[i].removeAttribute('class');
  });
  const { width, height } = svgSize(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const ground = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  ground.setAttribute('width', '100%');
  ground.setAttribute('height', '100%');
  ground.setAttribute('fill', '#ffffff');
  copy.insertBefore(ground, copy.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.round(rect.width), height: Math.round(rect.height) };
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadText(serializeSvg(svg), fileName, 'image/svg+xml');
}

/** Draws the chart at twice its size, for print and slides. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svgSize(svg);
  const scale = 2;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG'))), 'image/png'),
  );
  downloadBlob(png, fileName);
}

/** A file name for an export: the scenario id and what it holds, safe on every system. */
export function exportFileName(scenario: string, what: string, extension: string): string {
  const safe = `${scenario}-${what}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return `${safe}.${extension}`;
}
