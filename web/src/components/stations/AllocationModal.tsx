import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { messageOf, showFieldErrors } from '../../forms';
import { useLang } from '../../i18n';
import type { Ref } from '../../types';
import {
  createAllocation,
  formatRecurrence,
  parseRecurrence,
  updateAllocation,
  type Allocation,
  type BroadcastWindow,
  type Weekday,
} from '../../zones-api';
import { WeekdayBoxes } from './WindowModal';

interface AllocationFields {
  segmentId: number;
  time: string;
  maxMinutes: number;
  byDay: Weekday[];
}

const FIELD_OF = { maxSeconds: 'maxMinutes', rrule: 'byDay' };

/** A segment allocation (ô chuyên mục) inside a window: segment, weekdays, local time, maximum length. */
export function AllocationModal({
  window,
  allocation,
  segments,
  onClose,
}: {
  window: BroadcastWindow | null;
  allocation: Allocation | null;
  segments: Ref[];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<AllocationFields>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [window, allocation]);

  const submit = async (v: AllocationFields) => {
    if (!window) return;
    setBusy(true);
    setError(null);
    const input = {
      segmentId: v.segmentId,
      time: v.time.trim(),
      maxSeconds: Math.round(v.maxMinutes * 60),
      rrule: allocationRule(allocation?.rrule, v.byDay),
    };
    try {
      if (allocation) await updateAllocation(allocation.id, { ...input, version: allocation.version });
      else await createAllocation(window.id, input);
      onClose(true);
    } catch (e) {
      showFieldErrors(form, e, FIELD_OF);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!window}
      title={`${allocation ? t('st.editAllocation') : t('st.newAllocation')} · ${window?.startTime ?? ''}–${window?.endTime ?? ''}`}
      onCancel={() => onClose(false)}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, form: 'allocation-form' }}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form<AllocationFields>
        form={form}
        id="allocation-form"
        name="allocation-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          segmentId: allocation?.segmentId ?? segments[0]?.id,
          time: allocation?.time ?? window?.startTime ?? '',
          maxMinutes: allocation ? allocation.maxSeconds / 60 : 10,
          byDay: parseRecurrence(allocation?.rrule).byDay,
        }}
      >
        <Form.Item
          label={t('st.segment')}
          name="segmentId"
          rules={[{ required: true, message: t('required') }]}
        >
          <Select options={segments.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('st.time')} name="time" rules={[{ required: true, message: t('required') }]}>
          <Input placeholder="17:10" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('st.maxMinutes')}
          name="maxMinutes"
          rules={[{ required: true, message: t('required') }]}
        >
          <InputNumber min={0.5} max={1440} step={1} />
        </Form.Item>
        <Form.Item label={t('st.allocationDays')} name="byDay">
          <WeekdayBoxes />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The slot's rule with the weekdays the form chose. Parts the form does not show (every n weeks, an
 * end date or a count set through the API) are kept; no weekday and nothing to keep is every session.
 */
function allocationRule(previous: string | null | undefined, byDay: Weekday[]): string | null {
  const kept = previous ? parseRecurrence(previous) : null;
  const end = { count: kept?.count, until: kept?.until };
  if (byDay.length)
    return formatRecurrence({
      freq: 'WEEKLY',
      interval: kept?.freq === 'WEEKLY' ? kept.interval : 1,
      byDay,
      ...end,
    });
  return end.count || end.until ? formatRecurrence({ freq: 'DAILY', interval: 1, byDay: [], ...end }) : null;
}
