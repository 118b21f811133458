/** The `hospitals` table (SETTLEMENT.md §5): validated rows, unique codes. */
import type { Hospital } from '@/worker/settlement/types';
import type { ErrorList } from './errors';
import { REASONS } from './reasons';
import { readTable } from './rows';
import { hospitalRow } from './schemas';
import type { TableSource } from './source';
import { FirstSeen, validateRow } from './validate';

/** Case columns index hospitals with a Uint16. */
const MAX_HOSPITALS = 0xffff;

export interface HospitalTable {
  hospitals: Hospital[];
  /** hospital_code → index in `hospitals` */
  index: Map<string, number>;
  /** every code written in the file, valid row or not: cases are checked against these */
  codes: FirstSeen;
  /** false when the header was unusable: cases cannot be checked against it */
  readable: boolean;
}

export async function readHospitals(
  source: TableSource,
  errors: ErrorList,
  onBytes?: (bytes: number) => void,
): Promise<HospitalTable> {
  const table: HospitalTable = { hospitals: [], index: new Map(), codes: new FirstSeen(), readable: false };
  table.readable = await readTable(
    'hospitals',
    source,
    errors,
    (record, row) => {
      const place = { file: source.name, row };
      const first = record.hospital_code ? table.codes.check(record.hospital_code, row) : null;
      if (first !== null) errors.add(source.name, row, 'hospital_code', REASONS.duplicateCode('hospitals', 'hospital_code', record.hospital_code, first));
      const valid = validateRow(hospitalRow, record, place, errors);
      if (!valid || first !== null) return;
      if (table.hospitals.length >= MAX_HOSPITALS) {
        errors.add(source.name, row, '', REASONS.tooManyRows(MAX_HOSPITALS, 'hospitals'));
        return;
      }
      table.index.set(valid.hospital_code, table.hospitals.length);
      table.hospitals.push({
        code: valid.hospital_code,
        name: valid.name,
        level: valid.level,
        coefficient: valid.coefficient,
        evaluationScore: valid.evaluation_score,
        district: valid.district,
        type: valid.type,
      });
    },
    onBytes,
  );
  return table;
}
