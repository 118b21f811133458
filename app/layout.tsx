import type { Metadata } from 'next';
import type { ReactNode } from 'react';
// the app's own CJK font (Noto Sans SC, SIL OFL), loaded by unicode range: every machine and every print shows the
// same glyphs, with no font installed and no network
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './globals.css';
import { Providers } from './providers';
import { AppHeader } from './components/AppHeader';
import { currentUser } from '@/server/auth/page';

export const metadata: Metadata = {
  title: 'DRG 谈判与结算工作台',
  description: 'DRG rate-negotiation and settlement workbench',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="zh-CN">
      <body>
        <Providers>
          <AppHeader user={user ? { username: user.username, role: user.role, hospitalCode: user.hospitalCode } : null} />
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
