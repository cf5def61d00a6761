/** Desk-level entries: `choose` clicks the choice whose es-MX text the run shows; `hint` asks for the hint. */
import type { Driver } from './support';
import { press, tr } from './support';

/** Strips the **bold** and *italic* markers that RichText renders as elements (the accessible name has none). */
const plain = (text: string): string => text.replace(/\*\*([^*\n]+)\*\*/g, '$1').replace(/\*([^*\n]+)\*/g, '$1').replace(/\s+/g, ' ').trim();

/** `{ choose: id }` -> the button with that choice's es-MX text in the step's group of answers. */
export const choose: Driver = async (ctx, entry) => {
  const id = (entry as { choice?: unknown }).choice;
  const choice = ctx.view.choices.find((c) => c.id === id);
  if (!choice) throw new Error(`Choice "${String(id)}" is not offered at step ${ctx.view.stepId} (offered: ${ctx.view.choices.map((c) => c.id).join(', ')})`);
  const group = ctx.page.getByRole('group', { name: tr('desk.chooseHeading') });
  await press(ctx, group.getByRole('button', { name: plain(choice.text['es-MX']), exact: true }), `choice ${choice.id}`);
};

/** `{ hint: {} }` -> the hint button. */
export const hint: Driver = async (ctx) => {
  await press(ctx, ctx.page.getByRole('button', { name: tr('desk.hint'), exact: true }), 'hint button');
};
