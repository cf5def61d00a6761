import type { Params, RouteObject } from 'react-router';
import { HomePage } from '../features/trainee/home-page';
import { AppLayout } from './app-layout';
import { PageLoading } from './page-loading';
import { RouteErrorPage } from './route-error-page';

/**
 * The route table, shared by the browser router and tests' memory routers. Home is in the entry
 * chunk; every other page is lazy so the first load stays within the JavaScript budget. The
 * trainee screens (library, case, desk, debrief) share one loader that reads the scenario library
 * and the stored attempts; their own strings (the `trainee` namespace) load with them.
 */
/**
 * The trainee loader fills stores once; a filter change in the query string needs no reload, but
 * another case or attempt on the same route does (the loader then loads its documents in full).
 */
const keepTraineeData = ({ currentParams, nextParams }: { currentParams: Params; nextParams: Params }) =>
  Object.keys({ ...currentParams, ...nextParams }).some((key) => currentParams[key] !== nextParams[key]);

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'library',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ LibraryPage }, { traineeLoader }] = await Promise.all([import('../features/trainee/library-page'), import('./trainee-data')]);
          return { Component: LibraryPage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'case/:caseId',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ CasePage }, { traineeLoader }] = await Promise.all([import('../features/trainee/case-page'), import('./trainee-data')]);
          return { Component: CasePage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'desk/:attemptId',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ DeskPage }, { traineeLoader }] = await Promise.all([import('../features/trainee/desk-page'), import('./trainee-data')]);
          return { Component: DeskPage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'debrief/:attemptId',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ DebriefPage }, { traineeLoader }] = await Promise.all([import('../features/trainee/debrief-page'), import('./trainee-data')]);
          return { Component: DebriefPage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'shifts',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ ShiftListPage }, { traineeLoader }] = await Promise.all([import('../features/shift/shift-list-page'), import('./trainee-data')]);
          return { Component: ShiftListPage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'shift/:shiftId',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ ShiftPage }, { traineeLoader }] = await Promise.all([import('../features/shift/shift-page'), import('./trainee-data')]);
          return { Component: ShiftPage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'shift-desk/:attemptId',
        HydrateFallback: PageLoading,
        lazy: async () => {
          // The shift desk shows the active case with the single-case desk: app composes the two features.
          const [{ ShiftDeskPage }, { DeskView }, { traineeLoader }] = await Promise.all([
            import('../features/shift/shift-desk-page'),
            import('../features/trainee/desk-page'),
            import('./trainee-data'),
          ]);
          return { Component: () => <ShiftDeskPage CaseDesk={DeskView} />, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'shift-debrief/:attemptId',
        HydrateFallback: PageLoading,
        lazy: async () => {
          const [{ ShiftDebriefPage }, { traineeLoader }] = await Promise.all([import('../features/shift/shift-debrief-page'), import('./trainee-data')]);
          return { Component: ShiftDebriefPage, loader: traineeLoader, shouldRevalidate: keepTraineeData };
        },
      },
      {
        path: 'como-funciona',
        HydrateFallback: PageLoading,
        lazy: async () => ({ Component: (await import('../features/trainee/about-page')).AboutPage }),
      },
    ],
  },
];
