'use client';
import { useMemo, useState, type FormEvent } from 'react';
import { localTime } from '../lib/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import type { Role } from '@/db/schema';
import styles from './accounts.module.css';

interface Account {
  id: number;
  username: string;
  role: Role;
  hospitalCode: string | null;
  disabled: boolean;
  createdAt: string;
}

const ROLE_CHOICES: readonly Role[] = ['panel', 'policy', 'hospital', 'admin'];

/** The list of accounts with their actions, and the form of a new one. */
export function AccountsView({ self }: { self: string }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const done = (text: string) => {
    setMessage({ kind: 'ok', text });
    void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
  };
  const failed = (error: { message: string }) => setMessage({ kind: 'error', text: error.message });
  const disable = useMutation(trpc.accounts.disable.mutationOptions({ onSuccess: () => done(''), onError: failed }));
  const enable = useMutation(trpc.accounts.enable.mutationOptions({ onSuccess: () => done(''), onError: failed }));
  const reset = useMutation(trpc.accounts.setPassword.mutationOptions({ onError: failed }));
  const [resetting, setResetting] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');

  const columns = useMemo<TableColumn<Account>[]>(
    () => [
      { id: 'username', header: t('accounts.username'), value: (a) => a.username },
      { id: 'role', header: t('accounts.role'), value: (a) => t(`auth.role.${a.role}`) },
      { id: 'hospital', header: t('accounts.hospital'), value: (a) => a.hospitalCode ?? '' },
      { id: 'state', header: t('accounts.state'), value: (a) => (a.disabled ? t('accounts.disabled') : t('accounts.active')) },
      { id: 'created', header: t('accounts.created'), value: (a) => localTime(a.createdAt, true) },
      {
        id: 'actions',
        header: t('accounts.actions'),
        value: () => '',
        render: (a) => (
          <span className={styles.actions}>
            {a.disabled ? (
              <button type="button" data-testid={`account-enable-${a.username}`} onClick={() => enable.mutate({ username: a.username })}>
                {t('accounts.enable')}
              </button>
            ) : (
              <button type="button" disabled={a.username === self} data-testid={`account-disable-${a.username}`} onClick={() => disable.mutate({ username: a.username })}>
                {t('accounts.disable')}
              </button>
            )}
            <button type="button" data-testid={`account-reset-${a.username}`} onClick={() => { setResetting(a.username); setNewPassword(''); }}>
              {t('accounts.resetPassword')}
            </button>
          </span>
        ),
      },
    ],
    [t, self, enable, disable],
  );

  const submitReset = (event: FormEvent) => {
    event.preventDefault();
    if (!resetting) return;
    const username = resetting;
    reset.mutate({ username, password: newPassword }, { onSuccess: () => { setResetting(null); done(t('accounts.password.ok', { username })); } });
  };

  return (
    <div data-testid="accounts-view">
      <h2>{t('accounts.title')}</h2>
      <p className="muted">{t('accounts.note')}</p>
      {message?.text ? (
        <p className={message.kind === 'error' ? styles.error : styles.ok} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="accounts-message">
          {message.text}
        </p>
      ) : null}
      <NewAccount onCreated={(username) => done(t('accounts.created.ok', { username }))} onError={failed} />
      {resetting ? (
        <form method="post" className={`panel ${styles.form}`} onSubmit={submitReset} data-testid="account-reset-form">
          <strong>{t('accounts.resetPassword')}: {resetting}</strong>
          <label>
            {t('accounts.newPassword')}{' '}
            <input type="password" autoComplete="new-password" minLength={10} maxLength={200} required value={newPassword} onChange={(e) => setNewPassword(e.target.value)} data-testid="account-new-password" />
          </label>
          <button type="submit" className="primary">{t('accounts.save')}</button>
          <button type="button" onClick={() => setResetting(null)}>{t('accounts.cancel')}</button>
        </form>
      ) : null}
      <DataTable rows={accounts.data ?? []} columns={columns} rowKey={(a) => String(a.id)} exportName="accounts" testId="accounts-table" />
    </div>
  );
}

function NewAccount({ onCreated, onError }: { onCreated: (username: string) => void; onError: (error: { message: string }) => void }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('panel');
  const [hospitalCode, setHospitalCode] = useState('');
  const add = useMutation(trpc.accounts.add.mutationOptions({ onError }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { username, password, role, hospitalCode: role === 'hospital' ? hospitalCode : null },
      {
        onSuccess: () => {
          onCreated(username);
          setUsername('');
          setPassword('');
          setHospitalCode('');
        },
      },
    );
  };
  return (
    <form method="post" className={`panel ${styles.form}`} onSubmit={submit} data-testid="account-add-form">
      <strong>{t('accounts.add')}</strong>
      <label>
        {t('accounts.username')} <input value={username} required maxLength={64} autoComplete="off" onChange={(e) => setUsername(e.target.value)} data-testid="account-username" />
      </label>
      <label>
        {t('accounts.password')} <input type="password" value={password} required minLength={10} maxLength={200} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} data-testid="account-password" />
      </label>
      <label>
        {t('accounts.role')}{' '}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="account-role">
          {ROLE_CHOICES.map((r) => <option key={r} value={r}>{t(`auth.role.${r}`)}</option>)}
        </select>
      </label>
      {role === 'hospital' ? (
        <HospitalField value={hospitalCode} onChange={setHospitalCode} />
      ) : null}
      <button type="submit" className="primary" disabled={add.isPending} data-testid="account-create">{t('accounts.create')}</button>
    </form>
  );
}

/**
 * 绑定机构: a hospital code, typed or picked from the newest data set's hospitals (code and name); the code is what
 * binds, stable across data sets, so a code not in this data set is still taken (the server checks its form).
 */
function HospitalField({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const newest = datasets.data?.[0]?.id ?? null;
  const hospitals = useQuery(trpc.datasets.hospitals.queryOptions({ datasetId: newest ?? 0 }, { enabled: newest !== null }));
  const named = hospitals.data?.find((h) => h.code === value.trim());
  return (
    <label>
      {t('accounts.hospital')}{' '}
      <input value={value} required maxLength={32} list="account-hospital-codes" onChange={(e) => onChange(e.target.value)} data-testid="account-hospital" />
      <datalist id="account-hospital-codes">
        {(hospitals.data ?? []).map((h) => <option key={h.code} value={h.code}>{h.name}</option>)}
      </datalist>
      {value.trim() ? (
        <span className="muted" data-testid="account-hospital-name">
          {named ? named.name : hospitals.data ? t('accounts.hospitalUnknown') : ''}
        </span>
      ) : null}
    </label>
  );
}
