import { describe, expect, it } from "vitest";
import { usageChartSvg } from "../../src/tracker/chart.js";
import { svgToPng } from "../../src/tracker/chart-png.js";
import type { Plan } from "../../src/tracker/usage.js";

const plan: Plan = { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } };
const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);
const readings = [
  { at: hk("2026-11-20T20:00"), usedMb: 1500 },
  { at: hk("2026-11-21T20:00"), usedMb: 4200 },
  { at: hk("2026-11-22T20:00"), usedMb: 6900 },
];

describe("usageChartSvg", () => {
  it("draws use so far, the plan, the threshold and a projection, with no text to need a font", () => {
    const svg = usageChartSvg(plan, readings, hk("2026-11-23T09:00"));
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain("<polyline");
    expect(svg).toContain('stroke="#d93025"'); // the projection
    expect(svg).toContain('stroke="#f29900"'); // the threshold
    expect(svg).not.toContain("<text");
  });

  it("draws no projection without a pace", () => {
    const justStarted = [{ at: hk("2026-11-20T00:20"), usedMb: 100 }];
    const svg = usageChartSvg(plan, justStarted, hk("2026-11-20T00:30"));
    expect(svg).not.toContain('stroke="#d93025"');
  });

  it("renders to a PNG", () => {
    const png = svgToPng(usageChartSvg(plan, readings, hk("2026-11-23T09:00")));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // 640 × 360, from the IHDR chunk.
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBe(360);
  });
});
