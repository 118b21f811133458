'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { ExportSubject } from '../lib/export-about';

const ExportSubjectContext = createContext<ExportSubject | null>(null);

/**
 * What the tables below are of (data set, baseline, rounds compared with their parameters): every export of a
 * table inside writes it above the table. A page sets it once; a part of the page may narrow it (a hospital's page
 * compares the baseline with the edited round only).
 */
export function ExportSubjectProvider({ subject, children }: { subject: ExportSubject | null; children: ReactNode }) {
  return <ExportSubjectContext.Provider value={subject}>{children}</ExportSubjectContext.Provider>;
}

export function useExportSubject(): ExportSubject | null {
  return useContext(ExportSubjectContext);
}
