import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';

// findBy* queries wait up to 15 s: on a loaded 2-core machine the first lazy route of a test file
// (its chunk transformed cold) can take longer than the default 1 s to render, and a timeout there
// says nothing about the behaviour under test. A query for what never appears still fails.
configure({ asyncUtilTimeout: 15_000 });
