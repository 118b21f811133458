'use client';

/** Opens the browser's print dialog ("save as PDF" there). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="primary" data-testid="notice-print-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
