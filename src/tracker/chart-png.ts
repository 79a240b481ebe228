import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY } from "./chart.js";

const require = createRequire(import.meta.url);
/**
 * Noto Sans SC (regular and bold), bundled as a package: it has Latin, digits and the Chinese
 * characters both scripts need, so the chart renders the same on any machine, with no system font.
 */
export const CHART_FONT_FILES = [
  "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
].map((file) => require.resolve(file));

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
