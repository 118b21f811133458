/**
 * Where the read-only shared material lives (../shared beside the repository: the worked examples of
 * SETTLEMENT.md and the real catalogs). Tests that use it skip when it is absent; nothing is copied.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_DIR = path.resolve(__dirname, '../../../..', 'shared');
export const TINY_CITY_DIR = path.join(SHARED_DIR, 'examples', 'tiny-city');

/** The three worked rounds of tiny-city: round file and expected result. */
export const TINY_CITY_ROUNDS = ['points', 'points-fund', 'rate'] as const;

export function tinyCityPresent(): boolean {
  return fs.existsSync(path.join(TINY_CITY_DIR, 'cases.csv'));
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
