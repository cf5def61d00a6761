import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildWorkflowGuide } from '../engine/docs/guide';
import { jsonSchemaText } from '../engine/docs/json-schema';
import { workflows } from '../machines/registry';
import type { CliCommand } from './cli-context';

/** Where the generated files live, relative to the project root. */
export const SCHEMA_PATH = 'scenarios/schema.json';
export const GUIDE_PATH = 'docs/workflows.md';

async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old === text) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
  return true;
}

function generated(path: string, text: () => string): CliCommand {
  return async (args, ctx) => {
    const target = typeof args.flags['out'] === 'string' ? args.flags['out'] : path;
    const changed = await writeIfChanged(target, text());
    ctx.out(ctx.lang === 'en' ? `${target} ${changed ? 'written' : 'up to date'}` : `${target} ${changed ? 'escrito' : 'al día'}`);
    return 0;
  };
}

/** `schema [--out file]`: writes the JSON Schema of scenario files (scenarios/schema.json). */
export const schemaCommand: CliCommand = generated(SCHEMA_PATH, jsonSchemaText);

/** `guide [--out file]`: writes the workflow reference from the registry (docs/workflows.md). */
export const guideCommand: CliCommand = generated(GUIDE_PATH, () => buildWorkflowGuide(workflows));
