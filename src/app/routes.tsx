import { createContext, useContext, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Route, Switch, useParams } from 'wouter';
import { HomePage } from '../features/trainee/home-page';
import { PageLoading } from './page-loading';
import { NotFoundPage, RouteFailurePage } from './route-error-page';
import type { RouteParams } from './route-params';

/**
 * The route table (docs/decisions/0012-router.md). Home is in the entry chunk; every other page
 * is its own chunk, downloaded on a first visit. The trainee screens (library, case, desk, debrief,
 * shifts) also wait for the trainee data: the library's catalogue, the stored attempts and the
 * documents the page shows in full (src/app/trainee-data.ts). Their own strings (the `trainee`
 * namespace) load as the page renders, under the layout's Suspense boundary.
 */


/** What a page waits for before it renders: its component, loaded with whatever it reads. */
type PageLoader = (params: RouteParams) => Promise<ComponentType>;

/** A route of the table: its path (wouter's patterns) and how its page loads. */
export interface AppRoute {
  path: string;
  load: PageLoader;
}

/** A page that needs the trainee data: its code and the data load in parallel. */
const traineePage =
  (load: () => Promise<ComponentType>): PageLoader =>
  async (params) => {
    const [Page] = await Promise.all([load(), import('./trainee-data').then(({ traineeLoader }) => traineeLoader({ params }))]);
    return Page;
  };

export const routes: readonly AppRoute[] = [
  { path: '/library', load: traineePage(async () => (await import('../features/trainee/library-page')).LibraryPage) },
  { path: '/case/:caseId', load: traineePage(async () => (await import('../features/trainee/case-page')).CasePage) },
  { path: '/desk/:attemptId', load: traineePage(async () => (await import('../features/trainee/desk-page')).DeskPage) },
  { path: '/debrief/:attemptId', load: traineePage(async () => (await import('../features/trainee/debrief-page')).DebriefPage) },
  { path: '/shifts', load: traineePage(async () => (await import('../features/shift/shift-list-page')).ShiftListPage) },
  { path: '/shift/:shiftId', load: traineePage(async () => (await import('../features/shift/shift-page')).ShiftPage) },
  {
    path: '/shift-desk/:attemptId',
    load: traineePage(async () => {
      // The shift desk shows the active case with the single-case desk: app composes the two features.
      const [{ ShiftDeskPage }, { DeskView }] = await Promise.all([import('../features/shift/shift-desk-page'), import('../features/trainee/desk-page')]);
      return function ShiftDesk() {
        return <ShiftDeskPage CaseDesk={DeskView} />;
      };
    }),
  },
  { path: '/shift-debrief/:attemptId', load: traineePage(async () => (await import('../features/shift/shift-debrief-page')).ShiftDebriefPage) },
  { path: '/como-funciona', load: async () => (await import('../features/trainee/about-page')).AboutPage },
];

/**
 * A page load under way or done. It never fails: a page whose code or documents fail to download
 * becomes the reload prompt.
 */
interface PageResource {
  promise: Promise<void>;
  Page?: ComponentType;
  failed?: boolean;
}

/**
 * Loaded pages by route and parameters, one cache per app. A query-string change (the library's
 * filters) reuses the page as it is; another case or attempt on the same route loads its documents.
 * A failed load stays until the user goes elsewhere, so coming back tries again.
 */
type PageCache = Map<string, PageResource>;
const PageCacheContext = createContext<PageCache | null>(null);

/** Provides the page cache of one app (App renders it; tests get a fresh one with each App). */
export function PageCacheProvider({ children }: { children: ReactNode }) {
  const [cache] = useState<PageCache>(() => new Map());
  return <PageCacheContext value={cache}>{children}</PageCacheContext>;
}

function pageResource(cache: PageCache, route: AppRoute, params: RouteParams): PageResource {
  const key = `${route.path} ${JSON.stringify(params)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  for (const [other, r] of cache) if (r.failed) cache.delete(other);
  const resource: PageResource = {
    promise: route.load(params).then(
      (Page) => {
        resource.Page = Page;
      },
      () => {
        resource.failed = true;
        resource.Page = RouteFailurePage;
      },
    ),
  };
  cache.set(key, resource);
  return resource;
}

/**
 * Renders a route's page once its code and data are in, and the loading state until then. A page
 * seen before renders at once from the cache. (A state update rather than suspending with `use`:
 * React's act() in component tests would never resume a page suspended inside a click.)
 */
function LoadedPage({ route }: { route: AppRoute }) {
  const cache = useContext(PageCacheContext) ?? fallbackCache;
  const resource = pageResource(cache, route, useParams());
  const [, setArrived] = useState<PageResource | null>(null);
  const { Page } = resource;
  useEffect(() => {
    if (Page) return undefined;
    let current = true;
    void resource.promise.then(() => {
      if (current) setArrived(resource);
    });
    return () => {
      current = false;
    };
  }, [resource, Page]);
  return Page ? <Page /> : <PageLoading />;
}

// Outside a PageCacheProvider (a component test rendering routes alone), one cache for the module.
const fallbackCache: PageCache = new Map();

/** The matched page of the current address, or the 404 page. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      {routes.map((route) => (
        <Route key={route.path} path={route.path}>
          <LoadedPage route={route} />
        </Route>
      ))}
      <Route component={NotFoundPage} />
    </Switch>
  );
}
