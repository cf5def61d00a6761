/** Shown in the main area while a page's code is still loading. */
export function RouteLoading({ label }: { label: string }) {
  return (
    <p className="route-loading" role="status">
      {label}
    </p>
  );
}
