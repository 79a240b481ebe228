/**
 * How the usage chart looks, and the SVG shapes it is drawn with: colours, text sizes, line
 * styles; lines, dots and text, with coordinates to one decimal place.
 */

/** The family of the font chart-png.ts loads: it has Latin and both Chinese scripts. */
export const CHART_FONT_FAMILY = "Noto Sans SC";

/** Text sizes, chosen to stay readable with the picture at half size on a phone. */
export const TEXT_SIZES = { title: 34, subtitle: 22, label: 22 };

export const COLOURS = {
  text: "#202124",
  muted: "#5f6368",
  axis: "#9aa0a6",
  grid: "#e8eaed",
  plan: "#3c4043",
  even: "#80868b",
  alert: "#e37400",
  used: "#1a73e8",
  left: "#1967d2",
  projection: "#d93025",
  today: "#bdc1c6",
};

export type LineStyle = { colour: string; width: number; dash?: string; cap?: "round" };

/** The chart's lines, each drawn the same in the plot and in the legend. */
export const LINE_STYLES = {
  used: { colour: COLOURS.used, width: 4 },
  plan: { colour: COLOURS.plan, width: 2 },
  even: { colour: COLOURS.even, width: 2.5, dash: "12 7" },
  alert: { colour: COLOURS.alert, width: 3, dash: "1 7", cap: "round" },
  projection: { colour: COLOURS.projection, width: 3, dash: "9 6" },
} satisfies Record<string, LineStyle>;

export interface TextStyle {
  size?: number;
  colour?: string;
  weight?: 400 | 700;
  anchor?: "start" | "middle" | "end";
  /** A white outline, so that a label stays readable where a line crosses it. */
  halo?: boolean;
}

/** A coordinate as the SVG holds it: one decimal place. */
export const coordinate = (value: number) => value.toFixed(1);

export function line(x1: number, y1: number, x2: number, y2: number, style: LineStyle): string {
  return `<line x1="${coordinate(x1)}" y1="${coordinate(y1)}" x2="${coordinate(x2)}" y2="${coordinate(y2)}" stroke="${style.colour}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}${style.cap ? ` stroke-linecap="${style.cap}"` : ""}/>`;
}

/** A line through points, joined and capped round: the use so far. */
export function polyline(points: { x: number; y: number }[], style: LineStyle): string {
  const path = points.map((point) => `${coordinate(point.x)},${coordinate(point.y)}`).join(" ");
  return `<polyline points="${path}" fill="none" stroke="${style.colour}" stroke-width="${style.width}" stroke-linejoin="round" stroke-linecap="round"/>`;
}

/** A dot with a white rim, marking a point on a line. */
export function dot(cx: number, cy: number, r: number, colour: string): string {
  return `<circle cx="${coordinate(cx)}" cy="${coordinate(cy)}" r="${r}" fill="${colour}" stroke="#ffffff" stroke-width="2"/>`;
}

export function text(
  content: string,
  left: number,
  baseline: number,
  style: TextStyle = {},
): string {
  const attributes = [
    `x="${coordinate(left)}"`,
    `y="${coordinate(baseline)}"`,
    `font-size="${style.size ?? TEXT_SIZES.label}"`,
    `fill="${style.colour ?? COLOURS.text}"`,
  ];
  if (style.weight === 700) attributes.push(`font-weight="700"`);
  if (style.anchor && style.anchor !== "start") attributes.push(`text-anchor="${style.anchor}"`);
  if (style.halo)
    attributes.push(
      `stroke="#ffffff" stroke-width="6" stroke-linejoin="round" paint-order="stroke"`,
    );
  return `<text ${attributes.join(" ")}>${escapeXml(content)}</text>`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
