import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * A live region that is always in the DOM, so screen readers announce an error the moment it appears (a region
 * created together with its text is often not announced).
 */
export function FormAlert({ message, title, intent = 'error' }: { message: string | null; title?: string; intent?: 'error' | 'warning' }) {
  return (
    <div role="alert" aria-atomic="true">
      {message ? (
        <MessageBar intent={intent} layout="multiline">
          <MessageBarBody>
            {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
            {message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** The polite counterpart for confirmations and notices. */
export function StatusNotice({ message, title, intent = 'success' }: { message: string | null; title?: string; intent?: 'success' | 'info' | 'warning' }) {
  return (
    <div role="status" aria-atomic="true">
      {message || title ? (
        <MessageBar intent={intent} layout="multiline">
          <MessageBarBody>
            {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
            {message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
