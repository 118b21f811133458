// plotly.js-basic-dist-min ships no types; app/lib/plotly.ts declares the few functions the app calls.
declare module 'plotly.js-basic-dist-min';
