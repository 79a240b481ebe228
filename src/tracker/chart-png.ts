import { Resvg } from "@resvg/resvg-js";

/** SVG to PNG with resvg. The charts draw their digits as strokes, so no font is loaded. */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
