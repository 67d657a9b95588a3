import { Alert, Button, Card, DatePicker, Flex, Input, List, Popconfirm, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DATE_FORMAT, dateTime, dayjs, ZONE } from '../../format';
import { dynamicKey, useLang } from '../../i18n';
import { errorText, keys } from '../../queries';
import { scheduleApi } from '../../schedule-api';

/** Warnings before air (the next 48 hours): empty slots, items that lost approval, audio or validity. */
export function WarningsCard() {
  const { t } = useLang();
  const warnings = useQuery({ queryKey: keys.warnings(48), queryFn: () => scheduleApi.warnings(48) });
  const items = warnings.data?.items ?? null;
  const error = errorText(warnings.error);
  return (
    <Card
      size="small"
      className="schedule-warnings"
      title={t('sch.warnings', { n: items?.length ?? 0 })}
      style={{ marginTop: 12 }}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {items && items.length === 0 && (
        <Typography.Text type="secondary">{t('sch.noWarnings')}</Typography.Text>
      )}
      {items && items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          pagination={items.length > 6 ? { pageSize: 6, size: 'small' } : false}
          renderItem={(w) => (
            <List.Item className="schedule-warning" data-code={w.code}>
              <Tag color={w.code === 'EMPTY_ALLOCATION' ? 'gold' : 'red'}>
                {t(dynamicKey(`sch.warning.${w.code}`))}
              </Tag>
              {w.message}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/**
 * The station's exports: the printable rundown of a day (and its M3U), and the iCalendar feed,
 * which needs the account's private calendar token (shown once when created).
 */
export function ExportsCard({ zoneId, date }: { zoneId: number | undefined; date: string }) {
  const { t } = useLang();
  const [day, setDay] = useState<Dayjs>(dayjs(date, 'YYYY-MM-DD'));
  const client = useQueryClient();
  const status = useQuery({ queryKey: keys.calendarToken, queryFn: scheduleApi.calendarToken });
  // The new token is shown once: kept in the cache as the answer that carries it.
  const rotation = useMutation({
    mutationFn: scheduleApi.rotateCalendarToken,
    onSuccess: (token) => client.setQueryData(keys.calendarToken, token),
  });
  const token = status.data ?? null;
  const error = errorText(rotation.error, status.error);

  useEffect(() => setDay(dayjs(date, 'YYYY-MM-DD')), [date]);

  const rotate = () => rotation.mutate();

  if (!zoneId) return null;
  const dayText = day.format('YYYY-MM-DD');
  const feed = token?.token
    ? `${window.location.origin}/api/zones/${zoneId}/schedule.ics?token=${encodeURIComponent(token.token)}`
    : null;
  return (
    <Card size="small" title={t('sch.exports')} style={{ marginTop: 12 }} className="schedule-exports">
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <label className="sch-label" htmlFor="rundown-date" style={{ margin: 0 }}>
          {t('sch.rundownDate')}
        </label>
        <DatePicker
          id="rundown-date"
          format={DATE_FORMAT}
          value={day}
          allowClear={false}
          onChange={(value) => value && setDay(value)}
        />
        <a
          className="rundown-link"
          href={`/api/zones/${zoneId}/rundown.html?date=${dayText}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('sch.rundown')}
        </a>
        <a
          className="rundown-m3u"
          href={`/api/zones/${zoneId}/rundown.m3u?date=${dayText}`}
          title={t('sch.m3uHelp')}
        >
          {t('sch.m3u')}
        </a>
      </Flex>
      <Typography.Text strong>{t('sch.feed')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
        {t('sch.feedHelp')}
      </Typography.Paragraph>
      {feed ? (
        <>
          <Input
            aria-label={t('sch.feed')}
            readOnly
            value={feed}
            className="feed-url"
            onFocus={(e) => e.target.select()}
          />
          <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '4px 0' }}>
            {t('sch.feedOnce')}{' '}
            <a className="feed-link" href={feed}>
              {t('sch.feedOpen')}
            </a>
          </Typography.Paragraph>
        </>
      ) : token?.exists ? (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">
            {t('sch.feedExists', { at: token.createdAt ? dateTime(token.createdAt) : '' })}
          </Typography.Text>
          <Popconfirm title={t('sch.feedRotateConfirm')} onConfirm={() => void rotate()}>
            <Button size="small">{t('sch.feedRotate')}</Button>
          </Popconfirm>
        </Flex>
      ) : (
        <Button size="small" onClick={() => void rotate()}>
          {t('sch.feedCreate')}
        </Button>
      )}
    </Card>
  );
}

export const todayInZone = () => dayjs().tz(ZONE).format('YYYY-MM-DD');
