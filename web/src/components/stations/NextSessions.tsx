import { Alert, Empty, Spin, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { calendarDate, dayjs, ZONE } from '../../format';
import { dynamicKey, useLang } from '../../i18n';
import type { Ref } from '../../types';
import { errorText, keys } from '../../queries';
import { loadSchedule } from '../../zones-api';

const DAYS = 14;
const SUNDAY_FIRST = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The grid expanded by the API (GET /api/schedule) for the next two weeks: sessions and their slots. */
export function NextSessions({
  zoneId,
  timeZone,
  segments,
  version,
}: {
  zoneId: number;
  timeZone: string;
  segments: Ref[];
  /** Changes whenever the grid was edited, to read it again. */
  version: number;
}) {
  const { t } = useLang();
  const today = dayjs().tz(timeZone || ZONE);
  const from = today.format('YYYY-MM-DD');
  const to = today.add(DAYS - 1, 'day').format('YYYY-MM-DD');
  const read = useQuery({
    queryKey: [...keys.schedule(zoneId, from, to), version],
    queryFn: () => loadSchedule(zoneId, from, to),
    placeholderData: keepPreviousData,
  });
  const schedule = read.data;
  const error = errorText(read.error);

  if (error) return <Alert type="error" title={error} showIcon role="alert" />;
  if (!schedule) return <Spin />;
  const time = (iso: string) =>
    dayjs(iso)
      .tz(timeZone || ZONE)
      .format('HH:mm');
  const weekday = (date: string) => t(dynamicKey(`st.wd.${SUNDAY_FIRST[dayjs(date, 'YYYY-MM-DD').day()]}`));
  const segment = (id: number) => segments.find((s) => s.id === id)?.name ?? `#${id}`;
  const rows = [...schedule.windows].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('st.previewHint')}</Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty description={t('st.noSessions')} />
      ) : (
        <Table
          rowKey={(w) => `${w.windowId}-${w.date}`}
          size="small"
          pagination={false}
          scroll={{ y: 420 }}
          dataSource={rows}
          aria-label={t('st.tab.preview')}
          columns={[
            {
              title: t('st.date'),
              key: 'date',
              width: 200,
              render: (_, w) => `${weekday(w.date)} ${calendarDate(w.date)}`,
            },
            {
              title: t('st.session'),
              key: 'session',
              width: 230,
              render: (_, w) => `${time(w.start)}–${time(w.end)}${w.name ? ` · ${w.name}` : ''}`,
            },
            {
              title: t('st.slots'),
              key: 'slots',
              render: (_, w) =>
                schedule.allocations
                  .filter((a) => a.windowId === w.windowId && a.date === w.date)
                  .map((a) => (
                    <Tag key={a.allocationId}>
                      {time(a.start)} {segment(a.segmentId)} (
                      {t('st.minutes', { n: Math.round(a.maxSeconds / 60) })})
                    </Tag>
                  )),
            },
          ]}
        />
      )}
    </>
  );
}
