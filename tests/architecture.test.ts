import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "./helpers.js";

// The rules of the layout (README, Layout), checked on every run so that they stay true.

const ROOT = projectPath("");
const MAX_LINES = 400;

function sourceFiles(folder: string): string[] {
  return readdirSync(projectPath(folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name));
}

/** The project files a module imports, by their paths from the project folder. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)\.js"/g)].map((match) =>
    relative(ROOT, resolve(ROOT, dirname(file), `${match[1]}.ts`)),
  );
}

/** A module's place in the folder graph: its folder under src/, or itself for a file at the top. */
function nodeOf(file: string): string {
  const parts = relative("src", file).split(sep);
  return parts.length === 1 ? file : parts.slice(0, -1).join("/");
}

/** Which folder imports which, among the folders of src/. */
function folderGraph(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles("src")) {
    for (const target of importsOf(file)) {
      const [from, to] = [nodeOf(file), nodeOf(target)];
      if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Cycles in a graph, each as the path that closes it (at least one per strongly tied group). */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]): void => {
    if (path.includes(node)) {
      cycles.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
  return cycles;
}

describe("the layout", () => {
  it("has no folder of src/ that imports one importing it back", () => {
    expect(cyclesOf(folderGraph())).toEqual([]);
  });

  it("has feature files that stand alone: no feature imports another", () => {
    const features = "src/bot/features";
    const crossings = sourceFiles(features).flatMap((file) =>
      importsOf(file)
        .filter((target) => dirname(target) === features)
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = ["src", "tests", "bench"]
      .flatMap(sourceFiles)
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), "utf8").split("\n").length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("has tests that mirror src/: each folder of tests/ is one of src/, but end-to-end", () => {
    const folders = (root: string) =>
      readdirSync(projectPath(root), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    const source = new Set(folders("src"));
    expect(folders("tests").filter((name) => name !== "e2e" && !source.has(name))).toEqual([]);
  });

  it("reads imports into folders, and finds a cycle where there is one", () => {
    expect(importsOf("src/knowledge.ts")).toContain(join("src", "matching", "normalize.ts"));
    expect(folderGraph().get("src/knowledge.ts")).toEqual(new Set(["kb", "matching"]));
    const graph = new Map([
      ["kb", new Set(["text"])],
      ["text", new Set(["matching"])],
      ["matching", new Set(["kb"])],
    ]);
    expect(cyclesOf(graph)).toEqual([["kb", "text", "matching", "kb"]]);
    graph.set("matching", new Set());
    expect(cyclesOf(graph)).toEqual([]);
  });
});
