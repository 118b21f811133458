/** @type {import('next').NextConfig} */
const nextConfig = {
  // a second development server beside the first (NEXT_DIST_DIR=.next-b next dev -p 3001): its own build folder
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native module: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  // The settlement worker is bundled by webpack (`next build --webpack`); Turbopack copies it as raw TS.
  typescript: { ignoreBuildErrors: false },
};
module.exports = nextConfig;
