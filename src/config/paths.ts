import { fileURLToPath } from 'node:url';

/**
 * The repository (or image) root, holding cypher/, data/, schema/ and the Java launchers. This
 * file is src/config/paths.ts under tsx and vitest, and dist/config/paths.js once compiled
 * (tsconfig.build.json keeps src/'s layout under dist/), so two levels up is the root either way.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
