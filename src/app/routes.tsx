import type { RouteObject } from 'react-router';
import { HomePage } from '../features/trainee/home-page';
import { AppLayout } from './app-layout';
import { PageLoading } from './page-loading';
import { RouteErrorPage } from './route-error-page';

/**
 * The route table, shared by the browser router and tests' memory routers. Home is in the entry
 * chunk; every other page is lazy so the first load stays within the JavaScript budget.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'como-funciona',
        HydrateFallback: PageLoading,
        lazy: async () => ({ Component: (await import('../features/trainee/about-page')).AboutPage }),
      },
    ],
  },
];
