import { Alert, App, Button, Card, DatePicker, Flex, Grid, List, Segmented, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { messageOf } from '../forms';
import { DATE_FORMAT, dayjs, ZONE } from '../format';
import { dynamicKey, useLang } from '../i18n';
import { errorText, keys } from '../queries';
import {
  airingsReport,
  download,
  exemplarsReport,
  reportUrl,
  type AiringGroup,
  type AiringsRow,
} from '../playout-api';

const GROUPS: AiringGroup[] = ['field', 'place', 'month', 'segment', 'reporter'];
/** The table's figures, in the order of the API's CSV and printable page. */
const FIGURES = ['reportages', 'airings', 'firstAirings', 'reAirs', 'partial', 'minutes'] as const;
const number = (value: number) => value.toLocaleString('vi-VN');
/** The chart's series, left to right in each bar: the legend and the tooltip list them in this order. */
const SERIES = ['firstAirings', 'reAirs'];
const seriesOrder = (item: { dataKey?: unknown }) => SERIES.indexOf(String(item.dataKey));

/**
 * The review counts (sơ kết, tổng kết): airings by field, commune or month for a period, as a chart
 * and a table; the CSV and the printable page come from the API, so they match what it counts.
 */
export function ReportsPage() {
  const { t } = useLang();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => {
    const now = dayjs().tz(ZONE);
    return [now.startOf('year'), now];
  });
  const [groupBy, setGroupBy] = useState<AiringGroup>('field');
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const airings = useQuery({
    queryKey: keys.reports({ report: 'airings', from, to, groupBy }),
    queryFn: () => airingsReport(from, to, groupBy),
    placeholderData: keepPreviousData,
  });
  const featured = useQuery({
    queryKey: keys.reports({ report: 'exemplars', from, to }),
    queryFn: () => exemplarsReport(from, to),
    placeholderData: keepPreviousData,
  });
  const report = airings.data ?? null;
  const exemplars = featured.data ?? null;
  const error = errorText(airings.error, featured.error);
  const loading = airings.isFetching || featured.isFetching;

  const csv = () =>
    download(reportUrl('airings', { from, to, groupBy, format: 'csv' }), `bao-cao-${groupBy}.csv`).catch(
      (e: unknown) => void message.error(messageOf(e)),
    );
  const rows = report?.rows ?? [];
  const chartLabel = `${t('rep.chart')}: ${rows.map((r) => `${r.label} ${r.airings}`).join('; ')}`;

  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={1} id="reports-title" style={{ fontSize: 22, marginTop: 0 }}>
        {t('rep.title')}
      </Typography.Title>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label={t('rep.period')}
          format={DATE_FORMAT}
          allowClear={false}
          value={period}
          onChange={(value) => value?.[0] && value[1] && setPeriod([value[0], value[1]])}
          style={{ flex: '1 1 240px', maxWidth: 300 }}
        />
        <Segmented<AiringGroup>
          aria-label={t('rep.groupBy')}
          value={groupBy}
          onChange={setGroupBy}
          options={GROUPS.map((g) => ({ value: g, label: t(dynamicKey(`rep.by.${g}`)) }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        <Flex gap={8} style={{ marginInlineStart: narrow ? 0 : 'auto' }}>
          <Button onClick={() => void csv()}>{t('rep.csv')}</Button>
          <Button href={reportUrl('airings', { from, to, groupBy, format: 'html' })} target="_blank">
            {t('rep.print')}
          </Button>
        </Flex>
      </Flex>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      {groupBy === 'place' && (
        <Typography.Paragraph type="secondary">{t('rep.placeNote')}</Typography.Paragraph>
      )}
      <Card size="small" title={t('rep.chart')} style={{ marginBottom: 12 }}>
        <div
          role="img"
          aria-label={chartLabel}
          style={{ width: '100%', height: Math.max(200, rows.length * 36 + 60) }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={narrow ? 110 : 220} tick={{ fontSize: 12 }} />
              <Tooltip itemSorter={seriesOrder} />
              <Legend itemSorter={seriesOrder} />
              <Bar
                dataKey="firstAirings"
                name={t('rep.firstAirings')}
                stackId="a"
                fill="#b4232a"
                isAnimationActive={false}
              />
              <Bar
                dataKey="reAirs"
                name={t('rep.reAirs')}
                stackId="a"
                fill="#e8a33d"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <Table<AiringsRow>
        rowKey={(r) => String(r.key ?? r.label)}
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t(dynamicKey(`rep.by.${groupBy}`)), dataIndex: 'label', key: 'label' },
          ...FIGURES.map((key) => ({
            title: t(dynamicKey(`rep.${key}`)),
            key,
            align: 'right' as const,
            render: (_: unknown, r: AiringsRow) => number(r[key]),
          })),
        ]}
        summary={() =>
          report && (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t('rep.total')}</Table.Summary.Cell>
              {FIGURES.map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 1} align="right">
                  {number(report.total[key])}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
      <Card
        size="small"
        title={t('rep.never')}
        style={{ marginTop: 12 }}
        extra={
          <a href={reportUrl('exemplars', { from, to, format: 'html' })} target="_blank" rel="noreferrer">
            {t('rep.neverPrint')}
          </a>
        }
      >
        <List
          size="small"
          dataSource={exemplars?.neverFeatured ?? []}
          locale={{ emptyText: t('rep.neverNone') }}
          renderItem={(e) => (
            <List.Item>
              {e.name}
              <Typography.Text type="secondary">
                {' '}
                · {e.field}
                {e.place ? ` · ${e.place}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
