/**
 * `npm run bench`: runs every bench in the list and prints its figures. Add a bench by writing a
 * `<name>.bench.ts` that exports a Bench and listing it here. Never fails on timing.
 */
import type { Bench, Figure } from './bench';
import { checkBench } from './check.bench';
import { firstLoadBench, repaintBench } from './repaint.bench';
import { replayBench } from './replay.bench';
import { shiftBench } from './shift.bench';

const benches: Bench[] = [replayBench, checkBench, shiftBench, firstLoadBench, repaintBench];

function format(f: Figure): string {
  const value = f.value >= 100 ? Math.round(f.value).toLocaleString('en') : f.value.toFixed(2);
  return `  ${f.label}: ${value} ${f.unit}${f.goal ? `  (goal ${f.goal})` : ''}`;
}

async function main(): Promise<void> {
  // `npm run bench -- replay shift` runs only the benches whose names contain one of the words.
  const only = process.argv.slice(2).map((a) => a.toLowerCase());
  for (const bench of benches.filter((b) => only.length === 0 || only.some((w) => b.name.toLowerCase().includes(w)))) {
    console.log(bench.name);
    try {
      for (const f of await bench.run()) console.log(format(f));
    } catch (e) {
      console.log(`  could not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
}

void main();
