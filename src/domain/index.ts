export * from './cfdi';
export * from './coverage';
export * from './money';
// persona loads faker with a dynamic import inside generatePersona, so re-exporting it here keeps
// faker out of every static bundle (it becomes its own chunk, fetched on first use).
export * from './persona';
export * from './red-flags';
export * from './curp';
export * from './curp-from-person';
export * from './nss';
export * from './rfc';
