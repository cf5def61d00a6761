// The domain's public names. persona loads faker with a dynamic import inside generatePersona, so
// re-exporting it here keeps faker out of every static bundle (it becomes its own chunk).
export * from './text';
export * from './types';
export * from './random';
export * from './curp';
export * from './curp-from-person';
export * from './nss';
export * from './rfc';
export * from './coverage';
export * from './cfdi';
export * from './money';
export * from './calendar';
export * from './clinic';
export * from './rooms';
export * from './rpbi';
export * from './red-flags';
export * from './persona';
