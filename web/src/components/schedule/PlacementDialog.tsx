import { Alert, Button, Descriptions, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { dateTime, duration } from '../../format';
import { messageOf } from '../../forms';
import { useLang } from '../../i18n';
import { scheduleApi, slotKey, type AllocationSlot, type Placement } from '../../schedule-api';
import { matches } from './ReportageSidebar';

interface Props {
  placement: Placement | null;
  slots: AllocationSlot[];
  slotLabel: (slot: AllocationSlot) => string;
  canEdit: boolean;
  onClose: () => void;
  onChanged: () => void;
  /** Where a move lands and its start, worked out like a drop (after what the slot holds). */
  startIn: (slot: AllocationSlot, placementId: number) => Date;
}

/** One placement: what and when; cancel it with a reason, or move it to another slot (keyboard too). */
export function PlacementDialog({
  placement,
  slots,
  slotLabel,
  canEdit,
  onClose,
  onChanged,
  startIn,
}: Props) {
  const { t } = useLang();
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReason('');
    setTarget(undefined);
    setError(null);
  }, [placement]);

  if (!placement) return null;
  const editable = canEdit && placement.status === 'planned' && new Date(placement.startsAt) > new Date();

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const move = () => {
    const slot = slots.find((s) => slotKey(s) === target);
    if (!slot) return;
    void run(() =>
      scheduleApi.move(placement.id, {
        startsAt: startIn(slot, placement.id).toISOString(),
        allocationId: slot.allocationId,
        version: placement.version,
      }),
    );
  };

  return (
    <Modal
      open
      onCancel={onClose}
      footer={null}
      title={placement.title}
      className="placement-dialog"
      width={560}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('sch.zone')}>{placement.zone.name}</Descriptions.Item>
        <Descriptions.Item label={t('sch.airsAt')}>{dateTime(placement.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('sch.length')}>{duration(placement.durationSeconds)}</Descriptions.Item>
        <Descriptions.Item label={t('sch.airing')}>
          {placement.isReair ? t('sch.reair') : t('sch.firstAiring')}
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {editable && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label className="sch-label" htmlFor="move-slot">
            {t('sch.moveTo')}
          </label>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              id="move-slot"
              aria-label={t('sch.moveTo')}
              style={{ width: '100%' }}
              placeholder={t('sch.slotPlaceholder')}
              showSearch={{ filterOption: matches }}
              value={target}
              onChange={setTarget}
              options={slots
                .filter((s) => new Date(s.start) > new Date())
                .map((s) => ({ value: slotKey(s), label: slotLabel(s) }))}
            />
            <Button onClick={move} disabled={!target} loading={busy}>
              {t('sch.move')}
            </Button>
          </Space.Compact>
          <label className="sch-label" htmlFor="cancel-reason">
            {t('sch.cancelReason')}
          </label>
          <Input.TextArea
            id="cancel-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
          <Button
            danger
            disabled={!reason.trim()}
            loading={busy}
            onClick={() => void run(() => scheduleApi.cancel(placement.id, reason.trim(), placement.version))}
          >
            {t('sch.cancelPlacement')}
          </Button>
        </Space>
      )}
    </Modal>
  );
}
