import { MessageBar, MessageBarBody, Spinner, makeStyles } from '@fluentui/react-components';
import { ApiError } from '../../tab/src/api/client.js';

export const usePaneStyles = makeStyles({ pane: { padding: '12px', display: 'grid', gap: '10px' } });

export type Status = { kind: 'idle' } | { kind: 'busy' | 'done' | 'error'; message: string };

/** A problem+json answer as one readable line: its detail and what was wrong with which field. */
export function problemText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  return [e.detail, ...e.errors.map((x) => `${x.path}: ${x.message}`)].join(' ');
}

/** The outcome of the pane's last action, where the user looks for it: under the buttons. */
export function PaneStatus({ status }: { status: Status }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'busy') return <Spinner size="tiny" label={status.message} />;
  return (
    <MessageBar intent={status.kind === 'done' ? 'success' : 'error'} layout="multiline">
      <MessageBarBody>{status.message}</MessageBarBody>
    </MessageBar>
  );
}
