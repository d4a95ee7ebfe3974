export * from './client.ts';
export * as schema from './schema/index.ts';
export { seedDemoCatalog } from './seed/demo-catalog.ts';
