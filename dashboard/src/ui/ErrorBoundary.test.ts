import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render } from '../test/render-hook';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('chart data missing');
}

describe('ErrorBoundary', () => {
  it('shows a failed page as a message with a reload, not a blank screen', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container, unmount } = await render(createElement(ErrorBoundary, null, createElement(Broken)));
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('This page could not be shown');
    expect(alert?.textContent).toContain('chart data missing');
    expect(alert?.querySelector('button')?.textContent).toBe('Reload');
    await unmount();
    quiet.mockRestore();
  });

  it('renders its page when nothing fails', async () => {
    const { container, unmount } = await render(createElement(ErrorBoundary, null, createElement('p', null, 'Inbox')));
    expect(container.textContent).toBe('Inbox');
    await unmount();
  });
});
