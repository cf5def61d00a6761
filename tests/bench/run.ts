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
  for (const bench of benches) {
    console.log(bench.name);
    try {
      for (const f of await bench.run()) console.log(format(f));
    } catch (e) {
      console.log(`  could not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
}

void main();
