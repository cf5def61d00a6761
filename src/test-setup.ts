import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';

// findBy* queries wait up to 5 s: on a loaded 2-core machine a lazy route can take longer than the
// default 1 s to render, and a timeout there says nothing about the behaviour under test.
configure({ asyncUtilTimeout: 5000 });
