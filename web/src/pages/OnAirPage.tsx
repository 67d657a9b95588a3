import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Input,
  List,
  Modal,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { BulletinDrawer } from '../components/BulletinDrawer';
import { messageOf } from '../forms';
import { dateTime, dayjs, ZONE } from '../format';
import { dynamicKey, useLang } from '../i18n';
import { AREAS, errorText, keys } from '../queries';
import {
  confirmAsRun,
  missedEntries,
  onAir,
  reschedule,
  rundown,
  rundownPrintUrl,
  type AsRunEntry,
  type ZoneOnAir,
} from '../playout-api';

const MINUTE = 60_000;
const NONE: AsRunEntry[] = [];

const time = (iso: string) => dayjs(iso).tz(ZONE).format('HH:mm');
const today = () => dayjs().tz(ZONE).format('YYYY-MM-DD');

/**
 * What airs now and next on each station, what waits for the operator's word, and what was missed
 * (with a one-click reschedule). Kept current by the playout events on /api/events, and reloaded
 * every minute as well, so "next" moves on even when nothing is pushed.
 */
export function OnAirPage() {
  const { t } = useLang();
  const client = useQueryClient();
  const [bulletin, setBulletin] = useState(false);
  const weekAgo = dayjs().tz(ZONE).subtract(7, 'day').format('YYYY-MM-DD');
  const now = useQuery({ queryKey: keys.onAir, queryFn: onAir, refetchInterval: MINUTE });
  const missedList = useQuery({
    queryKey: keys.missed(weekAgo),
    queryFn: () => missedEntries(weekAgo),
    select: (entries) => entries.filter((e) => e.placementId),
    refetchInterval: MINUTE,
  });
  const zones = now.data ?? null;
  const missed = missedList.data ?? NONE;
  const error = errorText(now.error, missedList.error);

  const reload = useCallback(() => {
    for (const queryKey of AREAS.playout) void client.invalidateQueries({ queryKey });
  }, [client]);

  return (
    <section aria-labelledby="on-air-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={1} id="on-air-title" style={{ fontSize: 22, margin: 0 }}>
          {t('air.title')}
        </Typography.Title>
        <Button type="primary" danger onClick={() => setBulletin(true)}>
          {t('air.newBulletin')}
        </Button>
      </Flex>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            {zones?.map((zone) => (
              <ZoneCard key={zone.zoneId} zone={zone} onChange={reload} />
            ))}
            {zones?.length === 0 && <Empty />}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <MissedList entries={missed} onChange={reload} />
        </Col>
      </Row>
      <BulletinDrawer
        open={bulletin}
        zones={zones ?? []}
        onClose={() => setBulletin(false)}
        onSent={() => {
          setBulletin(false);
          reload();
        }}
      />
    </section>
  );
}

function ZoneCard({ zone, onChange }: { zone: ZoneOnAir; onChange: () => void }) {
  const { t } = useLang();
  return (
    <Card
      size="small"
      title={
        <span>
          {zone.zoneName} <Tag>{t(zone.kind === 'cluster' ? 'air.cluster' : 'air.station')}</Tag>
        </span>
      }
      role="region"
      aria-label={zone.zoneName}
    >
      <Typography.Text type="secondary">{t('air.now')}</Typography.Text>
      <div style={{ fontSize: 16, marginBottom: 8 }} data-testid="now">
        {zone.onAir ? (
          <>
            <Tag color="red">● {time(zone.onAir.startedAt ?? zone.onAir.scheduledAt)}</Tag>
            {zone.onAir.title}
          </>
        ) : (
          <Typography.Text type="secondary">{t('air.nothing')}</Typography.Text>
        )}
      </div>
      {zone.awaitingConfirmation.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('air.awaiting')}</Typography.Text>
          <List
            size="small"
            dataSource={zone.awaitingConfirmation}
            renderItem={(entry) => <AwaitingItem entry={entry} onChange={onChange} />}
            style={{ marginBottom: 8 }}
          />
        </>
      )}
      <Typography.Text type="secondary">{t('air.next')}</Typography.Text>
      {zone.next.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('air.noNext')}</Typography.Text>
        </div>
      ) : (
        <ul style={{ margin: '4px 0 8px', paddingInlineStart: 18 }} aria-label={t('air.next')}>
          {zone.next.map((n) => (
            <li key={n.placementId}>
              <strong>{time(n.startsAt)}</strong>{' '}
              {dayjs(n.startsAt).tz(ZONE).format('YYYY-MM-DD') !== today() && (
                <Typography.Text type="secondary">
                  {dayjs(n.startsAt).tz(ZONE).format('DD/MM')}{' '}
                </Typography.Text>
              )}
              {n.title}
            </li>
          ))}
        </ul>
      )}
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'rundown',
            label: t('air.rundown'),
            children: <RundownList zoneId={zone.zoneId} />,
          },
        ]}
      />
    </Card>
  );
}

