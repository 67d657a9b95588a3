import { Alert, App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../forms';
import { calendarDate } from '../../format';
import { dynamicKey, useLang, type T } from '../../i18n';
import type { Ref } from '../../types';
import {
  deleteAllocation,
  deleteWindow,
  listAllocations,
  listWindows,
  parseRecurrence,
  type Allocation,
  type BroadcastWindow,
} from '../../zones-api';
import { AllocationModal } from './AllocationModal';
import { WindowModal } from './WindowModal';

/** "Hằng tuần, Thứ Ba, Thứ Sáu, đến hết 31/12/2027" from an RRULE. */
export function describeRule(t: T, rrule: string | null): string {
  if (!rrule) return t('st.allDays');
  const rule = parseRecurrence(rrule);
  const parts = [t(dynamicKey(`st.freq.${rule.freq}`))];
  if (rule.interval > 1) parts.push(t('st.every', { n: rule.interval }));
  if (rule.byDay.length) parts.push(rule.byDay.map((d) => t(dynamicKey(`st.wd.${d}`))).join(', '));
  if (rule.until) parts.push(`${t('st.until').toLowerCase()} ${calendarDate(rule.until)}`);
  return parts.join(', ');
}

/**
 * The program grid of one zone: its broadcast windows and, inside each, its segment allocations.
 * Schedulers and admins edit; everyone else reads.
 */
export function ProgramGrid({
  zoneId,
  segments,
  editable,
  onChanged,
}: {
  zoneId: number;
  segments: Ref[];
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [windows, setWindows] = useState<BroadcastWindow[] | null>(null);
  const [allocations, setAllocations] = useState<Record<number, Allocation[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [editingWindow, setEditingWindow] = useState<{ window: BroadcastWindow | null } | null>(null);
  const [editingAllocation, setEditingAllocation] = useState<{
    window: BroadcastWindow;
    allocation: Allocation | null;
  } | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await listWindows(zoneId);
      const inside = await Promise.all(list.map((w) => listAllocations(w.id)));
      setWindows(list);
      setAllocations(Object.fromEntries(list.map((w, i) => [w.id, inside[i]])));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [zoneId]);
  useEffect(() => {
    setWindows(null);
    void load();
  }, [load]);

  const changed = () => {
    void load();
    onChanged();
  };
  const remove = async (action: () => Promise<void>) => {
    try {
      await action();
      void message.success(t('st.deleted'));
      changed();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const segmentName = (id: number) => segments.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <section aria-label={t('st.windows')}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('st.windows')}
        </Typography.Title>
        {editable && <Button onClick={() => setEditingWindow({ window: null })}>{t('st.newWindow')}</Button>}
      </Flex>
      {error && (
        <Alert type="error" title={error} showIcon closable style={{ marginBottom: 12 }} role="alert" />
      )}
      {windows?.length === 0 && <Empty description={t('st.noWindows')} />}
      {windows?.map((w) => (
        <div
          key={w.id}
          className="grid-window"
          style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12 }}
        >
          <Flex justify="space-between" align="start" gap={8} wrap>
            <div>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {w.startTime}–{w.endTime}
              </Typography.Text>
              {w.name && <Typography.Text> · {w.name}</Typography.Text>}
              {!w.active && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('st.inactive')}
                </Tag>
              )}
              <div>
                <Typography.Text type="secondary">
                  {t('st.startDate')} {calendarDate(w.startDate)} · {describeRule(t, w.rrule)}
                </Typography.Text>
              </div>
              {w.exceptDates.length > 0 && (
                <div>
                  <Typography.Text type="secondary">{t('st.exceptDates')}: </Typography.Text>
                  {w.exceptDates.map((d) => (
                    <Tag key={d}>{calendarDate(d)}</Tag>
                  ))}
                </div>
              )}
            </div>
            {editable && (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => setEditingAllocation({ window: w, allocation: null })}
                  aria-label={`${t('st.newAllocation')} ${w.startTime}–${w.endTime}`}
                >
                  {t('st.newAllocation')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setEditingWindow({ window: w })}
                  aria-label={`${t('st.edit')} ${w.startTime}–${w.endTime}`}
                >
                  {t('st.edit')}
                </Button>
                <Popconfirm
                  title={t('st.deleteWindow', { time: `${w.startTime}–${w.endTime}` })}
                  okText={t('st.delete')}
                  cancelText={t('cancel')}
                  onConfirm={() => remove(() => deleteWindow(w.id))}
                >
                  <Button size="small" danger aria-label={`${t('st.delete')} ${w.startTime}–${w.endTime}`}>
                    {t('st.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            )}
          </Flex>
          <Table<Allocation>
            rowKey="id"
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            dataSource={allocations[w.id] ?? []}
            locale={{ emptyText: '—' }}
            aria-label={`${t('st.allocations')} ${w.startTime}–${w.endTime}`}
            columns={[
              { title: t('st.time'), dataIndex: 'time', width: 90 },
              { title: t('st.segment'), key: 'segment', render: (_, a) => segmentName(a.segmentId) },
              { title: t('st.weekdays'), key: 'days', render: (_, a) => describeRule(t, a.rrule) },
              {
                title: t('st.maxMinutes'),
                key: 'max',
                width: 110,
                render: (_, a) => t('st.minutes', { n: Math.round((a.maxSeconds / 60) * 10) / 10 }),
              },
              ...(editable
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 150,
                      render: (_: unknown, a: Allocation) => (
                        <Space>
                          <Button
                            size="small"
                            onClick={() => setEditingAllocation({ window: w, allocation: a })}
                            aria-label={`${t('st.edit')} ${a.time}`}
                          >
                            {t('st.edit')}
                          </Button>
                          <Popconfirm
                            title={t('st.deleteAllocation', { time: a.time })}
                            okText={t('st.delete')}
                            cancelText={t('cancel')}
                            onConfirm={() => remove(() => deleteAllocation(a.id))}
                          >
                            <Button size="small" danger aria-label={`${t('st.delete')} ${a.time}`}>
                              {t('st.delete')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      ))}
      <WindowModal
        zoneId={zoneId}
        open={!!editingWindow}
        window={editingWindow?.window ?? null}
        onClose={(saved) => {
          setEditingWindow(null);
          if (saved) {
            void message.success(t('saved'));
            changed();
          }
        }}
      />
      <AllocationModal
        window={editingAllocation?.window ?? null}
        allocation={editingAllocation?.allocation ?? null}
        segments={segments}
        onClose={(saved) => {
          setEditingAllocation(null);
          if (saved) {
            void message.success(t('saved'));
            changed();
          }
        }}
      />
    </section>
  );
}
