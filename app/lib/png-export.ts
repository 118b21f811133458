'use client';
/**
 * A chart's PNG with the app's CJK font in it. The browser draws an SVG turned into an image without the page's
 * web fonts, so the Chinese of a chart came out as empty boxes on a machine without a CJK font of its own: the
 * font files that cover the chart's characters (by their @font-face unicode ranges) are put into the SVG as data
 * before it is drawn on a canvas.
 */

const FAMILY = 'Noto Sans SC';

interface FontFile {
  url: string;
  weight: string;
  ranges: [number, number][];
}

/** "U+4e00-4e3f, U+ff01" → [[0x4e00, 0x4e3f], [0xff01, 0xff01]] */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes('?')) return [parseInt(part.replaceAll('?', '0'), 16), parseInt(part.replaceAll('?', 'f'), 16)];
      const [from, to] = part.split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    });
}

/** The app font's files, read from the page's own stylesheets. */
function fontFiles(): FontFile[] {
  const files: FontFile[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule) || !rule.style.getPropertyValue('font-family').includes(FAMILY)) continue;
      const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(rule.style.getPropertyValue('src'))?.[1];
      const range = rule.style.getPropertyValue('unicode-range');
      if (url) files.push({ url: new URL(url, sheet.href ?? location.href).href, weight: rule.style.getPropertyValue('font-weight') || '400', ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]] });
    }
  }
  return files;
}

async function dataUrl(url: string): Promise<string> {
  const blob = await (await fetch(url)).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The SVG with @font-face rules of the files that cover its characters, as data. */
export async function withEmbeddedFont(svg: string): Promise<string> {
  const text = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.textContent ?? '';
  const points = new Set(Array.from(text, (ch) => ch.codePointAt(0)!));
  const needed = fontFiles().filter((f) => [...points].some((p) => f.ranges.some(([a, b]) => p >= a && p <= b)));
  const faces = await Promise.all(
    needed.map(async (f) => `@font-face{font-family:"${FAMILY}";font-weight:${f.weight};src:url(${await dataUrl(f.url)}) format("woff2");}`),
  );
  return svg.replace(/<svg([^>]*)>/, `<svg$1><style>${faces.join('')}</style>`);
}

/** Draws the SVG (with its font) on a canvas of width × height and gives the PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([await withEmbeddedFont(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
