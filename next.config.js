// What the pages may load and run: only this server's own scripts, styles, fonts and workers (no CDN, no frames).
// Next's hydration writes inline scripts, and React and plotly inline styles; development builds need eval.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // no X-Powered-By: Next.js
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
  // a second development server beside the first (NEXT_DIST_DIR=.next-b next dev -p 3001): its own build folder
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native module: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  // The settlement worker is bundled by webpack (`next build --webpack`); Turbopack copies it as raw TS.
  typescript: { ignoreBuildErrors: false },
};
module.exports = nextConfig;
