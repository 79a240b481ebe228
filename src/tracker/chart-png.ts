import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY } from "./chart-drawing.js";

/**
 * Noto Sans SC, regular and bold, cut down to the characters the chart draws (fonts/README.md):
 * Latin, digits and the Chinese of both scripts, so the chart renders the same on any machine,
 * with no system font, in a few milliseconds.
 */
export const CHART_FONT_FILES = ["400Regular", "700Bold"].map((weight) =>
  fileURLToPath(new URL(`./fonts/NotoSansSC-${weight}-chart.ttf`, import.meta.url)),
);

/** SVG to PNG with resvg, at `scale` times the SVG's size. */
export function svgToPng(svg: string, scale = 1): Buffer {
  return new Resvg(svg, {
    font: {
      fontFiles: CHART_FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    fitTo: { mode: "zoom", value: scale },
  })
    .render()
    .asPng();
}
