/**
 * Where the read-only shared material lives (../shared beside the repository, or the folder SHARED_DIR names:
 * the worked examples of SETTLEMENT.md and the real catalogs). Nothing is copied into the project. A suite
 * that needs it runs through `describeWithShared`: without the folder it does not pass silently, it reports
 * one skipped test that says what is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export const SHARED_DIR = process.env.SHARED_DIR ? path.resolve(process.env.SHARED_DIR) : path.resolve(REPO_ROOT, '..', 'shared');
/** the real CHS-DRG catalogs and the Harbin weight tables */
export const SHARED_DATA_DIR = path.join(SHARED_DIR, 'data');
export const TINY_CITY_DIR = path.join(SHARED_DIR, 'examples', 'tiny-city');

/** The three worked rounds of tiny-city: round file and expected result. */
export const TINY_CITY_ROUNDS = ['points', 'points-fund', 'rate'] as const;

/** "SKIPPED: ../shared/data/x.csv not found — …": the test name and warning of a suite whose shared file is absent. */
export function sharedSkipMessage(needed: string): string {
  // beside the repository: "../shared/…" as the README says; elsewhere (SHARED_DIR) the absolute path
  const shown = process.env.SHARED_DIR ? needed : path.relative(REPO_ROOT, needed);
  return `SKIPPED: ${shown} not found — put the shared folder beside the repository (../shared) or set SHARED_DIR`;
}

/**
 * A `describe` that needs a file of the shared folder: it runs when `needed` exists; otherwise the suite holds
 * one skipped test named by `sharedSkipMessage`, and a warning says the same, so the runner's output shows it.
 */
export function describeWithShared(name: string, needed: string, body: () => void): void {
  if (fs.existsSync(needed)) {
    describe(name, body);
    return;
  }
  const message = sharedSkipMessage(needed);
  console.warn(`${name}: ${message}`);
  describe(name, () => {
    it.skip(message, () => {});
  });
}

export function tinyCityFiles(): { hospitals: string; catalog: string; cases: string } {
  return {
    hospitals: path.join(TINY_CITY_DIR, 'hospitals.csv'),
    catalog: path.join(TINY_CITY_DIR, 'catalog.csv'),
    cases: path.join(TINY_CITY_DIR, 'cases.csv'),
  };
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}
