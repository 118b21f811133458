export * from './datasets';
export * from './hospitals';
export * from './catalog';
export * from './cases';
export * from './rounds';
export * from './audit';
export * from './users';
export * from './requests';
