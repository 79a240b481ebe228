import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The entry the problem belongs to, when there is one. */
  entryId?: string;
}

export type PathKey = string | number;

/** One parsed YAML file that can point at the line and column of any value in it. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Syntax errors; when there are any, `data` is undefined. */
  syntaxProblems: Problem[];
  /** A problem at `path`, or at the deepest part of it that exists (a missing key is reported on its parent). */
  problemAt(path: readonly PathKey[], message: string, entryId?: string): Problem;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const syntaxProblems = doc.errors.map((error) => ({
    file,
    ...position(error.pos[0]),
    message: error.message.split("\n")[0] ?? error.message,
  }));

  const offsetOf = (path: readonly PathKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return range[0];
    }
    return 0;
  };

  return {
    file,
    data: syntaxProblems.length === 0 ? doc.toJS() : undefined,
    syntaxProblems,
    problemAt: (path, message, entryId) => ({
      file,
      ...position(offsetOf(path)),
      message,
      ...(entryId === undefined ? {} : { entryId }),
    }),
  };
}

export type Parsed<T> =
  | { ok: true; data: T; source: YamlSource }
  | { ok: false; problems: Problem[] };

/** Reads a YAML file against a schema: the data, or every problem with its file and line. */
export async function readYamlFile<T>(file: string, schema: z.ZodType<T>): Promise<Parsed<T>> {
  const source = parseYamlSource(file, await readFile(file, "utf8"));
  if (source.syntaxProblems.length > 0) return { ok: false, problems: source.syntaxProblems };
  const parsed = schema.safeParse(source.data);
  if (parsed.success) return { ok: true, data: parsed.data, source };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      source.problemAt(
        issue.path.filter((key) => typeof key !== "symbol"),
        issue.message,
      ),
    ),
  };
}

export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const entry = problem.entryId ? ` [${problem.entryId}]` : "";
  return `${where}${entry} ${problem.message}`;
}
