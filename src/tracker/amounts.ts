/** Amounts of data as the tracker shows them. Reading typed amounts is `src/reading/`. */

export const MB_PER_GB = 1024;

/** An amount as people say it: 512 MB, 1.5 GB, 10 GB. */
export function formatData(megabytes: number): string {
  if (Math.abs(megabytes) < MB_PER_GB) return `${Math.round(megabytes)} MB`;
  const gigabytes = megabytes / MB_PER_GB;
  return `${Number.isInteger(gigabytes) ? gigabytes : gigabytes.toFixed(gigabytes < 10 ? 2 : 1)} GB`;
}
