/**
 * Keeps a failing view from taking the page down with it: the error is shown in the view's place,
 * the other views and the scenario (saved already) stay as they were, and the view tries again
 * when the scenario changes (say, after an undo) or on the button.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** The view tries again when this changes (the scenario document). */
  resetKey: unknown;
  /** The message, in the page's language, around the error's own text. */
  render(error: Error, retry: () => void): ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    if (this.state.error) return this.props.render(this.state.error, this.retry);
    return this.props.children;
  }

  private retry = () => this.setState({ error: null });
}
