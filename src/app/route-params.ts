/** Path parameters of a matched route (its own file, so the route table and the loaders share it without a cycle). */
export type RouteParams = Readonly<Record<string, string | undefined>>;
