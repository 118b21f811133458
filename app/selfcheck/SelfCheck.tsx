'use client';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { canonicalBytes } from '@/worker/fingerprint';
import { hasCells } from '@/worker/settlement/result';
import type { RoundParams } from '@/worker/settlement/round';
import { SettlementBridge } from '../workbench/engine/bridge';
import { fetchColumns } from '../workbench/engine/useDatasetColumns';

interface BrowserRun {
  roundId: number;
  sha256: string;
  ms: number;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 引擎自检: settles every round of a data set in this browser's Web Worker and in Node on the server, and
 * compares the SHA-256 of the two results' canonical bytes. Equal fingerprints = bit-identical results.
 */
export function SelfCheck() {
  const trpc = useTRPC();
  const { t } = useLocale();
  const search = useSearchParams();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const datasetId = Number(search.get('dataset')) || datasets.data?.[0]?.id || null;
  const rounds = useQuery(trpc.rounds.list.queryOptions({ datasetId: datasetId ?? 0 }, { enabled: datasetId !== null }));
  const [runs, setRuns] = useState<BrowserRun[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!datasetId || !rounds.data) return;
    const bridge = new SettlementBridge();
    let cancelled = false;
    void (async () => {
      try {
        const columns = await fetchColumns(datasetId, () => undefined);
        bridge.load(`selfcheck-${datasetId}`, columns);
        for (const round of rounds.data) {
          const started = performance.now();
          const result = await bridge.settle(round.params as RoundParams, true);
          if (!hasCells(result)) throw new Error('the worker sent no hospital × DRG cells');
          const ms = performance.now() - started;
          const sha256 = await sha256Hex(canonicalBytes(result));
          if (cancelled) return;
          setRuns((previous) => [...previous, { roundId: round.id, sha256, ms }]);
        }
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        bridge.terminate();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [datasetId, rounds.data]);

  return (
    <div className="panel">
      <h2>{t('selfcheck.title')}</h2>
      <p className="muted">{t('selfcheck.help')}</p>
      {error ? <p className="error">{error}</p> : null}
      <table data-testid="selfcheck-table">
        <thead>
          <tr>
            <th>{t('rounds.name')}</th>
            <th>{t('selfcheck.browser')}</th>
            <th>{t('selfcheck.server')}</th>
            <th>{t('selfcheck.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {(rounds.data ?? []).map((round) => (
            <SelfCheckRow key={round.id} roundId={round.id} name={round.name} run={runs.find((r) => r.roundId === round.id) ?? null} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SelfCheckRow({ roundId, name, run }: { roundId: number; name: string; run: BrowserRun | null }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const server = useQuery(trpc.settlement.fingerprint.queryOptions({ roundId }));
  const verdict = !run || !server.data ? 'pending' : run.sha256 === server.data.sha256 ? 'match' : 'mismatch';
  return (
    <tr data-round-id={roundId} data-verdict={verdict}>
      <td>{name}</td>
      <td><code>{run ? run.sha256.slice(0, 16) : '…'}</code> {run ? `(${run.ms.toFixed(1)} ms)` : ''}</td>
      <td><code>{server.data ? server.data.sha256.slice(0, 16) : '…'}</code> {server.data ? `(${server.data.ms.toFixed(1)} ms)` : ''}</td>
      <td className={verdict === 'mismatch' ? 'error' : verdict === 'match' ? 'gain' : 'muted'}>{t(`selfcheck.${verdict}`)}</td>
    </tr>
  );
}
