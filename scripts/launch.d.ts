// Types of scripts/launch.js for the TypeScript that imports it (its tests); the file itself is plain
// JavaScript because it runs before anything can read TypeScript (docs/decisions.md §14).

export declare const COMMANDS: Record<string, { source: string; eleventy: boolean }>;
export declare function bundleKey(projectDir: string, inputs: string[], esbuildVersion: string): string;
export declare function prepareBundle(projectDir: string, command: string): Promise<{ entry: string; made: boolean }>;
export declare function describeFailure(error: unknown, projectDir: string): string;
