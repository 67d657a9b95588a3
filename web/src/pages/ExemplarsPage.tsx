import { Alert, Flex, Input, List, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get, query } from '../api';
import { pagerTotal } from '../format';
import { StatusTag } from '../components/StatusTag';
import { dynamicKey, useLang } from '../i18n';
import { errorText, keys } from '../queries';
import { Link } from '../router';
import type { Exemplar, Page, Reportage } from '../types';

/** Exemplars (điển hình) with their commendations and, when a row is opened, their reportages. */
export function ExemplarsPage() {
  const { t } = useLang();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [searched, setSearched] = useState('');

  // What was typed is searched once typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => setSearched(q.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [q]);

  const params = { q: searched, ...page };
  const list = useQuery({
    queryKey: keys.exemplars(params),
    queryFn: () => get<Page<Exemplar>>(`/api/exemplars${query(params)}`),
    placeholderData: keepPreviousData,
  });
  const data = list.data ?? null;
  const error = errorText(list.error);
  const loading = list.isFetching;

  return (
    <section aria-labelledby="exemplars-title">
      <Typography.Title level={1} id="exemplars-title" style={{ fontSize: 22, marginTop: 0 }}>
        {t('ex.title')}
      </Typography.Title>
      <Flex style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label={t('search')}
          placeholder={t('ex.q')}
          allowClear
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ maxWidth: 480 }}
        />
      </Flex>
      {error && <Alert type="error" title={error} showIcon role="alert" />}
      <Table<Exemplar>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (e) => <ExemplarDetails exemplar={e} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: pagerTotal(data, page.page, page.pageSize),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        columns={[
          { title: t('ex.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
          { title: t('ex.kind'), key: 'kind', render: (_, e) => t(dynamicKey(`kind.${e.kind}`)) },
          {
            title: t('ex.model'),
            key: 'model',
            responsive: ['md'],
            render: (_, e) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{e.modelName}</div>,
          },
          { title: t('r.field'), key: 'field', responsive: ['lg'], render: (_, e) => e.field?.name },
          { title: t('r.places'), key: 'place', responsive: ['md'], render: (_, e) => e.place?.name },
          {
            title: t('ex.level'),
            key: 'level',
            responsive: ['lg'],
            render: (_, e) => t(dynamicKey(`level.${e.level}`)),
          },
          {
            title: t('ex.commendations'),
            key: 'commendations',
            render: (_, e) =>
              e.commendations.length ? <Tag color="gold">{e.commendations.length}</Tag> : null,
          },
        ]}
      />
    </section>
  );
}

function ExemplarDetails({ exemplar }: { exemplar: Exemplar }) {
  const { t } = useLang();
  const params = { exemplarId: exemplar.id, pageSize: 100 };
  const featured = useQuery({
    queryKey: keys.reportages(params),
    queryFn: () => get<Page<Reportage>>(`/api/reportages${query(params)}`),
  });
  const reportages = featured.data?.items ?? null;
  return (
    <Flex wrap gap={24}>
      <div style={{ flex: '1 1 320px' }}>
        <Typography.Title level={2} style={{ fontSize: 15 }}>
          {t('ex.commendations')}
        </Typography.Title>
        <List
          size="small"
          dataSource={exemplar.commendations}
          locale={{ emptyText: t('ex.none') }}
          renderItem={(c) => (
            <List.Item>
              {c.year} · {t(dynamicKey(`form.${c.form}`))} · {c.issuingBody} (
              {t(dynamicKey(`level.${c.level}`))})
            </List.Item>
          )}
        />
      </div>
      <div style={{ flex: '1 1 320px' }}>
        <Typography.Title level={2} style={{ fontSize: 15 }}>
          {t('ex.reportages')}
        </Typography.Title>
        <List
          size="small"
          loading={reportages === null}
          dataSource={reportages ?? []}
          locale={{ emptyText: t('ex.none') }}
          renderItem={(r) => (
            <List.Item>
              <Link to={`/reportages/${r.id}`}>{r.title}</Link> <StatusTag status={r.status} />
            </List.Item>
          )}
        />
      </div>
    </Flex>
  );
}
