/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native module: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  // The settlement worker is bundled by webpack (`next build --webpack`); Turbopack copies it as raw TS.
  typescript: { ignoreBuildErrors: false },
};
module.exports = nextConfig;
