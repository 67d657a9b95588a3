import { Alert, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { messageOf, showFieldErrors } from '../../forms';
import { calendarDate, DATE_FORMAT, dayjs, fromCalendarDate, toCalendarDate, ZONE } from '../../format';
import { dynamicKey, useLang } from '../../i18n';
import {
  createWindow,
  formatRecurrence,
  parseRecurrence,
  updateWindow,
  WEEKDAYS,
  type BroadcastWindow,
  type Weekday,
} from '../../zones-api';

interface WindowFields {
  name?: string;
  startTime: string;
  endTime: string;
  startDate: Dayjs;
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  byDay: Weekday[];
  until?: Dayjs | null;
  exceptDates: string[];
  active: boolean;
}

/** API fields that the form holds under other names: the RRULE is spread over several fields. */
const FIELD_OF = { rrule: 'until' };

/** The weekday checkboxes, Thứ Hai … Chủ Nhật. */
export function WeekdayBoxes(props: { value?: Weekday[]; onChange?: (v: Weekday[]) => void; id?: string }) {
  const { t } = useLang();
  return (
    <Checkbox.Group<Weekday>
      {...props}
      options={WEEKDAYS.map((d) => ({ value: d, label: t(dynamicKey(`st.wd.${d}`)) }))}
    />
  );
}

/**
 * Exception dates (holidays) as removable tags, and a date picker that adds the date picked or typed
 * (Enter adds it, without submitting the whole form).
 */
function ExceptDates({
  value = [],
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const { t } = useLang();
  const add = (picked: Dayjs | null) => {
    const date = toCalendarDate(picked);
    if (date) onChange?.([...new Set([...value, date])].sort());
  };
  return (
    <>
      <DatePicker
        id={id}
        format={DATE_FORMAT}
        value={null}
        placeholder={t('st.exceptDate')}
        onChange={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <Flex wrap gap={4} style={{ marginTop: 8 }} role="list" className="except-dates">
        {value.map((d) => (
          <Tag
            key={d}
            role="listitem"
            closable
            closeIcon={<span aria-label={t('st.removeExcept', { date: calendarDate(d) })}>×</span>}
            onClose={() => onChange?.(value.filter((x) => x !== d))}
          >
            {calendarDate(d)}
          </Tag>
        ))}
      </Flex>
    </>
  );
}

/** Create or edit a broadcast window: local times, start date, recurrence, exception dates. */
export function WindowModal({
  zoneId,
  window,
  open,
  onClose,
}: {
  zoneId: number;
  window: BroadcastWindow | null;
  open: boolean;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<WindowFields>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const freq = Form.useWatch('freq', form);
  const rule = parseRecurrence(window?.rrule);

  useEffect(() => setError(null), [window, open]);

  const submit = async (v: WindowFields) => {
    setBusy(true);
    setError(null);
    const input = {
      name: v.name?.trim() || null,
      startTime: v.startTime.trim(),
      endTime: v.endTime.trim(),
      startDate: toCalendarDate(v.startDate)!,
      rrule: formatRecurrence({
        freq: v.freq,
        interval: v.interval || 1,
        byDay: v.freq === 'WEEKLY' ? v.byDay : [],
        count: rule.count,
        until: toCalendarDate(v.until) ?? undefined,
      }),
      exceptDates: v.exceptDates,
      active: v.active,
    };
    try {
      if (window) await updateWindow(window.id, { ...input, version: window.version });
      else await createWindow(zoneId, input);
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
      open={open}
      title={window ? t('st.editWindow') : t('st.newWindow')}
      onCancel={() => onClose(false)}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, form: 'window-form' }}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form<WindowFields>
        form={form}
        id="window-form"
        name="window-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: window?.name ?? '',
          startTime: window?.startTime ?? '',
          endTime: window?.endTime ?? '',
          startDate:
            fromCalendarDate(window?.startDate) ?? fromCalendarDate(dayjs().tz(ZONE).format('YYYY-MM-DD')),
          freq: rule.freq,
          interval: rule.interval,
          byDay: rule.byDay,
          until: fromCalendarDate(rule.until),
          exceptDates: window?.exceptDates ?? [],
          active: window?.active ?? true,
        }}
      >
        <Form.Item label={t('st.windowName')} name="name">
          <Input autoComplete="off" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            label={t('st.startTime')}
            name="startTime"
            rules={[{ required: true, message: t('required') }]}
            style={{ flex: 1 }}
          >
            <Input placeholder="17:00" autoComplete="off" />
          </Form.Item>
          <Form.Item
            label={t('st.endTime')}
            name="endTime"
            rules={[{ required: true, message: t('required') }]}
            extra={t('st.overnight')}
            style={{ flex: 1 }}
          >
            <Input placeholder="17:30" autoComplete="off" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            label={t('st.startDate')}
            name="startDate"
            rules={[{ required: true, message: t('required') }]}
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('st.until')} name="until" style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item label={t('st.freq')} name="freq" style={{ flex: 1 }}>
            <Select
              options={(['DAILY', 'WEEKLY'] as const).map((f) => ({
                value: f,
                label: t(dynamicKey(`st.freq.${f}`)),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('st.interval')} name="interval" style={{ flex: 1 }}>
            <InputNumber min={1} max={52} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {freq === 'WEEKLY' && (
          <Form.Item
            label={t('st.weekdays')}
            name="byDay"
            rules={[{ required: true, message: t('required') }]}
          >
            <WeekdayBoxes />
          </Form.Item>
        )}
        <Form.Item label={t('st.exceptDates')} name="exceptDates">
          <ExceptDates />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Checkbox>{t('st.windowActive')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
