/**
 * A tiny hook renderer for tests: React DOM into a linkedom document (no jsdom), every update
 * inside `act` so effects have run when a call returns.
 */
import { parseHTML } from 'linkedom';
import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

let installed = false;
/** The globals React DOM reads: a window with a location, a document, its node classes. */
function installDom(): void {
  if (installed) return;
  installed = true;
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  Object.defineProperty(window, 'location', { value: new URL('http://localhost/') });
  Object.assign(globalThis, {
    window,
    document: window.document,
    navigator: window.navigator,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
    IS_REACT_ACT_ENVIRONMENT: true,
  });
}

/** Renders a tree into a detached container; returns the container and how to unmount it. */
export async function render(node: ReactNode): Promise<{ container: HTMLElement; unmount(): Promise<void> }> {
  installDom();
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(node));
  return { container, unmount: () => act(async () => root.unmount()) };
}

export interface RenderedHook<T> {
  /** The hook's latest return value. */
  readonly current: T;
  unmount(): Promise<void>;
}

/** Renders `useHook` in a component, wrapped by `wrap` (e.g. a context provider). */
export async function renderHook<T>(
  useHook: () => T,
  wrap: (children: ReactNode) => ReactNode = (c) => c,
): Promise<RenderedHook<T>> {
  installDom();
  let current: T | undefined;
  function Probe() {
    current = useHook();
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(wrap(createElement(Probe))));
  return {
    get current() {
      return current as T;
    },
    unmount: () => act(async () => root.unmount()),
  };
}
