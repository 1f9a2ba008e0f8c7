/** The one line a shop pastes into its pages, as the server gives it (its public address), with a word when that address is local. */
import { useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import type { GetStartedState } from '../types';

/** Whether a snippet loads the widget from an address only this computer reaches. */
export const isLocalSnippet = (snippet: string) => /\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(snippet);

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      <pre className="snippet">
        <code>{snippet}</code>
      </pre>
      {isLocalSnippet(snippet) && (
        <p className="notice small">
          This address works only on this computer. For your live shop, start the server with{' '}
          <code>CHATREF_PUBLIC_URL</code> set to the address your visitors reach it at (e.g. https://chat.yourshop.com)
          and copy the snippet again.
        </p>
      )}
    </>
  );
}

/** The workspace's snippet, read once from the server (the same one Get started shows). */
export function useSnippet(workspaceId: string): { snippet: string | null; error: string | null } {
  const [snippet, setSnippet] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<GetStartedState>(wsPath(workspaceId, '/get-started')).then(
      (s) => live && setSnippet(s.widget.snippet),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [workspaceId]);
  return { snippet, error };
}
