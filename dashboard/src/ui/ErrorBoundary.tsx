/**
 * A page that fails to render says so and offers a reload, instead of blanking the whole dashboard:
 * the top bar and the navigation stay, so the team can go on to another page. Keyed by the page
 * (Shell.tsx), so leaving the broken page clears it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="pad" role="alert">
        <h2>This page could not be shown</h2>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
