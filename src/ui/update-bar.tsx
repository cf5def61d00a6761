/**
 * A thin bar at the top of the window, shown while a desk is marked busy by an action (the frames
 * between the input and its drawn result, see update-mark.ts). It sits on a layer of its own, so
 * showing it is an opacity change the compositor draws at once, whatever else the frame holds.
 */
export function UpdateBar() {
  return <div className="update-bar" aria-hidden="true" />;
}
