import { Alert, Button, DatePicker, Flex, Grid, Input, Select, Table, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get, query } from '../api';
import { useAuth } from '../auth';
import { StatusTag } from '../components/StatusTag';
import { calendarDate, DATE_FORMAT, duration, pagerTotal, toCalendarDate } from '../format';
import { dynamicKey, useLang } from '../i18n';
import { errorText, keys } from '../queries';
import { FOLDED_SEARCH, FOLDED_TREE_SEARCH, placeOptions, useReference } from '../reference';
import { Link, useRoute } from '../router';
import { REPORTAGE_STATUSES, type Page, type Reportage, type ReportageStatus } from '../types';

interface Filters {
  q: string;
  segmentId?: number;
  fieldId?: number;
  placeId?: number;
  status?: ReportageStatus;
  recorded: [Dayjs | null, Dayjs | null] | null;
  page: number;
  pageSize: number;
}

/** The reportage catalog: diacritic-insensitive search (the API folds), filters, paging. */
export function CatalogPage() {
  const { t } = useLang();
  const { can } = useAuth();
  const { navigate } = useRoute();
  const reference = useReference();
  // On a phone the status moves under the title, so that it shows without scrolling sideways.
  const narrow = !Grid.useBreakpoint().sm;
  const [filters, setFilters] = useState<Filters>({ q: '', recorded: null, page: 1, pageSize: 20 });
  const [typed, setTyped] = useState('');

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...change }));

  const params = {
    q: filters.q.trim(),
    segmentId: filters.segmentId,
    fieldId: filters.fieldId,
    placeId: filters.placeId,
    status: filters.status,
    recordedFrom: toCalendarDate(filters.recorded?.[0]),
    recordedTo: toCalendarDate(filters.recorded?.[1]),
    page: filters.page,
    pageSize: filters.pageSize,
  };
  const list = useQuery({
    queryKey: keys.reportages(params),
    queryFn: () => get<Page<Reportage>>(`/api/reportages${query(params)}`),
    placeholderData: keepPreviousData,
  });
  const data = list.data ?? null;
  const error = errorText(list.error);
  const loading = list.isFetching;

  // Search while typing, a moment after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => typed !== filters.q && set({ q: typed }), 300);
    return () => window.clearTimeout(timer);
  }, [typed, filters.q]);

  return (
    <section aria-labelledby="catalog-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={1} id="catalog-title" style={{ fontSize: 22, margin: 0 }}>
          {t('catalog.title')}
        </Typography.Title>
        {can('editor') && (
          <Button type="primary" onClick={() => navigate('/reportages/new')}>
            {t('menu.newReportage')}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label={t('search')}
          placeholder={t('catalog.q')}
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => set({ q: value })}
          style={{ flex: '1 1 320px' }}
          name="q"
        />
        <Select
          aria-label={t('catalog.segment')}
          placeholder={t('catalog.segment')}
          allowClear
          showSearch={FOLDED_SEARCH}
          style={{ flex: '1 1 160px', maxWidth: 240 }}
          value={filters.segmentId}
          onChange={(segmentId?: number) => set({ segmentId })}
          options={reference?.segments.map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select
          aria-label={t('catalog.field')}
          placeholder={t('catalog.field')}
          allowClear
          showSearch={FOLDED_SEARCH}
          style={{ flex: '1 1 150px', maxWidth: 260 }}
          value={filters.fieldId}
          onChange={(fieldId?: number) => set({ fieldId })}
          options={reference?.fields.map((f) => ({ value: f.id, label: f.name }))}
        />
        <TreeSelect
          aria-label={t('catalog.place')}
          placeholder={t('catalog.place')}
          allowClear
          showSearch={FOLDED_TREE_SEARCH}
          treeDefaultExpandAll
          style={{ flex: '1 1 150px', maxWidth: 240 }}
          value={filters.placeId}
          onChange={(placeId?: number) => set({ placeId })}
          treeData={reference ? placeOptions(reference.places) : []}
        />
        <Select
          aria-label={t('catalog.status')}
          placeholder={t('catalog.status')}
          allowClear
          style={{ flex: '1 1 150px', maxWidth: 190 }}
          value={filters.status}
          onChange={(status?: ReportageStatus) => set({ status })}
          options={REPORTAGE_STATUSES.map((s) => ({ value: s, label: t(dynamicKey(`status.${s}`)) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('catalog.recorded')}
          placeholder={[t('catalog.recorded'), t('catalog.recorded')]}
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          value={filters.recorded}
          onChange={(recorded) => set({ recorded: recorded as Filters['recorded'] })}
          style={{ flex: '1 1 240px', maxWidth: 300 }}
        />
      </Flex>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Table<Reportage>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: pagerTotal(data, filters.page, filters.pageSize),
          showSizeChanger: true,
          showTotal: () =>
            t(data?.totalIsLowerBound ? 'catalog.totalAtLeast' : 'catalog.total', { n: data?.total ?? 0 }),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          {
            title: t('r.title'),
            key: 'title',
            render: (_, r) => (
              <div style={{ maxWidth: narrow ? 300 : 420, minWidth: 200, whiteSpace: 'normal' }}>
                <Link to={`/reportages/${r.id}`}>{r.title}</Link>
                <div style={{ color: '#888', fontSize: 12 }}>{r.exemplars.map((e) => e.name).join(', ')}</div>
                {narrow && <StatusTag status={r.status} />}
              </div>
            ),
          },
          {
            title: t('catalog.status'),
            key: 'status',
            responsive: ['sm'],
            render: (_, r) => <StatusTag status={r.status} />,
          },
          { title: t('r.segment'), key: 'segment', responsive: ['lg'], render: (_, r) => r.segment.name },
          { title: t('r.field'), key: 'field', responsive: ['lg'], render: (_, r) => r.field?.name },
          {
            title: t('r.places'),
            key: 'places',
            responsive: ['md'],
            render: (_, r) => r.places.map((p) => p.name).join(', '),
          },
          {
            title: t('r.recordedOn'),
            key: 'recordedOn',
            responsive: ['sm'],
            render: (_, r) => calendarDate(r.recordedOn),
          },
          {
            title: t('catalog.duration'),
            key: 'duration',
            responsive: ['md'],
            render: (_, r) => duration(r.durationSeconds),
          },
        ]}
      />
    </section>
  );
}
