import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/error-message';

/** Props of ErrorBoundary. */
export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Leaves the broken screen for the home page. */
  onGoHome: () => void;
  /** When this value changes (e.g. the URL), a shown error is cleared: the user has moved on. */
  resetKey?: string;
  /** Where the error goes for diagnosis; defaults to console.error. Never shown to the user. */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

interface ErrorBoundaryState {
  failed: boolean;
  resetKey: string | undefined;
}

/**
 * Catches render errors below it and shows a recoverable message in the user's language instead
 * of a blank page or a stack trace. "Reintentar" re-renders the children as they are now.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<ErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    (this.props.onError ?? ((e: unknown) => console.error(e)))(error, info);
  }

  private readonly retry = (): void => this.setState({ failed: false });

  // The message stays until the new location arrives (resetKey); clearing it first would re-render
  // the broken screen once more on the way out.
  private readonly goHome = (): void => this.props.onGoHome();

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <ErrorFallback onRetry={this.retry} onGoHome={this.goHome} />;
  }
}

/** The message an ErrorBoundary shows; a function component so it can use translations. */
function ErrorFallback({ onRetry, onGoHome }: { onRetry: () => void; onGoHome: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorMessage
      heading={t('error.heading')}
      body={t('error.body')}
      actions={
        <>
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('error.retry')}
          </button>
          <button type="button" className="button" onClick={onGoHome}>
            {t('error.home')}
          </button>
        </>
      }
    />
  );
}
