/**
 * What the analysis commands (`npm run decompose`, `npm run solve`) share: the data set and round files read and
 * checked exactly as `npm run settle` reads them (CSV or XLSX, the same row errors), every error on stderr in
 * English and Chinese, and output written only once everything is computed.
 */
import { rm, writeFile } from 'node:fs/promises';
import { formatRowError, omittedErrors, readDatasetFiles } from '@/server/import';
import type { RoundParams } from '@/worker/settlement';
import type { DatasetBundle } from '@/worker/settlement/types';
import { readRound } from './settle';

export interface DatasetFiles {
  hospitals: string;
  catalog: string;
  cases: string;
}

/** The data set and the rounds (in the order of `roundPaths`), or null after every error went to stderr. */
export async function readAnalysisInputs(
  command: string,
  files: DatasetFiles,
  roundPaths: readonly string[],
  stderr: (line: string) => void,
): Promise<{ data: DatasetBundle; rounds: RoundParams[] } | null> {
  const [data, ...rounds] = await Promise.all([readDatasetFiles(files), ...roundPaths.map((path) => readRound(path))]);
  if (!data.ok) {
    for (const error of data.errors) stderr(`${formatRowError(error)}\n  ${formatRowError(error, 'zh')}`);
    const omitted = omittedErrors(data);
    if (omitted) stderr(`${omitted.en} / ${omitted.zh}`);
  }
  for (const round of rounds) if (!round.ok) for (const line of round.lines) stderr(line);
  if (!data.ok || rounds.some((round) => !round.ok)) {
    stderr(`${command} failed: bad input, nothing written / 输入有误，未写出任何文件`);
    return null;
  }
  return { data: data.bundle, rounds: rounds.map((round) => (round as { ok: true; params: RoundParams }).params) };
}

/** Writes `text` to `path`; on failure nothing is left behind and the reason goes to stderr. */
export async function writeOutput(command: string, path: string, text: string, stderr: (line: string) => void): Promise<boolean> {
  try {
    await writeFile(path, text);
    return true;
  } catch (error) {
    await rm(path, { force: true });
    stderr(`${(error as Error).message}\n${command} failed: cannot write ${path}, nothing written / 无法写出文件，未写出任何文件`);
    return false;
  }
}
