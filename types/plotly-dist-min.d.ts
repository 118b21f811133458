// plotly.js-dist-min ships no types; app/components/Plot.tsx declares the few functions it calls.
declare module 'plotly.js-dist-min';
