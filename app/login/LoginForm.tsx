'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale';
import styles from './login.module.css';

/**
 * 登录: username and password to /api/auth/login; on success, on to the page asked for (same site only). The form
 * is `method="post"` and its button disabled until hydrated: a form sent by the browser itself, before the scripts
 * ran, would otherwise put the password in the URL (history, proxy and server logs).
 */
export function LoginForm({ next }: { next: string }) {
  const { t } = useLocale();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // until the page's scripts run, the browser would submit the form itself: the button waits for them
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
      });
      if (res.ok) {
        window.location.assign(next);
        return;
      }
      setError(t(res.status === 429 ? 'auth.locked' : res.status === 401 || res.status === 400 ? 'auth.wrong' : 'auth.failed'));
    } catch {
      setError(t('auth.failed'));
    }
    setPending(false);
  };
  return (
    <form method="post" className={`panel ${styles.form}`} onSubmit={(e) => void submit(e)} data-testid="login-form">
      <h2>{t('auth.title')}</h2>
      <label>
        {t('auth.username')}
        <input name="username" autoComplete="username" required maxLength={64} data-testid="login-username" />
      </label>
      <label>
        {t('auth.password')}
        <input name="password" type="password" autoComplete="current-password" required maxLength={200} data-testid="login-password" />
      </label>
      {error ? <p className="error" role="alert" data-testid="login-error">{error}</p> : null}
      <button type="submit" className="primary" disabled={pending || !ready} data-testid="login-submit">
        {pending ? t('auth.signingIn') : t('auth.submit')}
      </button>
      <p className="muted">{t('auth.hint')}</p>
    </form>
  );
}
