export * from './catalog.ts';
export * from './commerce.ts';
export * from './identity.ts';
export * from './reports.ts';
export * from './users.ts';
