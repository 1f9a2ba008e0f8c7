/** Builds what a start needs when missing, and the server bundle when older than its sources. */
export function ensureBuilt(): Promise<void>;
