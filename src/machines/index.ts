/** The workflow registry. Each workflow's definition lives in its own `<id>.machine.ts`. */
export * from './workflow';
