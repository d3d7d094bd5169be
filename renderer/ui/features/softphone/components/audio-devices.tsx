import { useId, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioDevice } from '../../../../../common/contract/audio-devices';
import { Icon } from '../../../components/icon';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectSoftphone } from '../../mirror/selectors';
import {
  DEVICE_ROLE_FIELD,
  DEVICE_ROLE_KIND,
  buildDeviceOptions,
  deviceIdFromValue,
  valueFromDeviceId,
  type DeviceOption,
  type DeviceRole,
} from '../audio-devices';
import { audioDeviceChosen } from '../slice';
import { LevelMeter } from './level-meter';
import './audio-devices.css';

const TEST_IDS: Record<DeviceRole, string> = {
  microphone: 'audio-microphone',
  speaker: 'audio-speaker',
  ringer: 'audio-ringer',
};

/** Hints under a picker; the microphone has none (its meter explains itself). */
const HAS_HINT: Record<DeviceRole, boolean> = { microphone: false, speaker: true, ringer: true };

/** One device `<select>`: "System default", the devices, and a chosen device that is unplugged. */
function DevicePicker({
  role,
  devices,
  chosenId,
  children,
}: {
  role: DeviceRole;
  devices: readonly AudioDevice[];
  chosenId: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const id = useId();
  const knownLabels = useAppSelector((state) => state.softphone.deviceLabels);
  const { options, chosenMissing } = buildDeviceOptions(devices, chosenId, knownLabels);

  const optionText = (option: DeviceOption): string => {
    switch (option.kind) {
      case 'default':
        return t('softphone.devices.systemDefault');
      case 'device':
        return option.label ?? t(`softphone.devices.${role}.unnamed`, { n: option.position });
      case 'missing':
        return t('softphone.devices.notConnected', { device: option.label ?? t('softphone.devices.unknownDevice') });
    }
  };

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const deviceId = deviceIdFromValue(event.target.value);
    if (deviceId !== chosenId) dispatch(audioDeviceChosen({ role, deviceId }));
  };

  const hintId = `${id}-hint`;
  const missingId = `${id}-missing`;
  const describedBy = [HAS_HINT[role] ? hintId : null, chosenMissing ? missingId : null].filter(Boolean).join(' ');

  return (
    <div className="field audio-devices__field">
      <label className="field__label" htmlFor={id}>
        {t(`softphone.devices.${role}.label`)}
      </label>
      <select
        id={id}
        className="select audio-devices__select"
        data-testid={TEST_IDS[role]}
        data-missing={chosenMissing ? 'true' : undefined}
        value={valueFromDeviceId(chosenId)}
        aria-describedby={describedBy || undefined}
        onChange={onChange}
      >
        {options.map((option) => (
          <option key={`${option.kind}:${option.value}`} value={option.value}>
            {optionText(option)}
          </option>
        ))}
      </select>
      {chosenMissing ? (
        <p className="audio-devices__missing" id={missingId} data-testid={`${TEST_IDS[role]}-not-connected`}>
          <Icon name="alert" className="audio-devices__missing-icon" />
          {t('softphone.devices.notConnectedHint')}
        </p>
      ) : null}
      {role === 'speaker' ? (
        <p className="field__hint" id={hintId}>
          {t('softphone.devices.speaker.hint')}
        </p>
      ) : null}
      {role === 'ringer' ? (
        <p className="field__hint" id={hintId}>
          {t('softphone.devices.ringer.hint')}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/**
 * The "Audio devices" section of the settings view (PRODUCT V11, N2):
 * microphone with its level meter, speaker (headset) and a separate ringer.
 * The lists and the choice come from the mirror; a pick is an intent (main
 * saves and applies it at once, also mid-call). While the choice is on its
 * way the pickers show it, so they never jump back.
 */
export function AudioDevicesSection() {
  const { t } = useTranslation();
  const id = useId();
  const softphone = useAppSelector(selectSoftphone);
  const pending = useAppSelector((state) => state.softphone.devicesPending);
  if (!softphone) return null;
  const { available } = softphone.devices;
  const chosen = pending?.choice ?? softphone.devices.chosen;

  const picker = (role: DeviceRole, children?: ReactNode) => (
    <DevicePicker role={role} devices={available[DEVICE_ROLE_KIND[role]]} chosenId={chosen[DEVICE_ROLE_FIELD[role]]}>
      {children}
    </DevicePicker>
  );

  return (
    <section className="settings-view__section audio-devices" aria-labelledby={`${id}-title`}>
      <h3 className="settings-view__heading" id={`${id}-title`}>
        {t('softphone.devices.title')}
      </h3>
      <p className="field__hint">{t('softphone.devices.intro')}</p>
      {available.inputs.length === 0 ? (
        <p className="audio-devices__notice" role="note" data-testid="audio-devices-missing-hint">
          <Icon name="alert" className="audio-devices__missing-icon" />
          {t('softphone.devices.noDevices')}
        </p>
      ) : null}
      {picker('microphone', <LevelMeter />)}
      {picker('speaker')}
      {picker('ringer')}
    </section>
  );
}
