import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/text/language.js";
import { usageChartSvg } from "../../src/tracker/chart.js";
import { CHART_LABELS, chartDay } from "../../src/tracker/chart-labels.js";
import { CHART_FONT_FILES, svgToPng } from "../../src/tracker/chart-png.js";
import type { Plan } from "../../src/tracker/usage.js";

const plan: Plan = { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } };
const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);
const readings = [
  { at: hk("2026-11-20T20:00"), usedMb: 1500 },
  { at: hk("2026-11-21T20:00"), usedMb: 4200 },
  { at: hk("2026-11-22T20:00"), usedMb: 6900 },
];
const midPlan = hk("2026-11-23T09:00");
const dayOne = hk("2026-11-20T10:00");
/** The words a chart shows, in order. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map(([, content]) => content ?? "");

describe("usageChartSvg", () => {
  for (const language of LANGUAGES) {
    it(`draws a plan half used, in ${language}`, () => {
      expect(usageChartSvg(plan, readings, midPlan, language)).toMatchSnapshot();
    });
    it(`draws day one with no readings, in ${language}`, () => {
      expect(usageChartSvg(plan, [], dayOne, language)).toMatchSnapshot();
    });
  }

  it("titles the chart, names the unit and labels every line style in a legend", () => {
    const words = texts(usageChartSvg(plan, readings, midPlan, "en"));
    expect(words).toEqual(
      expect.arrayContaining([
        "Data use",
        "Plan 10 GB · 20 Nov – 26 Nov",
        "GB",
        "Used so far",
        "Plan total",
        "Even use",
        "At recent pace",
        "Today",
        "3.26 GB left",
        "Runs out 24 Nov",
      ]),
    );
  });

  it("labels the alert with what is left when it fires, not with what is used", () => {
    const words = texts(usageChartSvg(plan, readings, midPlan, "en"));
    expect(words).toContain("Alert: 2 GB left");
    expect(words).not.toContain("8");
    expect(texts(usageChartSvg(plan, readings, midPlan, "zh-Hans"))).toContain("提醒：剩 2 GB");
  });

  it("writes dates as each language does and ends the axis on the plan's last day", () => {
    expect(chartDay("2026-12-03", "en")).toBe("3 Dec");
    expect(chartDay("2026-12-03", "zh-Hans")).toBe("12月3日");
    expect(chartDay("2026-12-03", "zh-Hant")).toBe("12月3日");
    const words = texts(usageChartSvg(plan, readings, midPlan, "en"));
    expect(words).toContain("26 Nov");
    expect(words).not.toContain("27 Nov");
    const month: Plan = { ...plan, days: 30, startDate: "2026-12-03" };
    const dates = texts(usageChartSvg(month, [], hk("2026-12-03T09:00"), "zh-Hant")).filter((w) =>
      /^\d+月\d+日$/.test(w),
    );
    expect(dates[0]).toBe("12月3日");
    expect(dates.at(-1)).toBe("1月1日");
  });

  it("shows the plan and the daily budget on day one rather than an empty plot", () => {
    const svg = usageChartSvg(plan, [], dayOne, "en");
    expect(svg).not.toContain("<polyline");
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        "No usage reported yet",
        "About 1.43 GB a day to last",
        "Plan total",
      ]),
    );
    expect(texts(svg)).not.toContain(CHART_LABELS.en.used);
  });

  it("draws no projection without a pace, and no today once the plan has ended", () => {
    const justStarted = [{ at: hk("2026-11-20T00:20"), usedMb: 100 }];
    const early = texts(usageChartSvg(plan, justStarted, hk("2026-11-20T00:30"), "en"));
    expect(early).not.toContain("At recent pace");
    expect(early.some((word) => word.startsWith("Runs out"))).toBe(false);
    const ended = texts(usageChartSvg(plan, readings, hk("2026-11-28T09:00"), "en"));
    expect(ended).not.toContain("Today");
    expect(ended).not.toContain("At recent pace");
  });

  it("counts a small plan in MB", () => {
    const small: Plan = { ...plan, totalMb: 500, threshold: { megabytes: 100 } };
    const words = texts(usageChartSvg(small, [], dayOne, "en"));
    expect(words).toContain("MB");
    expect(words).toContain("Alert: 100 MB left");
    expect(words).toContain("500");
  });
});

describe("svgToPng", () => {
  it("renders at the chart's size, or at a scale", () => {
    const svg = usageChartSvg(plan, readings, midPlan, "zh-Hant");
    const png = svgToPng(svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // 800 × 640, from the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 640]);
    const half = svgToPng(svg, 0.5);
    expect([half.readUInt32BE(16), half.readUInt32BE(20)]).toEqual([400, 320]);
  });

  it("draws no character its cut-down font lacks, in any language or state of a plan", () => {
    const covered = new Set(
      readFileSync(new URL("../../src/tracker/fonts/chart-chars.txt", import.meta.url), "utf8"),
    );
    const small: Plan = { ...plan, totalMb: 500, threshold: { megabytes: 100 } };
    const states = [
      usageChartSvg(plan, readings, midPlan, "en"),
      ...LANGUAGES.flatMap((language) => [
        usageChartSvg(plan, readings, midPlan, language),
        usageChartSvg(plan, [], dayOne, language),
        usageChartSvg(plan, readings, hk("2026-12-20T09:00"), language),
        usageChartSvg(
          plan,
          [...readings, { at: hk("2026-11-23T08:00"), usedMb: 10240 }],
          midPlan,
          language,
        ),
        usageChartSvg(
          small,
          [{ at: hk("2026-11-20T20:00"), usedMb: 120 }],
          hk("2026-11-21T09:00"),
          language,
        ),
      ]),
    ];
    const missing = new Set(
      states.flatMap((svg) =>
        texts(svg).flatMap((text) => [...text].filter((char) => !covered.has(char))),
      ),
    );
    expect([...missing]).toEqual([]);
  });

  it("draws text, Chinese included, with the bundled font and no system one", () => {
    expect(CHART_FONT_FILES.every((file) => existsSync(file))).toBe(true);
    const page = (content: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" font-family="Noto Sans SC"><rect width="200" height="60" fill="#fff"/><text x="10" y="40" font-size="30">${content}</text></svg>`;
    const blank = svgToPng(page(""));
    for (const content of ["10 GB", "剩餘", "剩余"])
      expect(svgToPng(page(content)).equals(blank)).toBe(false);
  });
});
