import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, type ButtonProps } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n.js';

/** The dialog every create/schedule form uses: a trigger button, a title, the fields, Cancel and the submit button. */
export function FormDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: string;
  triggerAppearance?: ButtonProps['appearance'];
  triggerSize?: ButtonProps['size'];
  title: string;
  submit: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => props.onOpenChange(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={props.triggerAppearance} size={props.triggerSize}>
          {props.trigger}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={props.onSubmit}>
              {props.submit}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
