import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, NetworkError } from '@klarkonform/shared/ui';
import { AuthRequiredError } from '@klarkonform/shared/auth';
import { type TabText, useTabText } from '../i18n/useTabText';
import { useServices } from './services';

const useStyles = makeStyles({
  errors: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

interface Described {
  title: string;
  detail: string | undefined;
  errors: readonly { field: string; message: string }[];
}

// problem+json → title + detail (+ field errors); the API already answers in the UI language.
function describe(error: unknown, tt: TabText['tt']): Described {
  if (error instanceof ApiError) {
    const problem = error.problem;
    return {
      title: problem?.title ?? tt('problem.unexpected'),
      detail: problem?.detail ?? (problem ? undefined : error.message),
      errors: problem?.errors ?? [],
    };
  }
  if (error instanceof NetworkError) {
    return { title: tt('problem.network'), detail: tt('problem.networkDetail'), errors: [] };
  }
  return { title: tt('problem.unexpected'), detail: error instanceof Error ? error.message : undefined, errors: [] };
}

export interface ProblemBarProps {
  error: unknown;
  onRetry?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}

// Every failed call ends here: a sign-in prompt, or the API's problem in a MessageBar.
export function ProblemBar({ error, onRetry, onDismiss }: ProblemBarProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const { signIn } = useServices();

  if (error instanceof AuthRequiredError) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{tt('auth.signInNeeded')}</MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={() => signIn().then(onRetry, () => undefined)}>
            {tt('auth.signIn')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  const { title, detail, errors } = describe(error, tt);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail}
        {errors.length > 0 && (
          <ul className={styles.errors}>
            {errors.map((item) => (
              <li key={`${item.field}:${item.message}`}>{item.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>{tt('common.retry')}</Button>}
          {onDismiss && (
            <Button appearance="transparent" onClick={onDismiss}>
              {tt('common.close')}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