function AwaitingItem({ entry, onChange }: { entry: AsRunEntry; onChange: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  const record = async (result: 'aired' | 'missed', note?: string) => {
    setBusy(true);
    try {
      await confirmAsRun(entry, result, note);
      void message.success(
        t('air.confirmed', { t: entry.title ?? '', r: t(dynamicKey(`air.result.${result}`)) }),
      );
      setAsking(false);
      onChange();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <List.Item>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <div>
          <strong>{time(entry.scheduledAt)}</strong> {entry.title}
          {entry.bulletinId && <Tag style={{ marginInlineStart: 6 }}>{t('air.bulletin')}</Tag>}
        </div>
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => void record('aired')}>
            {t('air.aired')}
          </Button>
          <Button danger disabled={busy} onClick={() => setAsking(true)}>
            {t('air.missed')}
          </Button>
        </Space>
      </Flex>
      <Modal
        open={asking}
        title={t('air.reasonTitle')}
        okText={t('air.record')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onCancel={() => setAsking(false)}
        onOk={() => {
          if (!reason.trim()) return setReasonError(true);
          void record('missed', reason.trim());
        }}
      >
        <label htmlFor={`reason-${entry.id}`}>{t('air.reason')}</label>
        <Input.TextArea
          id={`reason-${entry.id}`}
          rows={3}
          value={reason}
          status={reasonError ? 'error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(false);
          }}
        />
        {reasonError && <Typography.Text type="danger">{t('air.reasonRequired')}</Typography.Text>}
      </Modal>
    </List.Item>
  );
}

function RundownList({ zoneId }: { zoneId: number }) {
  const { t } = useLang();
  const date = today();
  const read = useQuery({
    queryKey: keys.rundown(zoneId, date),
    queryFn: () => rundown(zoneId, date),
    refetchInterval: MINUTE,
  });
  const data = read.data;
  const error = errorText(read.error);
  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text>{data && `${data.weekday}, ${data.dateText}`}</Typography.Text>
        <a href={rundownPrintUrl(zoneId, date)} target="_blank" rel="noreferrer">
          {t('air.print')}
        </a>
      </Flex>
      {error && <Alert type="error" title={error} showIcon />}
      {data?.items.length === 0 && (
        <Typography.Text type="secondary">{t('air.rundownEmpty')}</Typography.Text>
      )}
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {data?.items.map((item) => (
          <li key={item.placementId}>
            <strong>{item.time}</strong> {item.title}{' '}
            <Typography.Text type="secondary">
              ({item.duration}
              {item.isReair ? `, ${t('air.reair')}` : ''})
            </Typography.Text>{' '}
            <ResultTag status={item.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Placement statuses and as-run results share most words. */
function ResultTag({ status }: { status: string }) {
  const { t } = useLang();
  const word: Record<string, string> = {
    aired: t('air.result.aired'),
    partial: t('air.result.partial'),
    missed: t('air.result.missed'),
    failed: t('air.result.failed'),
    on_air: t('air.result.on_air'),
    unconfirmed: t('air.result.awaiting_confirmation'),
    rescheduled: t('air.rescheduled'),
  };
  const color: Record<string, string> = { aired: 'green', missed: 'volcano', failed: 'red', on_air: 'red' };
  return word[status] ? <Tag color={color[status]}>{word[status]}</Tag> : null;
}

function MissedList({ entries, onChange }: { entries: AsRunEntry[]; onChange: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const [moved, setMoved] = useState<Record<number, string>>({});

  const again = async (entry: AsRunEntry) => {
    setBusy(entry.id);
    try {
      const placement = await reschedule(entry.placementId!);
      const when = dateTime(placement.startsAt);
      setMoved((m) => ({ ...m, [entry.id]: when }));
      void message.success(t('air.rescheduledAt', { when }));
      onChange();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('air.missedTitle')} role="region" aria-label={t('air.missedTitle')}>
      <List
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('air.missedNone') }}
        renderItem={(entry) => {
          const done = moved[entry.id];
          return (
            <List.Item
              actions={[
                done || entry.placementStatus === 'rescheduled' ? (
                  <Tag color="green" key="done">
                    {t('air.rescheduled')}
                  </Tag>
                ) : (
                  <Button key="again" loading={busy === entry.id} onClick={() => void again(entry)}>
                    {t('air.reschedule')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={entry.title}
                description={
                  <>
                    {entry.zoneName} · {dateTime(entry.scheduledAt)}
                    {entry.note && <div>{entry.note}</div>}
                    {entry.error && !entry.note && <div>{entry.error}</div>}
                    {done && <div>{t('air.rescheduledAt', { when: done })}</div>}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
