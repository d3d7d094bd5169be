import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineCommand } from '../../../../../common/softphone';
import { Icon, type IconName } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import type { CallControls, Control } from '../line-controls';
import { lineCommandRequested } from '../slice';
import { TargetForm } from './target-form';

type OpenForm = 'consult' | 'transfer' | null;

/**
 * The interaction's buttons below the line cards: Consult and Transfer
 * (each asks for a target first), then, during a consult, End consult,
 * Conference, Complete transfer and Swap. A target form closes once main
 * accepted its command and stays as typed when it was refused.
 */
export function CallActions({ controls }: { controls: CallControls }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const accepted = useAppSelector((state) => state.softphone.acceptedCounts);
  const [open, setOpen] = useState<OpenForm>(null);
  const [seen, setSeen] = useState({ consult: accepted.consult ?? 0, transfer: accepted.transferBlind ?? 0 });

  // Main accepted a consult or transfer: its form has done its job.
  const consults = accepted.consult ?? 0;
  const transfers = accepted.transferBlind ?? 0;
  if (seen.consult !== consults || seen.transfer !== transfers) {
    setSeen({ consult: consults, transfer: transfers });
    setOpen(null);
  }

  const send = (command: LineCommand) => dispatch(lineCommandRequested(command));

  const button = (
    control: Control,
    testId: string,
    icon: IconName,
    text: string,
    onClick: () => void,
    expanded?: boolean,
  ) =>
    control.shown ? (
      <button
        type="button"
        className={`button${expanded ? ' button--on' : ''}`}
        data-testid={testId}
        disabled={!control.enabled && !expanded}
        aria-expanded={expanded}
        onClick={onClick}
      >
        <Icon name={icon} />
        {text}
      </button>
    ) : null;

  const toggle = (form: Exclude<OpenForm, null>) => setOpen((current) => (current === form ? null : form));
  const anyShown = Object.values(controls).some((control: Control) => control.shown);
  if (!anyShown) return null;

  return (
    <div className="call-actions" data-focus-zone="actions">
      <div className="call-actions__buttons" role="group" aria-label={t('softphone.callActions')}>
        {button(controls.consult, 'call-consult', 'consult', t('softphone.actions.consult'), () => toggle('consult'), open === 'consult')}
        {button(controls.transferBlind, 'call-transfer', 'transfer', t('softphone.actions.transfer'), () => toggle('transfer'), open === 'transfer')}
        {button(controls.endConsult, 'call-end-consult', 'phoneEnd', t('softphone.actions.endConsult'), () => send({ kind: 'endConsult' }))}
        {button(controls.conference, 'call-conference', 'conference', t('softphone.actions.conference'), () => send({ kind: 'conference' }))}
        {button(controls.transferConsult, 'call-transfer-consult', 'transfer', t('softphone.actions.transferConsult'), () => send({ kind: 'transferConsult' }))}
        {button(controls.swap, 'call-swap', 'swap', t('softphone.actions.swap'), () => send({ kind: 'swap' }))}
      </div>
      {open === 'consult' && controls.consult.shown ? (
        <TargetForm
          label={t('softphone.form.consultLabel')}
          submitLabel={t('softphone.form.consultSubmit')}
          inputTestId="call-consult-target"
          submitTestId="call-consult-submit"
          disabled={!controls.consult.enabled}
          onSubmit={(target) => send({ kind: 'consult', target })}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'transfer' && controls.transferBlind.shown ? (
        <TargetForm
          label={t('softphone.form.transferLabel')}
          submitLabel={t('softphone.form.transferSubmit')}
          inputTestId="call-transfer-target"
          submitTestId="call-transfer-submit"
          disabled={!controls.transferBlind.enabled}
          onSubmit={(target) => send({ kind: 'transferBlind', target })}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
