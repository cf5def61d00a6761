import { resolve } from 'node:path';
import type { Lang } from '../domain/text';
import { nodeFileSystem, pathKind, type PathKind } from './node-files';

/** What a command needs of a path: scenario files or folders, a case or shift file, a log, a file to write. */
export type PathNeed = 'library' | 'case' | 'log' | 'output';

const KIND: Record<Exclude<PathKind, 'missing' | 'file'>, { 'es-MX': string; en: string }> = {
  folder: { 'es-MX': 'una carpeta', en: 'a folder' },
  fifo: { 'es-MX': 'una FIFO (tubería con nombre)', en: 'a FIFO (named pipe)' },
  socket: { 'es-MX': 'un socket', en: 'a socket' },
  'char-device': { 'es-MX': 'un dispositivo de caracteres', en: 'a character device' },
  'block-device': { 'es-MX': 'un dispositivo de bloques', en: 'a block device' },
  other: { 'es-MX': 'un archivo especial', en: 'a special file' },
};

/** The kind of a path in words: "a FIFO (named pipe)", "un dispositivo de caracteres". */
export const kindWords = (kind: PathKind, lang: Lang): string =>
  kind === 'missing' ? (lang === 'en' ? 'nothing' : 'nada') : kind === 'file' ? (lang === 'en' ? 'a file' : 'un archivo') : KIND[kind][lang];

const EXPECTED: Record<PathNeed, { 'es-MX': string; en: string }> = {
  library: { 'es-MX': 'un archivo .yaml o una carpeta con archivos .yaml', en: 'a .yaml file or a folder of .yaml files' },
  case: { 'es-MX': 'un archivo de caso o de turno (.yaml)', en: 'a case or shift file (.yaml)' },
  log: { 'es-MX': 'un archivo de registro (.json)', en: 'a log file (.json)' },
  output: { 'es-MX': 'un archivo normal o una ruta nueva donde escribirlo', en: 'a regular file, or a new path to write it to' },
};

/**
 * The usage errors of one path, before anything is opened: a path that does not exist, one that is
 * not a regular file (a FIFO, a device, a socket would block or never end), a folder where a file
 * is needed, a folder without scenario files. Empty when the path is what the command needs.
 */
export async function pathProblem(path: string, need: PathNeed, cwd: string, lang: Lang): Promise<string | undefined> {
  const en = lang === 'en';
  const full = resolve(cwd, path);
  const kind = await pathKind(full);
  if (kind === 'missing') {
    if (need === 'output') return undefined;
    return en ? `error: no such file or folder: ${path}` : `error: no existe el archivo o carpeta: ${path}`;
  }
  if (kind === 'file') return undefined;
  if (kind === 'folder' && need === 'library') {
    const { files } = await nodeFileSystem.list([full]);
    if (files.length > 0) return undefined;
    return en
      ? `error: the folder ${path} holds no .yaml or .yml file: expected a scenario file or a folder of them`
      : `error: la carpeta ${path} no contiene archivos .yaml ni .yml: se esperaba un archivo de escenario o una carpeta con ellos`;
  }
  const what = KIND[kind][lang];
  return en ? `error: ${path} is ${what}, not a regular file: expected ${EXPECTED[need].en}` : `error: ${path} es ${what}, no un archivo normal: se esperaba ${EXPECTED[need]['es-MX']}`;
}
