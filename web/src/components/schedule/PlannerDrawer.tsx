import { Alert, App, Button, DatePicker, Drawer, Flex, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { calendarDate, DATE_FORMAT, dayjs, toCalendarDate, ZONE } from '../../format';
import { messageOf } from '../../forms';
import { useLang } from '../../i18n';
import { scheduleApi, type Plan } from '../../schedule-api';
import type { Ref } from '../../types';

interface Props {
  open: boolean;
  onClose: () => void;
  zoneId: number | undefined;
  zoneName: (id: number) => string;
  segments: Ref[];
  /** The period on screen, proposed as the planner's period. */
  from: string;
  to: string;
  onApplied: () => void;
}

const time = (iso: string) => dayjs(iso).tz(ZONE).format('HH:mm');

/**
 * The planner: a period, the station on screen and a segment; its proposal with a reason for
 * every placement and every slot left empty; then apply it (all or nothing).
 */
export function PlannerDrawer(props: Props) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null]>([null, null]);
  const [segmentId, setSegmentId] = useState<number | undefined>();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const segmentName = (id: number) => props.segments.find((s) => s.id === id)?.name ?? `#${id}`;

  useEffect(() => {
    if (!props.open) return;
    const today = dayjs().tz(ZONE).startOf('day');
    const from = dayjs(props.from, 'YYYY-MM-DD');
    setPeriod([from.isBefore(today) ? today : from, dayjs(props.to, 'YYYY-MM-DD')]);
    setPlan(null);
    setError(null);
  }, [props.open, props.from, props.to]);

  const propose = async () => {
    const [from, to] = [toCalendarDate(period[0]), toCalendarDate(period[1])];
    if (!from || !to || !props.zoneId) return;
    setBusy(true);
    setError(null);
    try {
      setPlan(await scheduleApi.propose({ from, to, zoneIds: [props.zoneId], segmentId }));
    } catch (e) {
      setError(e instanceof ApiError ? e : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const applied = await scheduleApi.apply(plan.id);
      setPlan(applied);
      message.success(t('sch.planApplied', { n: applied.placementCount }));
      props.onApplied();
    } catch (e) {
      setError(e instanceof ApiError ? e : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={920}
      title={t('sch.planner')}
      className="planner-drawer"
      extra={
        plan?.status === 'proposed' && (
          <Button type="primary" onClick={() => void apply()} loading={busy} disabled={!plan.placementCount}>
            {t('sch.applyPlan', { n: plan.placementCount })}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} align="end" style={{ marginBottom: 12 }}>
        <div>
          <label className="sch-label" htmlFor="planner-period">
            {t('sch.period')}
          </label>
          <DatePicker.RangePicker
            id={{ start: 'planner-period' }}
            aria-label={t('sch.period')}
            format={DATE_FORMAT}
            value={period}
            onChange={(value) => setPeriod((value ?? [null, null]) as [Dayjs | null, Dayjs | null])}
          />
        </div>
        <div>
          <label className="sch-label" htmlFor="planner-segment">
            {t('sch.segment')}
          </label>
          <Select
            id="planner-segment"
            aria-label={t('sch.segment')}
            placeholder={t('sch.allSegments')}
            allowClear
            style={{ width: 240 }}
            value={segmentId}
            onChange={(id?: number) => setSegmentId(id)}
            options={props.segments.map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
        <Typography.Text type="secondary">
          {t('sch.plannerZone', { zone: props.zoneId ? props.zoneName(props.zoneId) : '' })}
        </Typography.Text>
        <Button
          onClick={() => void propose()}
          loading={busy}
          disabled={!props.zoneId || !period[0] || !period[1]}
        >
          {t('sch.propose')}
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={typeof error === 'string' ? error : error.message}
          description={
            typeof error !== 'string' && error.details.length > 0 ? (
              <ul>
                {error.details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {plan && (
        <>
          {plan.status === 'applied' && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('sch.planApplied', { n: plan.placementCount })}
            />
          )}
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('sch.proposed', { n: plan.placementCount })}
          </Typography.Title>
          {plan.placementCount > plan.placements.length && (
            <Typography.Paragraph type="secondary">
              {t('sch.firstItems', { shown: plan.placements.length, n: plan.placementCount })}
            </Typography.Paragraph>
          )}
          <Table
            className="plan-placements"
            size="small"
            rowKey={(p) => `${p.allocationId}:${p.date}:${p.reportageId}`}
            dataSource={plan.placements}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('sch.date'), key: 'date', render: (_, p) => calendarDate(p.date) },
              { title: t('sch.time'), key: 'time', render: (_, p) => time(p.start) },
              { title: t('sch.zone'), key: 'zone', render: (_, p) => props.zoneName(p.zoneId) },
              { title: t('sch.reportage'), key: 'title', dataIndex: 'title' },
              {
                title: t('sch.reason'),
                key: 'reason',
                render: (_, p) => (
                  <>
                    {p.airingInZone > 1 && <Tag color="gold">{t('sch.reair')}</Tag>}
                    {p.reason}
                  </>
                ),
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('sch.unfilled', { n: plan.unfilledCount })}
          </Typography.Title>
          <Table
            className="plan-unfilled"
            size="small"
            rowKey={(u) => `${u.allocationId}:${u.date}:${u.zoneId}`}
            dataSource={plan.unfilled}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('sch.date'), key: 'date', render: (_, u) => calendarDate(u.date) },
              { title: t('sch.time'), key: 'time', render: (_, u) => time(u.start) },
              { title: t('sch.zone'), key: 'zone', render: (_, u) => props.zoneName(u.zoneId) },
              { title: t('sch.segment'), key: 'segment', render: (_, u) => segmentName(u.segmentId) },
              { title: t('sch.why'), key: 'reason', dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
