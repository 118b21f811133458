'use client';
import styles from './diff.module.css';

/** A band table (bound, what the band gives) as a small table in a diff cell. */
export function BandTable({ headers, rows }: { headers: readonly [string, string]; rows: readonly (readonly [string, string])[] }) {
  return (
    <table className={styles.bands} data-testid="diff-bands">
      <thead>
        <tr>
          <th>{headers[0]}</th>
          <th>{headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([bound, value], i) => (
          <tr key={i}>
            <td>{bound}</td>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
